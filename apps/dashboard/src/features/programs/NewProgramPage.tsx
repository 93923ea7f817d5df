import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useDocumentTitle } from '../../app/layout/use-document-title';
import { forgetCatalogueLists } from '../catalogue/forget-catalogue';
import type { CatalogueRecordNotice } from '../catalogue/record-notice';
import { emptyProgram, programInput } from './program-form';
import { ProgramForm } from './ProgramForm';
import { CreateProgramMutation } from './programs-documents';
import '../catalogue/catalogue.css';

export default function NewProgramPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('programs.new.title'));
  const navigate = useNavigate();
  const [initial] = useState(emptyProgram);
  const [create] = useMutation(CreateProgramMutation, { update: forgetCatalogueLists });

  return (
    <>
      <p className="breadcrumb">
        <Link to="/catalogue/programs">{t('programs.backToList')}</Link>
      </p>
      <h1>{t('programs.new.title')}</h1>
      <p className="page-intro">{t('programs.new.intro')}</p>
      <ProgramForm
        initial={initial}
        submitLabel={t('programs.new.submit')}
        submittingLabel={t('catalogue.creating')}
        failedTitle={t('programs.new.failed')}
        cancelTo="/catalogue/programs"
        onSubmit={async (values) => {
          const { data } = await create({ variables: { input: programInput(values) } });
          if (!data) return;
          const { program } = data.createProgram;
          const notice: CatalogueRecordNotice = { created: program.name };
          await navigate(`/catalogue/programs/${encodeURIComponent(program.id)}`, { state: notice });
        }}
      />
    </>
  );
}
