import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { fromApiLanguage, toApiLanguage } from '../../app/i18n/api-language';
import { formatDateTime } from '../../app/i18n/format-date';
import { useDocumentTitle } from '../../app/layout/use-document-title';
import { ConfirmQuestion } from '../../app/ui/ConfirmQuestion';
import { ErrorState } from '../../app/ui/ErrorState';
import { FormActions } from '../../app/ui/FormActions';
import { FormError } from '../../app/ui/FormError';
import { ListSkeleton } from '../../app/ui/ListSkeleton';
import { Notice } from '../../app/ui/Notice';
import { useFormSubmit } from '../../app/ui/use-form-submit';
import type { UserDetailFieldsFragment } from '../../gql/graphql';
import { useSession } from '../auth/session-context';
import { forgetUserLists } from './forget-lists';
import { StatusBadge } from './StatusBadge';
import { needsCentre, validatePasswordPair, validateUserDetails, type UserDetailsValues } from './user-form';
import { NewPasswordFields, UserDetailsFields } from './UserFields';
import {
  ActivateUserMutation,
  DeactivateUserMutation,
  ResetUserPasswordMutation,
  UpdateUserMutation,
  UserQuery,
} from './users-documents';

/** One account: its details to edit, whether it may sign in, and a password reset. */
export default function UserPage() {
  const { t } = useTranslation();
  const { userId = '' } = useParams();
  const { data, error, loading, refetch } = useQuery(UserQuery, { variables: { id: userId } });
  const user = data?.user;
  useDocumentTitle(user?.displayName ?? t('users.edit.title'));

  let body;
  if (error) {
    body = (
      <ErrorState
        title={t('users.edit.errorTitle')}
        error={error}
        onRetry={() => {
          refetch().catch(() => undefined);
        }}
      />
    );
  } else if (loading && !user) {
    body = <ListSkeleton label={t('users.edit.loading')} testId="user-loading" />;
  } else if (!user) {
    body = (
      <div className="empty-state">
        <p className="empty-state-title">{t('users.edit.notFoundTitle')}</p>
        <p>{t('users.edit.notFoundHint')}</p>
      </div>
    );
  } else {
    body = <UserSections user={user} />;
  }

  return (
    <>
      <p className="breadcrumb">
        <Link to="/users">{t('users.backToList')}</Link>
      </p>
      {user ? null : <h1>{t('users.edit.title')}</h1>}
      {body}
    </>
  );
}

function UserSections({ user }: { user: UserDetailFieldsFragment }) {
  const { t } = useTranslation();
  return (
    <>
      <div className="page-head">
        <div>
          <h1>{user.displayName}</h1>
          <p className="page-intro">
            {user.email} · {t(`role.${user.role}`)}
            {user.centre ? ` · ${user.centre.name}` : ''}
          </p>
        </div>
        <StatusBadge active={user.active} />
      </div>
      <dl className="facts">
        <dt>{t('users.edit.createdAt')}</dt>
        <dd>{formatDateTime(user.createdAt, t)}</dd>
        <dt>{t('users.column.lastSignIn')}</dt>
        <dd>{user.lastSignInAt ? formatDateTime(user.lastSignInAt, t) : t('users.neverSignedIn')}</dd>
      </dl>
      <p>
        <Link to={`/audit?${new URLSearchParams({ entityType: 'User', entityId: user.id }).toString()}`}>{t('users.edit.auditLink')}</Link>
      </p>
      <UserDetailsForm user={user} />
      <AccountAccess user={user} />
      <ResetPasswordForm user={user} />
    </>
  );
}

function detailsOf(user: UserDetailFieldsFragment): UserDetailsValues {
  return {
    displayName: user.displayName,
    role: user.role,
    centreId: user.centre?.id ?? '',
    preferredLanguage: fromApiLanguage(user.preferredLanguage),
  };
}

function UserDetailsForm({ user }: { user: UserDetailFieldsFragment }) {
  const { t } = useTranslation();
  const { user: me, store } = useSession();
  const [values, setValues] = useState<UserDetailsValues>(() => detailsOf(user));
  const [updateUser] = useMutation(UpdateUserMutation, { update: forgetUserLists });
  const form = useFormSubmit({
    validate: () => validateUserDetails(values, t),
    send: async () => {
      const { data } = await updateUser({
        variables: {
          input: {
            id: user.id,
            displayName: values.displayName.trim(),
            role: values.role,
            // Only a coordinator has a centre; the API drops it when the role changes away.
            ...(needsCentre(values.role) ? { centreId: values.centreId } : {}),
            preferredLanguage: toApiLanguage(values.preferredLanguage),
          },
        },
      });
      const updated = data?.updateUser.user;
      // An administrator editing their own account: the header and what they may do follow.
      if (updated && updated.id === me?.id) {
        store.updateUser({
          displayName: updated.displayName,
          role: updated.role,
          preferredLanguage: updated.preferredLanguage,
          centre: updated.centre ? { __typename: 'Centre', id: updated.centre.id } : null,
        });
      }
    },
  });

  return (
    <section className="panel" aria-labelledby="user-details-heading">
      <h2 id="user-details-heading">{t('users.edit.detailsHeading')}</h2>
      {form.failure ? <FormError title={t('users.edit.saveFailed')} {...form.failure} /> : null}
      {form.sent ? <Notice>{t('form.saved')}</Notice> : null}
      <form className="form" noValidate onSubmit={form.onSubmit} aria-busy={form.sending}>
        <UserDetailsFields values={values} problems={form.problems} onChange={setValues} />
        <FormActions sending={form.sending} submitLabel={t('form.save')} />
      </form>
    </section>
  );
}

/** Deactivate (sessions end at once) or activate again, each after a confirmation. */
function AccountAccess({ user }: { user: UserDetailFieldsFragment }) {
  const { t } = useTranslation();
  const { user: me } = useSession();
  // Which change is being confirmed: once the answer arrives and the account flips, the question goes.
  const [confirming, setConfirming] = useState<'deactivate' | 'activate' | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [deactivate, deactivation] = useMutation(DeactivateUserMutation, { update: forgetUserLists });
  const [activate, activation] = useMutation(ActivateUserMutation, { update: forgetUserLists });
  const busy = deactivation.loading || activation.loading;
  const self = me?.id === user.id;
  const change = user.active ? 'deactivate' : 'activate';

  async function confirm() {
    setFailure(null);
    try {
      const variables = { input: { id: user.id } };
      if (change === 'deactivate') await deactivate({ variables });
      else await activate({ variables });
      setConfirming(null);
    } catch (error) {
      setFailure(error);
    }
  }

  return (
    <section className="panel" aria-labelledby="user-access-heading">
      <h2 id="user-access-heading">{t('users.access.heading')}</h2>
      <p>{user.active ? t('users.access.activeText') : t('users.access.inactiveText')}</p>
      {failure ? <FormError title={t('users.access.failed')} error={failure} /> : null}
      {self && user.active ? (
        <p className="muted">{t('users.access.notSelf')}</p>
      ) : confirming === change ? (
        <ConfirmQuestion
          question={
            user.active ? t('users.access.confirmDeactivate', { name: user.displayName }) : t('users.access.confirmActivate', { name: user.displayName })
          }
          confirmLabel={user.active ? t('users.access.deactivateConfirm') : t('users.access.activateConfirm')}
          danger={user.active}
          busy={busy}
          onConfirm={() => void confirm()}
          onCancel={() => setConfirming(null)}
        />
      ) : (
        <button type="button" className={user.active ? 'button-danger' : undefined} onClick={() => setConfirming(change)}>
          {user.active ? t('users.access.deactivate') : t('users.access.activate')}
        </button>
      )}
    </section>
  );
}

function ResetPasswordForm({ user }: { user: UserDetailFieldsFragment }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [reset] = useMutation(ResetUserPasswordMutation, { update: forgetUserLists });
  const form = useFormSubmit({
    validate: () => validatePasswordPair(password, confirmation, t),
    send: async () => {
      await reset({ variables: { input: { id: user.id, newPassword: password } } });
      setPassword('');
      setConfirmation('');
    },
  });

  return (
    <section className="panel" aria-labelledby="user-password-heading">
      <h2 id="user-password-heading">{t('users.password.heading')}</h2>
      <p>{t('users.password.intro')}</p>
      {form.failure ? <FormError title={t('users.password.failed')} {...form.failure} /> : null}
      {form.sent ? <Notice>{t('users.password.done', { name: user.displayName })}</Notice> : null}
      <form className="form" noValidate onSubmit={form.onSubmit} aria-busy={form.sending}>
        <NewPasswordFields
          password={password}
          confirmation={confirmation}
          problems={form.problems}
          onPassword={setPassword}
          onConfirmation={setConfirmation}
        />
        <FormActions sending={form.sending} submitLabel={t('users.password.submit')} />
      </form>
    </section>
  );
}
