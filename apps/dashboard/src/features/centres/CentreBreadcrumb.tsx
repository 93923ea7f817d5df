import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CentreNameQuery } from './centre-documents';

/**
 * "← Temirtau": back to the centre a form belongs to. The name is usually in the cache already (the
 * form was opened from the centre's page); until it arrives the link says "Back to the centre".
 */
export function CentreBreadcrumb({ centreId }: { centreId: string }) {
  const { t } = useTranslation();
  const { data } = useQuery(CentreNameQuery, { variables: { id: centreId } });
  const name = data?.centre?.name;
  return (
    <p className="breadcrumb">
      <Link to={`/centres/${encodeURIComponent(centreId)}`}>{name ? t('centre.backTo', { name }) : t('centre.backToCentre')}</Link>
    </p>
  );
}

/** What the centre page says after a form added something (router state, set by the form). */
export interface CentrePageNotice {
  added: 'space' | 'equipment' | 'club' | 'centre';
  name: string;
}
