import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../app/apollo/error-details';
import { fromApiLanguage, toApiLanguage } from '../../app/i18n/api-language';
import { currentLanguage } from '../../app/i18n/i18n';
import { useDocumentTitle } from '../../app/layout/use-document-title';
import { ErrorState } from '../../app/ui/ErrorState';
import { Field } from '../../app/ui/Field';
import { FormActions } from '../../app/ui/FormActions';
import { FormError } from '../../app/ui/FormError';
import { ListSkeleton } from '../../app/ui/ListSkeleton';
import { Notice } from '../../app/ui/Notice';
import { useFormSubmit } from '../../app/ui/use-form-submit';
import type { MyAccountQuery as MyAccountResult } from '../../gql/graphql';
import { useSession } from '../auth/session-context';
import { validatePasswordPair } from '../users/user-form';
import { LanguageField, NewPasswordFields } from '../users/UserFields';
import { ChangeMyPasswordMutation, MyAccountQuery, UpdateMyPreferencesMutation } from './account-documents';

type Me = MyAccountResult['me'];

/** The signed-in person's own account: their name, the language the dashboard opens in, their password. */
export default function AccountPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('account.title'));
  // previousData keeps the forms mounted (and their messages shown) while a language switch refetches.
  const { data, previousData, error, refetch } = useQuery(MyAccountQuery);
  const me = (data ?? previousData)?.me;

  let body;
  if (error && !me) {
    body = (
      <ErrorState
        title={t('account.errorTitle')}
        error={error}
        onRetry={() => {
          refetch().catch(() => undefined);
        }}
      />
    );
  } else if (!me) {
    body = <ListSkeleton label={t('account.loading')} testId="account-loading" />;
  } else {
    body = (
      <>
        <dl className="facts">
          <dt>{t('account.email')}</dt>
          <dd>{me.email}</dd>
          <dt>{t('account.role')}</dt>
          <dd>{t(`role.${me.role}`)}</dd>
          {me.centre ? (
            <>
              <dt>{t('account.centre')}</dt>
              <dd>{me.centre.name}</dd>
            </>
          ) : null}
        </dl>
        <PreferencesForm me={me} />
        <ChangePasswordForm />
      </>
    );
  }

  return (
    <>
      <h1>{t('account.title')}</h1>
      <p className="page-intro">{t('account.intro')}</p>
      {body}
    </>
  );
}

function PreferencesForm({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const { store } = useSession();
  const [displayName, setDisplayName] = useState(me.displayName);
  const [language, setLanguage] = useState(() => fromApiLanguage(me.preferredLanguage));
  const [update] = useMutation(UpdateMyPreferencesMutation);
  const form = useFormSubmit({
    validate: () => (displayName.trim() === '' ? { displayName: t('form.required') } : {}),
    send: async () => {
      const { data } = await update({
        variables: { input: { displayName: displayName.trim(), preferredLanguage: toApiLanguage(language) } },
      });
      if (!data) return;
      const { user } = data.updateMyPreferences;
      store.updateUser({ displayName: user.displayName, preferredLanguage: user.preferredLanguage });
      // The person just said which language they read: speak it now, not only at the next sign-in.
      const preferred = fromApiLanguage(user.preferredLanguage);
      if (preferred !== currentLanguage(i18n)) await i18n.changeLanguage(preferred);
    },
  });
  const { problems } = form;

  return (
    <section className="panel" aria-labelledby="account-preferences-heading">
      <h2 id="account-preferences-heading">{t('account.preferencesHeading')}</h2>
      {form.failure ? <FormError title={t('account.preferencesFailed')} {...form.failure} /> : null}
      {form.sent ? <Notice>{t('form.saved')}</Notice> : null}
      <form className="form" noValidate onSubmit={form.onSubmit} aria-busy={form.sending}>
        <Field label={t('account.displayName')} error={problems['displayName']}>
          {(control) => (
            <input
              {...control}
              name="displayName"
              autoComplete="name"
              value={displayName}
              onChange={(event) => setDisplayName(event.target.value)}
            />
          )}
        </Field>
        <LanguageField label={t('account.language')} value={language} error={problems['preferredLanguage']} onChange={setLanguage} />
        <FormActions sending={form.sending} submitLabel={t('form.save')} />
      </form>
    </section>
  );
}

function ChangePasswordForm() {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [change] = useMutation(ChangeMyPasswordMutation);
  const form = useFormSubmit({
    validate: () => {
      const found = validatePasswordPair(password, confirmation, t);
      if (current === '') found['currentPassword'] = t('form.required');
      return found;
    },
    send: async () => {
      await change({ variables: { input: { currentPassword: current, newPassword: password } } });
      setCurrent('');
      setPassword('');
      setConfirmation('');
    },
    refusalProblems: (error) => {
      const problems = fieldErrors(error);
      // The only thing the API can say about the current password is that it is wrong: say it in the UI's language.
      if (problems['currentPassword']) problems['currentPassword'] = t('account.currentPasswordWrong');
      return problems;
    },
  });
  const { problems } = form;

  return (
    <section className="panel" aria-labelledby="account-password-heading">
      <h2 id="account-password-heading">{t('account.passwordHeading')}</h2>
      {form.failure ? <FormError title={t('account.passwordFailed')} {...form.failure} /> : null}
      {form.sent ? <Notice>{t('account.passwordChanged')}</Notice> : null}
      <form className="form" noValidate onSubmit={form.onSubmit} aria-busy={form.sending}>
        <Field label={t('account.currentPassword')} error={problems['currentPassword']}>
          {(control) => (
            <input
              {...control}
              type="password"
              name="currentPassword"
              autoComplete="current-password"
              value={current}
              onChange={(event) => setCurrent(event.target.value)}
            />
          )}
        </Field>
        <NewPasswordFields
          password={password}
          confirmation={confirmation}
          problems={problems}
          onPassword={setPassword}
          onConfirmation={setConfirmation}
        />
        <FormActions sending={form.sending} submitLabel={t('account.changePassword')} />
      </form>
    </section>
  );
}
