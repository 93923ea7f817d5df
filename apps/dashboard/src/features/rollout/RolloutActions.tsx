import { useMutation } from '@apollo/client/react';
import { allowedRolloutActions, openGates, rolloutActionNeedsReason, rolloutRefusal, type PolicyUser, type RolloutAction } from '@mrc/domain';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { failureCode } from '../../app/apollo/error-code';
import { Field } from '../../app/ui/Field';
import { hasProblems, inFields, splitProblems, type FieldProblems } from '../../app/ui/field-problems';
import { FormError } from '../../app/ui/FormError';
import type { RolloutItemFieldsFragment } from '../../gql/graphql';
import { AdvanceRolloutMutation } from './rollout-documents';
import { gateNames, rolloutProblems } from './rollout-problems';

/** At most this long, as the API takes it. */
export const REASON_MAX_LENGTH = 2000;

/** Steps that ask something first: why (pause, cancel, revive) or on which day (launch). */
type AskingAction = Extract<RolloutAction, 'PAUSE' | 'CANCEL' | 'REVIVE' | 'LAUNCH'>;

function asks(action: RolloutAction): action is AskingAction {
  return action === 'LAUNCH' || rolloutActionNeedsReason(action);
}

interface RolloutActionsProps {
  item: RolloutItemFieldsFragment;
  user: PolicyUser | null;
  today: string;
  onDone: (action: RolloutAction) => void;
  /** The item changed since it was read (CONFLICT): the panel loads it again and says so. */
  onConflict: () => void;
}

/**
 * The steps this person may take now, by the same rules the API enforces (@mrc/domain): only those
 * are offered. A launch (or resumption) still waiting on gates is shown, disabled, with the gates it
 * waits for, so the district sees what is left. A pause, a cancellation and a revival ask why; a launch asks the
 * day. Each step names the version read, so a step on an item changed meanwhile is refused.
 */
export function RolloutActions({ item, user, today, onDone, onConflict }: RolloutActionsProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const actionErrorId = useId();
  const [asking, setAsking] = useState<AskingAction | null>(null);
  const [reason, setReason] = useState('');
  const [launchedOn, setLaunchedOn] = useState(today);
  const [problems, setProblems] = useState<FieldProblems>({});
  const [failure, setFailure] = useState<{ error: unknown; action: RolloutAction } | null>(null);
  const [busy, setBusy] = useState(false);
  const [advance] = useMutation(AdvanceRolloutMutation);

  const state = { status: item.status, gates: item.gates, launchedOn: item.launchedOn, centreId: item.centre.id };
  const allowed = allowedRolloutActions(state, user);
  // Offered but not yet possible: a launch (or the resumption of a launched club) while gates are
  // open, so the district sees what is left. Anything else refused is not shown.
  const waiting = (['LAUNCH', 'RESUME'] as const).find((action) => !allowed.includes(action) && rolloutRefusal(state, action, user, null) === 'gatesOpen') ?? null;

  function reset() {
    setAsking(null);
    setReason('');
    setLaunchedOn(today);
    setProblems({});
  }

  async function run(action: RolloutAction) {
    setFailure(null);
    setProblems({});
    setBusy(true);
    try {
      await advance({
        variables: {
          input: {
            id: item.id,
            version: item.version,
            action,
            ...(rolloutActionNeedsReason(action) ? { reason: reason.trim() } : {}),
            ...(action === 'LAUNCH' && launchedOn ? { launchedOn } : {}),
          },
        },
      });
      reset();
      onDone(action);
    } catch (error) {
      if (failureCode(error) === 'CONFLICT') {
        reset();
        onConflict();
        return;
      }
      setProblems(rolloutProblems(error, t));
      setFailure({ error, action });
    } finally {
      setBusy(false);
    }
  }

  function submitAsked(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!asked) return;
    if (rolloutActionNeedsReason(asked) && reason.trim() === '') {
      setProblems({ reason: t('rollout.problem.reasonNeeded') });
      return;
    }
    if (asked === 'LAUNCH' && launchedOn > today) {
      setProblems({ launchedOn: t('rollout.problem.launchNotInFuture') });
      return;
    }
    void run(asked);
  }

  // A step asked about may stop being possible while the person types (the item changed elsewhere).
  const asked = asking !== null && allowed.includes(asking) ? asking : null;
  if (allowed.length === 0 && !waiting) return null;
  const { atFields, elsewhere } = splitProblems(problems, inFields(['action', 'reason', 'launchedOn']));
  const forbiddenExplanation =
    failure && failureCode(failure.error) === 'FORBIDDEN'
      ? t(failure.action === 'CANCEL' || failure.action === 'REVIVE' ? 'rollout.actions.regionDecides' : 'rollout.actions.notYourDistrict')
      : undefined;

  return (
    <section className="rollout-actions" aria-labelledby={headingId} data-testid="rollout-actions">
      <h3 id={headingId}>{t('rollout.actions.heading')}</h3>
      {failure ? (
        <FormError
          title={t('rollout.actions.failed', { step: t(`rollout.action.${failure.action}`) })}
          error={failure.error}
          atFields={hasProblems(atFields)}
          elsewhere={elsewhere}
          {...(forbiddenExplanation ? { explanation: forbiddenExplanation } : {})}
        />
      ) : null}
      {asked ? (
        <form className="confirm form" noValidate onSubmit={submitAsked} aria-busy={busy}>
          <p>{t(`rollout.actions.question.${asked}`)}</p>
          {asked === 'LAUNCH' ? (
            <Field label={t('rollout.actions.launchedOn')} hint={t('rollout.actions.launchedOnHint')} error={atFields['launchedOn']}>
              {(control) => <input {...control} type="date" name="launchedOn" max={today} value={launchedOn} autoFocus onChange={(event) => setLaunchedOn(event.target.value)} />}
            </Field>
          ) : (
            <Field label={t('rollout.actions.reason')} hint={t('rollout.actions.reasonHint', { max: REASON_MAX_LENGTH })} error={atFields['reason']}>
              {(control) => (
                <textarea
                  {...control}
                  name="reason"
                  rows={3}
                  autoFocus
                  required
                  maxLength={REASON_MAX_LENGTH}
                  value={reason}
                  onChange={(event) => setReason(event.target.value)}
                />
              )}
            </Field>
          )}
          {atFields['action'] ? (
            <p className="field-error" data-testid="action-error">
              {atFields['action']}
            </p>
          ) : null}
          <div className="form-actions">
            <button type="submit" className={asked === 'CANCEL' ? 'button-danger' : undefined} disabled={busy}>
              {busy ? t('form.saving') : t(`rollout.actions.confirm.${asked}`)}
            </button>
            <button type="button" className="button-secondary" disabled={busy} onClick={reset}>
              {t('form.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <>
          <div className="form-actions" role="group" aria-labelledby={headingId} aria-describedby={atFields['action'] ? actionErrorId : undefined}>
            {allowed.map((action) => (
              <button
                key={action}
                type="button"
                className={action === 'CANCEL' ? 'button-danger' : action === 'PAUSE' || action === 'REVIVE' ? 'button-secondary' : undefined}
                disabled={busy}
                onClick={() => {
                  setFailure(null);
                  if (asks(action)) {
                    setProblems({});
                    setAsking(action);
                  } else void run(action);
                }}
              >
                {t(`rollout.action.${action}`)}
                {asks(action) ? '…' : ''}
              </button>
            ))}
            {waiting ? (
              <button type="button" disabled aria-describedby={`${actionErrorId}-waiting`}>
                {t(`rollout.action.${waiting}`)}
              </button>
            ) : null}
          </div>
          {waiting ? (
            <p className="field-hint" id={`${actionErrorId}-waiting`} data-testid="step-waiting">
              {t('rollout.actions.waitsForGates', { step: t(`rollout.action.${waiting}`), gates: gateNames(openGates(item.gates).join(','), t) })}
            </p>
          ) : null}
          {atFields['action'] ? (
            <p className="field-error" id={actionErrorId} data-testid="action-error">
              {atFields['action']}
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}
