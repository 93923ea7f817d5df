import { useId } from 'react';
import { useTranslation } from 'react-i18next';

interface ConfirmQuestionProps {
  /** What will happen, asked before it does ("Retire “Dombra”? …"). */
  question: string;
  /** The answer that goes ahead ("Yes, retire"). */
  confirmLabel: string;
  /** The change takes something away (retiring, deactivating): the answer looks like it. */
  danger?: boolean;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** A question asked before a change, shown in place of the button that asked for the change. */
export function ConfirmQuestion({ question, confirmLabel, danger = false, busy, onConfirm, onCancel }: ConfirmQuestionProps) {
  const { t } = useTranslation();
  const questionId = useId();
  return (
    <div className="confirm" role="group" aria-labelledby={questionId}>
      <p id={questionId}>{question}</p>
      <div className="form-actions">
        {/* Focus follows the question, so a keyboard user answers it next. */}
        <button type="button" className={danger ? 'button-danger' : undefined} autoFocus disabled={busy} onClick={onConfirm}>
          {busy ? t('form.saving') : confirmLabel}
        </button>
        <button type="button" className="button-secondary" disabled={busy} onClick={onCancel}>
          {t('form.cancel')}
        </button>
      </div>
    </div>
  );
}
