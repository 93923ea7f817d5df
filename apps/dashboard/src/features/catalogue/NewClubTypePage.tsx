import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useDocumentTitle } from '../../app/layout/use-document-title';
import { FormActions } from '../../app/ui/FormActions';
import { FormError } from '../../app/ui/FormError';
import { useFormSubmit } from '../../app/ui/use-form-submit';
import { clubTypeInput, EMPTY_CLUB_TYPE, validateClubType, type ClubTypeValues } from './club-type-form';
import { ClubTypeFields, isClubTypeField } from './ClubTypeFields';
import { CreateClubTypeMutation } from './club-types-documents';
import { catalogueRefusalProblems } from './form-problems';
import { forgetCatalogueLists } from './forget-catalogue';
import type { CatalogueRecordNotice } from './record-notice';
import './catalogue.css';

export default function NewClubTypePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('catalogue.clubTypes.new.title'));
  const navigate = useNavigate();
  const [values, setValues] = useState<ClubTypeValues>(EMPTY_CLUB_TYPE);
  const [create] = useMutation(CreateClubTypeMutation, { update: forgetCatalogueLists });
  const form = useFormSubmit({
    validate: () => validateClubType(values, t),
    send: async () => {
      const { data } = await create({ variables: { input: clubTypeInput(values) } });
      if (!data) return;
      const { clubType } = data.createClubType;
      const notice: CatalogueRecordNotice = { created: clubType.name };
      await navigate(`/catalogue/club-types/${encodeURIComponent(clubType.id)}`, { state: notice });
    },
    refusalProblems: (error) => catalogueRefusalProblems(error, t),
    isShown: isClubTypeField,
  });

  return (
    <>
      <p className="breadcrumb">
        <Link to="/catalogue">{t('catalogue.backToClubTypes')}</Link>
      </p>
      <h1>{t('catalogue.clubTypes.new.title')}</h1>
      <p className="page-intro">{t('catalogue.clubTypes.new.intro')}</p>
      {form.failure ? <FormError title={t('catalogue.clubTypes.new.failed')} {...form.failure} /> : null}
      <form className="form form-wide" noValidate onSubmit={form.onSubmit} aria-busy={form.sending}>
        <ClubTypeFields values={values} problems={form.problems} onChange={setValues} />
        <FormActions sending={form.sending} submitLabel={t('catalogue.clubTypes.new.submit')} sendingLabel={t('catalogue.creating')} cancelTo="/catalogue" />
      </form>
    </>
  );
}
