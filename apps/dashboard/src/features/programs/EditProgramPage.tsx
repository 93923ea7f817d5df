import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useDocumentTitle } from '../../app/layout/use-document-title';
import { forgetCatalogueLists } from '../catalogue/forget-catalogue';
import type { CatalogueRecordNotice } from '../catalogue/record-notice';
import { programInput, programValues } from './program-form';
import { ProgramForm } from './ProgramForm';
import { ProgramState } from './ProgramState';
import { ProgramQuery, UpdateProgramMutation } from './programs-documents';
import '../catalogue/catalogue.css';

/** The program's every field, for an administrator; the program page opens it (usually from the cache). */
export default function EditProgramPage() {
  const { t } = useTranslation();
  const { programId = '' } = useParams();
  const navigate = useNavigate();
  const { data, error, loading, refetch } = useQuery(ProgramQuery, { variables: { id: programId } });
  const [update] = useMutation(UpdateProgramMutation, { update: forgetCatalogueLists });
  const program = data?.program;
  const pagePath = `/catalogue/programs/${encodeURIComponent(programId)}`;
  useDocumentTitle(t('programs.edit.title'));

  return (
    <>
      <p className="breadcrumb">
        <Link to={pagePath}>{program ? t('programs.edit.backTo', { name: program.name }) : t('programs.backToList')}</Link>
      </p>
      <h1>{t('programs.edit.title')}</h1>
      {program ? <p className="page-intro">{program.name}</p> : null}
      <ProgramState program={program} error={error} loading={loading} refetch={refetch}>
        {(found) => (
          <ProgramForm
            key={found.id}
            initial={programValues(found)}
            submitLabel={t('form.save')}
            submittingLabel={t('form.saving')}
            failedTitle={t('catalogue.saveFailed')}
            cancelTo={pagePath}
            onSubmit={async (values) => {
              await update({ variables: { input: { id: found.id, ...programInput(values) } } });
              const notice: CatalogueRecordNotice = { saved: true };
              await navigate(pagePath, { state: notice });
            }}
          />
        )}
      </ProgramState>
    </>
  );
}
