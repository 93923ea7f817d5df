import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useDocumentTitle } from '../../app/layout/use-document-title';
import type { CentreDetailFieldsFragment } from '../../gql/graphql';
import { canEditCentre, canManageCentres } from '../auth/permissions';
import { NotAllowed } from '../auth/RequirePermission';
import { useSession } from '../auth/session-context';
import { CentreBreadcrumb } from './CentreBreadcrumb';
import { CentreEditQuery, CloseCentreMutation, ReopenCentreMutation, UpdateCentreMutation } from './centre-documents';
import { CentreState } from './CentreState';
import { centreInput, centreValues, contactsInput } from './centre-form';
import { CentreForm } from './CentreForm';
import { CloseRecordPanel } from './CloseRecordPanel';
import { forgetCentreLists } from './forget-records';
import './network.css';

/**
 * Changing a centre. An administrator changes everything (its names in the three languages, its place
 * in the network, its coordinates) and may close or reopen it; the centre's own coordinator keeps its
 * contacts up to date. Anyone else is told they may not.
 */
export default function CentreEditPage() {
  const { t } = useTranslation();
  const { centreId = '' } = useParams();
  const { ability } = useSession();
  const { data, error, loading, refetch } = useQuery(CentreEditQuery, { variables: { id: centreId } });
  const centre = data?.centre;
  useDocumentTitle(centre ? t('centre.edit.titleOf', { name: centre.name }) : t('centre.edit.title'));

  if (!canEditCentre(ability, centreId)) return <NotAllowed />;

  return (
    <>
      <CentreBreadcrumb centreId={centreId} />
      <h1>{centre ? t('centre.edit.titleOf', { name: centre.name }) : t('centre.edit.title')}</h1>
      <CentreState centre={centre} error={error} loading={loading} refetch={refetch}>
        {(found) => <CentreEditSections centre={found} />}
      </CentreState>
    </>
  );
}

function CentreEditSections({ centre }: { centre: CentreDetailFieldsFragment }) {
  const { t } = useTranslation();
  const { ability } = useSession();
  const wholeCentre = canEditCentre(ability, centre.id, 'names');
  const [closeCentre] = useMutation(CloseCentreMutation, { update: forgetCentreLists });
  const [reopenCentre] = useMutation(ReopenCentreMutation, { update: forgetCentreLists });
  return (
    <>
      <p className="page-intro">{wholeCentre ? t('centre.edit.intro') : t('centre.edit.contactsIntro')}</p>
      <CentreEditForm centre={centre} wholeCentre={wholeCentre} />
      {/* The regional centre is the root of the network: it cannot close. */}
      {canManageCentres(ability) && centre.parent ? (
        <CloseRecordPanel
          heading={t('centre.edit.closingHeading')}
          closedOn={centre.closedOn ?? null}
          texts={{
            close: t('centre.edit.close'),
            question: t('centre.edit.closeQuestion'),
            reopen: t('centre.edit.reopen'),
            closedOn: (date) => t('centre.edit.closedOn', { date }),
          }}
          onClose={(closedOn) => closeCentre({ variables: { input: { id: centre.id, closedOn } } })}
          onReopen={() => reopenCentre({ variables: { input: { id: centre.id } } })}
        />
      ) : null}
    </>
  );
}

function CentreEditForm({ centre, wholeCentre }: { centre: CentreDetailFieldsFragment; wholeCentre: boolean }) {
  const { t } = useTranslation();
  const [updateCentre] = useMutation(UpdateCentreMutation, { update: forgetCentreLists });
  return (
    <CentreForm
      initial={centreValues(centre)}
      wholeCentre={wholeCentre}
      isRoot={!centre.parent}
      submitLabel={t('form.save')}
      failedTitle={t('centre.edit.saveFailed')}
      savedNotice={t('form.saved')}
      onSave={(values) => updateCentre({ variables: { input: wholeCentre ? centreInput(centre.id, values) : contactsInput(centre.id, values) } })}
    />
  );
}
