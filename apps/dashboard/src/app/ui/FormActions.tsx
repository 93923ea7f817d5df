import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

interface FormActionsProps {
  /** The form is being sent: its button is disabled, so it cannot be sent twice, and says so. */
  sending: boolean;
  submitLabel: string;
  /** What the button says meanwhile; "Saving…" unless the form words it itself ("Creating…"). */
  sendingLabel?: string;
  /** Where Cancel goes; a form without it has no Cancel. */
  cancelTo?: string;
}

/** A form's submit button, and Cancel where the form has somewhere to go back to. */
export function FormActions({ sending, submitLabel, sendingLabel, cancelTo }: FormActionsProps) {
  const { t } = useTranslation();
  return (
    <div className="form-actions">
      <button type="submit" disabled={sending}>
        {sending ? (sendingLabel ?? t('form.saving')) : submitLabel}
      </button>
      {cancelTo ? <Link to={cancelTo}>{t('form.cancel')}</Link> : null}
    </div>
  );
}
