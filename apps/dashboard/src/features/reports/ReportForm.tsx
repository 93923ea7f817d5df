import { useMutation } from '@apollo/client/react';
import { AGE_BANDS, HIGHLIGHTS_MAX_LENGTH, PREVENTION_FIGURES, reachPath, SEXES } from '@mrc/domain';
import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { failureCode } from '../../app/apollo/error-code';
import { fieldErrors } from '../../app/apollo/error-details';
import { Field, fieldNotes } from '../../app/ui/Field';
import { hasProblems, splitProblems, type FieldProblems } from '../../app/ui/field-problems';
import { FormError } from '../../app/ui/FormError';
import type { ReportFieldsFragment } from '../../gql/graphql';
import { forgetReportLists, rememberReport } from './report-cache';
import {
  figureProblems,
  isFormPath,
  problemMessages,
  reachPartsSoFar,
  reportFigures,
  reportFiguresInput,
  reportValues,
  savableFigures,
  withValue,
  type ReportLine,
  type ReportLines,
  type ReportValues,
} from './report-form';
import { formatTime } from './report-period';
import { SubmitReportMutation } from './reports-documents';
import { useReportAutosave, type AutosaveStatus } from './use-report-autosave';

interface ReportFormProps {
  centreId: string;
  period: string;
  report: ReportFieldsFragment | null;
  lines: ReportLines;
  /** Why the report cannot be submitted yet (the period is not over), in words; null when it can. */
  submitBlocked: string | null;
  /** The report changed elsewhere: the page loads it again and says so. */
  onConflict: () => void;
  onSubmitted: (report: ReportFieldsFragment) => void;
}

/**
 * The report form: its sections as the issue lists them, the domain's rules run on every keystroke
 * (each problem at its field), the draft saved as the coordinator types, and Submit once every figure
 * is in and adds up. The figures are the form's own state from the moment it opens; the page starts a
 * new form (its key) when the report is loaded again after a conflict.
 */
export function ReportForm({ centreId, period, report, lines, submitBlocked, onConflict, onSubmitted }: ReportFormProps) {
  const { t, i18n } = useTranslation();
  const [values, setValues] = useState<ReportValues>(() => reportValues(report, lines));
  /** What the API said about the last submission, by path; a field's entry goes once it is changed. */
  const [refused, setRefused] = useState<FieldProblems>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const [showMissing, setShowMissing] = useState(false);
  const submission = useRef<{ key: string; body: string } | null>(null);
  const autosave = useReportAutosave({ centreId, period, report: report ? { id: report.id, version: report.version } : null, onConflict });
  const [submitReport] = useMutation(SubmitReportMutation);

  // Closing the tab while a save waits or failed would lose figures: the browser asks first.
  const unsaved = autosave.status.kind === 'saving' || autosave.status.kind === 'failed';
  useEffect(() => {
    if (!unsaved) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);

  const figures = useMemo(() => reportFigures(values), [values]);
  const draftProblems = useMemo(() => figureProblems(figures, lines, false), [figures, lines]);
  const completeProblems = useMemo(() => figureProblems(figures, lines, true), [figures, lines]);
  const missing = Object.keys(completeProblems).length;
  const shown: FieldProblems = { ...problemMessages(showMissing ? completeProblems : draftProblems, t), ...refused };
  const { atFields, elsewhere } = splitProblems(shown, isFormPath);
  const canSubmit = missing === 0 && submitBlocked === null && !sending;

  function change(path: string, value: string) {
    const next = withValue(values, path, value);
    setValues(next);
    if (refused[path]) setRefused(({ [path]: _changed, ...others }) => others);
    const nextFigures = reportFigures(next);
    const saving = savableFigures(nextFigures, figureProblems(nextFigures, lines, false));
    autosave.schedule({ input: reportFiguresInput(saving.figures), withheld: saving.withheld });
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!canSubmit) return;
    setSending(true);
    setFailure(null);
    const draft = await autosave.hold();
    if (draft === undefined) {
      setSending(false);
      return;
    }
    const body = { centreId, period, ...(draft ? { version: draft.version } : {}), ...reportFiguresInput(figures) };
    const bodyText = JSON.stringify(body);
    // One key per submission, sent again on each retry of it; new figures make a new submission.
    if (submission.current?.body !== bodyText) submission.current = { key: crypto.randomUUID(), body: bodyText };
    try {
      const { data } = await submitReport({
        variables: { input: { ...body, idempotencyKey: submission.current.key } },
        update: (cache, result) => {
          const submitted = result.data?.submitReport.report;
          if (!submitted) return;
          rememberReport(cache, centreId, period, submitted);
          forgetReportLists(cache);
        },
      });
      submission.current = null;
      if (data) onSubmitted(data.submitReport.report);
    } catch (error) {
      if (failureCode(error) === 'CONFLICT') {
        onConflict();
        return;
      }
      setRefused(fieldErrors(error));
      setFailure(error);
      autosave.resume();
    } finally {
      setSending(false);
    }
  }

  const figure = (path: string, label: string, hint?: string) => (
    <FigureField key={path} path={path} label={label} hint={hint} value={valueAt(values, path)} error={atFields[path]} onChange={change} />
  );
  const numbers = new Intl.NumberFormat(i18n.language);

  return (
    <>
      {failure ? <FormError title={t('reports.form.submitFailed')} error={failure} atFields={hasProblems(atFields)} elsewhere={elsewhere} /> : null}
      <form className="report-form" noValidate onSubmit={(event) => void submit(event)} aria-busy={sending}>
        <FormSection id="report-activity" heading={t('reports.section.activity')}>
          {figure('eventsHeld', t('reports.field.eventsHeld'), t('reports.field.eventsHeldHint'))}
        </FormSection>

        <FormSection id="report-reach" heading={t('reports.section.reach')} intro={t('reports.form.reachIntro')}>
          {figure('reachedTotal', t('reports.field.reachedTotal'), t('reports.field.reachedTotalHint'))}
          <ReachGrid values={values} problems={atFields} onChange={change} />
          <ReachSum figures={figures} format={(value) => numbers.format(value)} />
        </FormSection>

        <FormSection id="report-clubs" heading={t('reports.section.clubs')} intro={t('reports.form.clubsIntro')}>
          {lines.clubs.length === 0 ? <p className="muted">{t('reports.form.noClubs')}</p> : null}
          {lines.clubs.map((club) => (
            <LineFields key={club.id} line={club} path={`clubs.${club.id}`} problems={atFields}>
              {figure(`clubs.${club.id}.meetings`, t('reports.field.meetings'))}
              {figure(`clubs.${club.id}.attendance`, t('reports.field.attendance'))}
            </LineFields>
          ))}
        </FormSection>

        <FormSection id="report-programs" heading={t('reports.section.programs')} intro={t('reports.form.programsIntro')}>
          {lines.programRuns.length === 0 ? <p className="muted">{t('reports.form.noPrograms')}</p> : null}
          {lines.programRuns.map((run) => (
            <LineFields key={run.id} line={run} path={`programRuns.${run.id}`} problems={atFields}>
              {figure(`programRuns.${run.id}.sessions`, t('reports.field.sessions'))}
              {figure(`programRuns.${run.id}.attendance`, t('reports.field.attendance'))}
            </LineFields>
          ))}
        </FormSection>

        <FormSection id="report-prevention" heading={t('reports.section.prevention')} intro={t('reports.form.preventionIntro')}>
          <div className="figure-row">{PREVENTION_FIGURES.map((name) => figure(`prevention.${name}`, t(`reports.field.prevention.${name}`)))}</div>
        </FormSection>

        <FormSection id="report-highlights" heading={t('reports.section.highlights')}>
          <Field
            label={t('reports.field.highlights')}
            hint={t('reports.field.highlightsHint', { count: values.highlights.length, max: HIGHLIGHTS_MAX_LENGTH })}
            error={atFields['highlights']}
          >
            {(control) => (
              <textarea
                {...control}
                name="highlights"
                rows={6}
                maxLength={HIGHLIGHTS_MAX_LENGTH}
                value={values.highlights}
                onChange={(event) => change('highlights', event.target.value)}
              />
            )}
          </Field>
        </FormSection>

        <div className="report-actions">
          <AutosaveNote status={autosave.status} onRetry={() => void autosave.flush()} />
          <SubmitNote missing={missing} blocked={submitBlocked} showMissing={showMissing} onShowMissing={setShowMissing} />
          <button type="submit" disabled={!canSubmit}>
            {sending ? t('reports.form.submitting') : t('reports.form.submit')}
          </button>
        </div>
      </form>
    </>
  );
}

function valueAt(values: ReportValues, path: string): string {
  const [head, first, second] = path.split('.');
  if (head === 'eventsHeld' || head === 'reachedTotal' || head === 'highlights') return values[head];
  if (head === 'reach') return values.reach[`${first}.${second}` as keyof ReportValues['reach']];
  if (head === 'prevention') return values.prevention[first as keyof ReportValues['prevention']];
  if (head === 'clubs') return values.clubs[first!]?.[second as 'meetings' | 'attendance'] ?? '';
  if (head === 'programRuns') return values.programRuns[first!]?.[second as 'sessions' | 'attendance'] ?? '';
  return '';
}

function FormSection({ id, heading, intro, children }: { id: string; heading: string; intro?: string; children: ReactNode }) {
  return (
    <section className="report-section" aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      {intro ? <p className="field-hint">{intro}</p> : null}
      {children}
    </section>
  );
}

interface FigureFieldProps {
  path: string;
  label: ReactNode;
  hint?: string | undefined;
  value: string;
  error: string | undefined;
  onChange: (path: string, value: string) => void;
}

/**
 * One figure. A text field with a numeric keyboard rather than type="number": a browser empties a
 * number field it cannot read, which would hide a slip the rules should point out.
 */
function FigureField({ path, label, hint, value, error, onChange }: FigureFieldProps) {
  return (
    <Field label={label} hint={hint} error={error}>
      {(control) => (
        <input
          {...control}
          className="figure-input"
          name={path}
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          value={value}
          onChange={(event) => onChange(path, event.target.value)}
        />
      )}
    </Field>
  );
}

/** Young people reached: a row per age band, a column per sex, with the sums of each. */
function ReachGrid({ values, problems, onChange }: { values: ReportValues; problems: FieldProblems; onChange: (path: string, value: string) => void }) {
  const { t } = useTranslation();
  const figures = reportFigures(values);
  const count = (band: string, sex: string) => figures.reach.find((entry) => entry.ageBand === band && entry.sex === sex)?.count ?? null;
  const sumOf = (counts: Array<number | null>) => counts.reduce<number>((sum, value) => (value !== null && Number.isInteger(value) && value >= 0 ? sum + value : sum), 0);
  return (
    <div className="table-scroll">
      <table className="reach-grid">
        <caption>{t('reports.form.reachCaption')}</caption>
        <thead>
          <tr>
            <td />
            {SEXES.map((sex) => (
              <th key={sex} scope="col">
                {t(`reports.sex.${sex}`)}
              </th>
            ))}
            <th scope="col">{t('reports.form.bothSexes')}</th>
          </tr>
        </thead>
        <tbody>
          {AGE_BANDS.map((band) => {
            const bandLabel = t('reports.ageBand', { min: band.min, max: band.max });
            return (
              <tr key={band.code}>
                <th scope="row">{bandLabel}</th>
                {SEXES.map((sex) => {
                  const path = reachPath(band.code, sex);
                  return (
                    <td key={sex}>
                      <FigureField
                        path={path}
                        label={<span className="visually-hidden">{t('reports.form.reachCell', { band: bandLabel, sex: t(`reports.sex.${sex}`) })}</span>}
                        value={values.reach[`${band.code}.${sex}`]}
                        error={problems[path]}
                        onChange={onChange}
                      />
                    </td>
                  );
                })}
                <td className="numeric" data-testid={`reach-row-${band.code}`}>
                  {sumOf(SEXES.map((sex) => count(band.code, sex)))}
                </td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('reports.form.allAges')}</th>
            {SEXES.map((sex) => (
              <td key={sex} className="numeric">
                {sumOf(AGE_BANDS.map((band) => count(band.code, sex)))}
              </td>
            ))}
            <td className="numeric">{sumOf(figures.reach.map((entry) => entry.count))}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/** "Sum of the parts: 58 of 60", said as the parts are typed. */
function ReachSum({ figures, format }: { figures: ReturnType<typeof reportFigures>; format: (value: number) => string }) {
  const { t } = useTranslation();
  const { sum, complete } = reachPartsSoFar(figures);
  const total = figures.reachedTotal;
  const totalGiven = total !== null && Number.isInteger(total) && total >= 0;
  const addsUp = complete && totalGiven && sum === total;
  return (
    <p className={addsUp ? 'reach-sum reach-sum-ok' : 'reach-sum'} aria-live="polite" data-testid="reach-sum">
      {totalGiven ? t('reports.form.partsOfTotal', { sum: format(sum), total: format(total) }) : t('reports.form.partsSum', { sum: format(sum) })}
      {addsUp ? (
        <>
          {' '}
          <span aria-hidden="true">✓</span> {t('reports.form.partsAddUp')}
        </>
      ) : null}
    </p>
  );
}

/** A club's or program run's figures under its name, with a problem of the whole line above them. */
function LineFields({ line, path, problems, children }: { line: ReportLine; path: string; problems: FieldProblems; children: ReactNode }) {
  const { t } = useTranslation();
  const id = useId();
  const notes = fieldNotes(id, line.anonymous ? t('reports.form.supportGroup') : line.expected ? undefined : t('reports.form.notInPeriod'), problems[path]);
  return (
    <fieldset
      className={notes.errorId ? 'field-group report-line field-invalid' : 'field-group report-line'}
      aria-describedby={[notes.errorId, notes.hintId].filter(Boolean).join(' ') || undefined}
      data-testid="report-line"
    >
      <legend>{line.name}</legend>
      {notes.hint}
      {notes.error}
      <div className="figure-row">{children}</div>
    </fieldset>
  );
}

/** Where the draft stands: saving, saved at a time, or not saved with a way to try again. */
function AutosaveNote({ status, onRetry }: { status: AutosaveStatus; onRetry: () => void }) {
  const { t } = useTranslation();
  if (status.kind === 'failed') {
    return (
      <div className="autosave autosave-failed" role="alert" data-testid="autosave">
        <p>
          <span aria-hidden="true">⚠</span> {t('reports.autosave.failed')} {t(`errors.${failureCode(status.error)}`)}
        </p>
        <button type="button" className="button-secondary" onClick={onRetry}>
          {t('errors.retry')}
        </button>
      </div>
    );
  }
  let text = t('reports.autosave.idle');
  if (status.kind === 'saving') text = t('reports.autosave.saving');
  if (status.kind === 'saved') {
    const time = formatTime(status.at);
    text = status.withheld > 0 ? t('reports.autosave.savedWithheld', { time, count: status.withheld }) : t('reports.autosave.saved', { time });
  }
  return (
    <p className="autosave" role="status" data-testid="autosave">
      {text}
    </p>
  );
}

/** Why Submit waits, and a way to mark every figure still missing. */
function SubmitNote({
  missing,
  blocked,
  showMissing,
  onShowMissing,
}: {
  missing: number;
  blocked: string | null;
  showMissing: boolean;
  onShowMissing: (show: boolean) => void;
}) {
  const { t } = useTranslation();
  if (blocked) return <p className="submit-note">{blocked}</p>;
  if (missing === 0) return <p className="submit-note">{t('reports.form.readyToSubmit')}</p>;
  return (
    <div className="submit-note">
      <p>{t('reports.form.missing', { count: missing })}</p>
      <button type="button" className="button-secondary" aria-pressed={showMissing} onClick={() => onShowMissing(!showMissing)}>
        {showMissing ? t('reports.form.hideMissing') : t('reports.form.showMissing')}
      </button>
    </div>
  );
}
