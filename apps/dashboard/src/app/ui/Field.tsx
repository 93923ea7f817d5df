import { useId, type ReactNode } from 'react';

/** What a control needs to be tied to its label, hint and error. */
export interface ControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

interface FieldProps {
  /** Usually words; a node where part of the name is for screen readers only (LocalisedTextFields). */
  label: ReactNode;
  hint?: string | undefined;
  /** What is wrong with the value, in words; shown at the field and read out with the control. */
  error?: string | undefined;
  /**
   * The id of the error of a group the field belongs to (a text in three languages none of which is
   * filled in): read out with the control after its own error, and marking the control invalid too.
   */
  groupErrorId?: string | undefined;
  children: (control: ControlProps) => ReactNode;
}

/**
 * A labelled form control with its hint and error, in the order people read them: label, hint,
 * error, control. The error is tied to the control (aria-describedby), so a screen reader reads it
 * when the control gets focus.
 */
export function Field({ label, hint, error, groupErrorId, children }: FieldProps) {
  const id = useId();
  const notes = fieldNotes(id, hint, error);
  const describedBy = [notes.errorId, groupErrorId, notes.hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {notes.hint}
      {notes.error}
      {children({ id, 'aria-invalid': error || groupErrorId ? true : undefined, 'aria-describedby': describedBy })}
    </div>
  );
}

interface CheckboxFieldProps {
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  checked: boolean;
  name?: string;
  onChange: (checked: boolean) => void;
}

/** A checkbox with its label beside it (where people look for it), and its hint and error read with it. */
export function CheckboxField({ label, hint, error, checked, name, onChange }: CheckboxFieldProps) {
  const id = useId();
  const notes = fieldNotes(id, hint, error);
  return (
    <div className={error ? 'field checkbox-field field-invalid' : 'field checkbox-field'}>
      <div className="checkbox-line">
        <input
          id={id}
          type="checkbox"
          name={name}
          checked={checked}
          aria-invalid={error ? true : undefined}
          aria-describedby={[notes.errorId, notes.hintId].filter(Boolean).join(' ') || undefined}
          onChange={(event) => onChange(event.target.checked)}
        />
        <label htmlFor={id}>{label}</label>
      </div>
      {notes.hint}
      {notes.error}
    </div>
  );
}

/** A field's (or a group's) hint and error paragraphs, with the ids its control is described by. */
export function fieldNotes(id: string, hint: string | undefined, error: string | undefined) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return {
    hintId,
    errorId,
    hint: hint ? (
      <p id={hintId} className="field-hint">
        {hint}
      </p>
    ) : null,
    error: error ? (
      <p id={errorId} className="field-error">
        {error}
      </p>
    ) : null,
  };
}
