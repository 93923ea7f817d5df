import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatLongDate } from '../../app/i18n/format-date';
import { fieldErrors } from '../../app/apollo/error-details';
import { Field } from '../../app/ui/Field';
import { hasProblems, inFields, splitProblems, type FieldProblems } from '../../app/ui/field-problems';
import { FormError } from '../../app/ui/FormError';
import { localIsoDate } from './centre-network';

export interface CloseRecordTexts {
  /** The button that starts closing ("Close the club"). */
  close: string;
  /** What closing means for this record, asked before it happens. */
  question: string;
  /** The button that reopens ("Reopen the club"). */
  reopen: string;
  /** The state of a closed record ("The club closed on {{date}}."), given the date in words. */
  closedOn: (date: string) => string;
}

interface CloseRecordPanelProps {
  heading: string;
  closedOn: string | null;
  texts: CloseRecordTexts;
  onClose: (closedOn: string) => Promise<unknown>;
  onReopen: () => Promise<unknown>;
}

/**
 * Closing a record (a centre, space, equipment, club) on a day, after a question; or reopening it.
 * Nothing is deleted: a closed record keeps its history. The day defaults to today; the API refuses a
 * day before the record opened or started, and says so at the day's field.
 */
export function CloseRecordPanel({ heading, closedOn, texts, onClose, onReopen }: CloseRecordPanelProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const [confirming, setConfirming] = useState(false);
  const [day, setDay] = useState(() => localIsoDate());
  const [problems, setProblems] = useState<FieldProblems>({});
  const [failure, setFailure] = useState<{ error: unknown; action: 'close' | 'reopen' } | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(action: 'close' | 'reopen', work: () => Promise<unknown>) {
    setFailure(null);
    setBusy(true);
    try {
      await work();
      setConfirming(false);
      setProblems({});
    } catch (error) {
      setProblems(fieldErrors(error));
      setFailure({ error, action });
    } finally {
      setBusy(false);
    }
  }

  function submitClose(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (day === '') {
      setProblems({ closedOn: t('form.required') });
      return;
    }
    void run('close', () => onClose(day));
  }

  const { atFields, elsewhere } = splitProblems(problems, inFields(['closedOn']));
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{heading}</h2>
      {failure ? (
        <FormError
          title={failure.action === 'close' ? t('centre.closing.closeFailed') : t('centre.closing.reopenFailed')}
          error={failure.error}
          atFields={hasProblems(atFields)}
          elsewhere={elsewhere}
        />
      ) : null}
      {closedOn ? (
        <>
          <p>{texts.closedOn(formatLongDate(closedOn, t))}</p>
          <button type="button" disabled={busy} onClick={() => void run('reopen', onReopen)}>
            {busy ? t('form.saving') : texts.reopen}
          </button>
        </>
      ) : confirming ? (
        <form className="confirm form" noValidate onSubmit={submitClose} aria-busy={busy}>
          <p>{texts.question}</p>
          <Field label={t('centre.closing.day')} hint={t('centre.closing.dayHint')} error={atFields['closedOn']}>
            {(control) => (
              <input {...control} type="date" name="closedOn" required autoFocus value={day} onChange={(event) => setDay(event.target.value)} />
            )}
          </Field>
          <div className="form-actions">
            <button type="submit" className="button-danger" disabled={busy}>
              {busy ? t('form.saving') : t('centre.closing.confirm')}
            </button>
            <button type="button" className="button-secondary" disabled={busy} onClick={() => setConfirming(false)}>
              {t('form.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <button type="button" className="button-danger" onClick={() => setConfirming(true)}>
          {texts.close}
        </button>
      )}
    </section>
  );
}
