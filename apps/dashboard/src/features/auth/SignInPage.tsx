import { useApolloClient, useMutation } from '@apollo/client/react';
import type { TFunction } from 'i18next';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router';
import { failureCode } from '../../app/apollo/error-code';
import { fieldErrors, retryAfterSeconds } from '../../app/apollo/error-details';
import { fromApiLanguage } from '../../app/i18n/api-language';
import { applyAccountLanguage } from '../../app/i18n/i18n';
import { useDocumentTitle } from '../../app/layout/use-document-title';
import { Field } from '../../app/ui/Field';
import { LoginMutation } from './auth-documents';
import { SessionChecking } from './RequireSession';
import { nextAfterSignIn } from './next-path';
import { useSession } from './session-context';

type Problems = { email?: string; password?: string };

export default function SignInPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('signIn.title'));
  const { state, store } = useSession();
  const [search] = useSearchParams();
  const client = useApolloClient();
  const [login, { loading }] = useMutation(LoginMutation);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [problems, setProblems] = useState<Problems>({});
  const [failure, setFailure] = useState<{ error: unknown } | null>(null);

  if (state.status === 'restoring') return <SessionChecking />;
  if (state.status === 'signed-in') return <Navigate replace to={nextAfterSignIn(search)} />;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const missing: Problems = {};
    if (email.trim() === '') missing.email = t('signIn.emailMissing');
    if (password === '') missing.password = t('signIn.passwordMissing');
    setProblems(missing);
    setFailure(null);
    if (missing.email || missing.password) return;
    try {
      const { data } = await login({ variables: { input: { email: email.trim(), password } } });
      if (!data) return;
      // Nothing a previous person loaded in this tab may show to the next one.
      await client.clearStore();
      await applyAccountLanguage(i18n, fromApiLanguage(data.login.user.preferredLanguage));
      // The page re-renders signed in and goes on to `next`.
      store.signIn(data.login);
    } catch (error) {
      setProblems(fieldErrors(error));
      setFailure({ error });
      setPassword('');
    }
  }

  const notice =
    state.status === 'signed-out' && state.reason === 'expired'
      ? t('signIn.sessionEnded')
      : state.status === 'signed-out' && state.reason === 'signed-out'
        ? t('signIn.signedOut')
        : null;

  return (
    <div className="sign-in">
      <h1>{t('signIn.title')}</h1>
      <p className="page-intro">{t('signIn.intro')}</p>
      {notice && !failure ? (
        <p className="notice" role="status" data-testid="sign-in-notice">
          {notice}
        </p>
      ) : null}
      {failure ? <SignInFailure error={failure.error} /> : null}
      <form className="form" noValidate onSubmit={(event) => void submit(event)} aria-busy={loading}>
        <Field label={t('signIn.email')} error={problems.email}>
          {(control) => (
            <input
              {...control}
              type="email"
              name="email"
              autoComplete="username"
              inputMode="email"
              spellCheck={false}
              value={email}
              onChange={(event) => setEmail(event.target.value)}
            />
          )}
        </Field>
        <Field label={t('signIn.password')} error={problems.password}>
          {(control) => (
            <input
              {...control}
              type="password"
              name="password"
              autoComplete="current-password"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
          )}
        </Field>
        <div className="form-actions">
          <button type="submit" disabled={loading}>
            {loading ? t('signIn.submitting') : t('signIn.submit')}
          </button>
        </div>
      </form>
      <p className="muted">{t('signIn.forgotten')}</p>
    </div>
  );
}

/** Why signing in failed, in plain words, by the error's code (never its text). */
function SignInFailure({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const code = failureCode(error);
  let message: string;
  switch (code) {
    case 'UNAUTHENTICATED':
      // The API answers a wrong email, a wrong password and a deactivated account alike; so do we.
      message = t('signIn.wrongCredentials');
      break;
    case 'RATE_LIMITED':
      message = rateLimitedMessage(retryAfterSeconds(error), t);
      break;
    case 'BAD_USER_INPUT':
      message = t('form.checkFields');
      break;
    default:
      message = t(`errors.${code}`);
  }
  return (
    <div className="error-state" role="alert" data-error-code={code}>
      <p className="error-state-title">{t('signIn.failedTitle')}</p>
      <p>{message}</p>
    </div>
  );
}

// TFunction, not ReturnType<typeof useTranslation>['t']: with the messages grown, the latter sends
// TypeScript into "type instantiation is excessively deep".
function rateLimitedMessage(seconds: number | undefined, t: TFunction): string {
  if (seconds === undefined) return t('signIn.rateLimited');
  if (seconds < 60) return t('signIn.rateLimitedSeconds', { count: Math.max(1, seconds) });
  return t('signIn.rateLimitedMinutes', { count: Math.ceil(seconds / 60) });
}
