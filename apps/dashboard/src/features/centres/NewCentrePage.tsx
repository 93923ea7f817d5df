import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useDocumentTitle } from '../../app/layout/use-document-title';
import { PageLoading } from '../../app/ui/PageLoading';
import type { CentrePageNotice } from './CentreBreadcrumb';
import { CreateCentreMutation } from './centre-documents';
import { newCentreInput, newCentreValues } from './centre-form';
import { CentreForm } from './CentreForm';
import { forgetNetwork } from './forget-records';
import { useNetworkCentres } from './use-network-centres';
import './network.css';

/**
 * A new centre of the network (`/centres/new`, administrators; the route checks). It goes under the
 * regional centre unless another parent is chosen; once saved, its page opens and the network's lists
 * ask again so that it shows there.
 */
export default function NewCentrePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('centre.new.title'));
  const navigate = useNavigate();
  // The parent picker's own list (usually cached already): the regional centre is the one with no parent.
  const { connection, error } = useNetworkCentres();
  const [createCentre] = useMutation(CreateCentreMutation, { update: forgetNetwork });

  const regionalId = connection?.nodes.find((centre) => !centre.parent)?.id ?? '';
  return (
    <>
      <p className="breadcrumb">
        <Link to="/centres">{t('centre.backToNetwork')}</Link>
      </p>
      <h1>{t('centre.new.title')}</h1>
      <p className="page-intro">{t('centre.new.intro')}</p>
      {/* Without the list the form starts with no parent; the picker says why and offers to retry. */}
      {!connection && !error ? (
        <PageLoading />
      ) : (
        <CentreForm
          initial={newCentreValues(regionalId)}
          wholeCentre
          isRoot={false}
          submitLabel={t('centre.new.submit')}
          sendingLabel={t('centre.new.submitting')}
          failedTitle={t('centre.new.failed')}
          cancelTo="/centres"
          onSave={async (values) => {
            const { data } = await createCentre({ variables: { input: newCentreInput(values) } });
            const centre = data?.createCentre.centre;
            if (!centre) return;
            const notice: CentrePageNotice = { added: 'centre', name: centre.name };
            await navigate(`/centres/${encodeURIComponent(centre.id)}`, { state: notice });
          }}
        />
      )}
    </>
  );
}
