import { useMutation } from '@apollo/client/react';
import { lastDayOfWeeks } from '@mrc/domain';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { failureCode } from '../../app/apollo/error-code';
import { formatLongDate } from '../../app/i18n/format-date';
import { Field } from '../../app/ui/Field';
import type { FieldProblems } from '../../app/ui/field-problems';
import { FormActions } from '../../app/ui/FormActions';
import { FormError } from '../../app/ui/FormError';
import { Notice } from '../../app/ui/Notice';
import { useFormSubmit } from '../../app/ui/use-form-submit';
import type { ProgramRunFieldsFragment } from '../../gql/graphql';
import { useSession } from '../auth/session-context';
import { catalogueRefusalProblems } from '../catalogue/form-problems';
import { CentreSelect } from '../centres/CentreSelect';
import { ProgramRunStatusChip } from '../centres/StatusChip';
import { forgetRunLists } from './forget-runs';
import { CloseProgramRunMutation, CreateProgramRunMutation, ReopenProgramRunMutation } from './programs-documents';
import { canChangeRunAt, canScheduleAt, canScheduleRuns } from './run-permissions';

interface ProgramRunsProps {
  program: { id: string; name: string; durationWeeks: number | null; closedOn: string | null };
  runs: readonly ProgramRunFieldsFragment[];
}

/** Where and when the program runs, newest first, with what the person may do about each run. */
export function ProgramRuns({ program, runs }: ProgramRunsProps) {
  const { t } = useTranslation();
  const { ability } = useSession();
  return (
    <section className="panel" aria-labelledby="program-runs-heading">
      <h2 id="program-runs-heading">{t('programs.runs.heading')}</h2>
      {runs.length === 0 ? (
        <div className="empty-state">
          <p className="empty-state-title">{t('programs.runs.emptyTitle')}</p>
          <p>{canScheduleRuns(ability) && !program.closedOn ? t('programs.runs.emptyHintScheduler') : t('programs.runs.emptyHint')}</p>
        </div>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <caption>{t('programs.runs.count', { count: runs.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('programs.runs.column.centre')}</th>
                <th scope="col">{t('programs.runs.column.dates')}</th>
                <th scope="col">{t('programs.runs.column.status')}</th>
                <th scope="col">{t('programs.runs.column.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {runs.map((run) => (
                <tr key={run.id} data-testid="run-row">
                  <th scope="row">
                    <Link to={`/centres/${encodeURIComponent(run.centre.id)}`}>{run.centre.name}</Link>
                  </th>
                  <td>{runDates(run, t)}</td>
                  <td>
                    <ProgramRunStatusChip status={run.status} />
                    {run.status === 'CANCELLED' && run.closedOn ? (
                      <span className="cell-note">{t('programs.runs.cancelledOn', { date: formatLongDate(run.closedOn, t) })}</span>
                    ) : null}
                  </td>
                  <td>{canChangeRunAt(ability, run.centre.id) ? <RunActions run={run} /> : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canScheduleRuns(ability) ? (
        program.closedOn ? (
          <p className="muted">{t('programs.schedule.retired')}</p>
        ) : (
          <ScheduleRunForm program={program} />
        )
      ) : null}
    </section>
  );
}

function runDates(run: ProgramRunFieldsFragment, t: TFunction): string {
  const from = formatLongDate(run.startsOn, t);
  return run.endsOn ? t('programs.runs.dates', { from, to: formatLongDate(run.endsOn, t) }) : t('programs.runs.fromOngoing', { from });
}

/** Cancel a run that is on or ahead, or undo a cancellation; both can be undone, so no confirmation. */
function RunActions({ run }: { run: ProgramRunFieldsFragment }) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<unknown>(null);
  const update = (cache: Parameters<typeof forgetRunLists>[0]) => forgetRunLists(cache, run.centre.id);
  const [close, closing] = useMutation(CloseProgramRunMutation, { update });
  const [reopen, reopening] = useMutation(ReopenProgramRunMutation, { update });
  const busy = closing.loading || reopening.loading;
  const cancelled = run.status === 'CANCELLED';
  // A finished run is history: cancelling it after the fact would rewrite what happened.
  if (run.status === 'FINISHED') return null;

  const runLabel = `${run.centre.name}, ${runDates(run, t)}`;

  async function act() {
    setFailure(null);
    try {
      const variables = { input: { id: run.id } };
      if (cancelled) await reopen({ variables });
      else await close({ variables });
    } catch (error) {
      setFailure(error);
    }
  }

  return (
    <div className="row-actions">
      <button
        type="button"
        className={cancelled ? 'button-secondary' : 'button-danger'}
        disabled={busy}
        aria-label={cancelled ? t('programs.runs.reopenLabel', { run: runLabel }) : t('programs.runs.cancelLabel', { run: runLabel })}
        onClick={() => void act()}
      >
        {busy ? t('form.saving') : cancelled ? t('programs.runs.reopen') : t('programs.runs.cancel')}
      </button>
      {failure ? (
        <p className="field-error" role="alert">
          {cancelled && failureCode(failure) === 'CONFLICT' ? t('programs.runs.reopenConflict') : t(`errors.${failureCode(failure)}`)}
        </p>
      ) : null}
    </div>
  );
}

interface ScheduleValues {
  centreId: string;
  startsOn: string;
  endsOn: string;
}

const SCHEDULE_FIELDS = ['centreId', 'startsOn', 'endsOn'];

/**
 * Schedules the program at a centre. A coordinator starts with their own centre chosen, the only one
 * the policy lets them pick; the end day may be left for the server to work out from the duration.
 */
function ScheduleRunForm({ program }: { program: ProgramRunsProps['program'] }) {
  const { t } = useTranslation();
  const { ability, user } = useSession();
  const ownCentre = user?.role === 'DISTRICT_COORDINATOR' ? (user.centre?.id ?? '') : '';
  const [values, setValues] = useState<ScheduleValues>({ centreId: ownCentre, startsOn: '', endsOn: '' });
  const [scheduled, setScheduled] = useState<ProgramRunFieldsFragment | null>(null);
  const [create] = useMutation(CreateProgramRunMutation, {
    update: (cache, { data }) => {
      const run = data?.createProgramRun.programRun;
      if (run) forgetRunLists(cache, run.centre.id);
    },
  });

  function validate(): FieldProblems {
    const found: FieldProblems = {};
    if (values.centreId === '') found['centreId'] = t('programs.schedule.centreRequired');
    else if (!canScheduleAt(ability, values.centreId)) found['centreId'] = t('programs.schedule.notYourCentre');
    if (values.startsOn === '') found['startsOn'] = t('form.required');
    if (values.endsOn !== '' && values.startsOn !== '' && values.endsOn < values.startsOn) found['endsOn'] = t('programs.schedule.endsBeforeStart');
    return found;
  }

  const form = useFormSubmit({
    validate,
    send: async () => {
      const { data } = await create({
        variables: {
          input: {
            programId: program.id,
            centreId: values.centreId,
            startsOn: values.startsOn,
            ...(values.endsOn ? { endsOn: values.endsOn } : {}),
          },
        },
      });
      if (!data) return;
      setScheduled(data.createProgramRun.programRun);
      setValues({ ...values, startsOn: '', endsOn: '' });
    },
    refusalProblems: (error) => catalogueRefusalProblems(error, t),
    isShown: (path) => SCHEDULE_FIELDS.includes(path),
  });
  const { problems } = form;

  let endsOnHint;
  if (program.durationWeeks === null) endsOnHint = t('programs.schedule.endsOnHintOngoing');
  else if (/^\d{4}-\d{2}-\d{2}$/.test(values.startsOn)) {
    endsOnHint = t('programs.schedule.endsOnHintOn', {
      count: program.durationWeeks,
      date: formatLongDate(lastDayOfWeeks(values.startsOn, program.durationWeeks), t),
    });
  } else endsOnHint = t('programs.schedule.endsOnHintWeeks', { count: program.durationWeeks });

  return (
    <div className="panel" role="group" aria-labelledby="schedule-run-heading">
      <h3 id="schedule-run-heading">{t('programs.schedule.heading')}</h3>
      {form.failure ? <FormError title={t('programs.schedule.failed')} {...form.failure} /> : null}
      {form.sent && scheduled ? (
        <Notice>{t('programs.schedule.done', { centre: scheduled.centre.name, date: formatLongDate(scheduled.startsOn, t) })}</Notice>
      ) : null}
      <form className="form" noValidate onSubmit={form.onSubmit} aria-busy={form.sending}>
        <CentreSelect
          name="centreId"
          label={t('programs.schedule.centre')}
          emptyOption={t('programs.schedule.chooseCentre')}
          hint={ownCentre ? t('programs.schedule.centreHintOwn') : undefined}
          value={values.centreId}
          error={problems['centreId']}
          onChange={(centreId) => setValues({ ...values, centreId })}
        />
        <Field label={t('programs.schedule.startsOn')} error={problems['startsOn']}>
          {(control) => (
            <input
              {...control}
              type="date"
              name="startsOn"
              value={values.startsOn}
              onChange={(event) => setValues({ ...values, startsOn: event.target.value })}
            />
          )}
        </Field>
        <Field label={t('programs.schedule.endsOn')} hint={endsOnHint} error={problems['endsOn']}>
          {(control) => (
            <input
              {...control}
              type="date"
              name="endsOn"
              min={values.startsOn || undefined}
              value={values.endsOn}
              onChange={(event) => setValues({ ...values, endsOn: event.target.value })}
            />
          )}
        </Field>
        <FormActions sending={form.sending} submitLabel={t('programs.schedule.submit')} />
      </form>
    </div>
  );
}
