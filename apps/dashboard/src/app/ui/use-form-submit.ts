import { useState, type FormEvent } from 'react';
import { fieldErrors } from '../apollo/error-details';
import { hasProblems, splitProblems, type FieldProblems } from './field-problems';

interface FormSubmitOptions {
  /** What can be told before asking the API; nothing is sent while any problem remains. */
  validate?: () => FieldProblems;
  /** Sends the form; rejects with what the API refused. */
  send: () => Promise<unknown>;
  /**
   * The refusal's problems per field: the API's `extensions.fields` unless the form words some
   * itself (a taken code or email is a CONFLICT whose server words are English).
   */
  refusalProblems?: (error: unknown) => FieldProblems;
  /** Whether the form has a field for a problem's path (see inFields); the others go to the summary. */
  isShown?: (path: string) => boolean;
}

/** A refusal as FormError says it (spread it into FormError's props, with the title). */
export interface FormFailure {
  error: unknown;
  /** Some problems are shown at their fields. */
  atFields: boolean;
  /** The messages of problems the form has no field for. */
  elsewhere: string[];
}

export interface FormSubmit {
  /** The problems to show at the fields: the form's own checks, or the API's refusal. */
  problems: FieldProblems;
  /** The last refusal; cleared when the form is sent again. */
  failure: FormFailure | null;
  /** True while the form is being sent: its button is disabled and says so. */
  sending: boolean;
  /** True once the last submit went through, until the next one starts (for a "Saved." notice). */
  sent: boolean;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
}

/**
 * A form's submit: check, send, and on a refusal show each problem at its field with a summary
 * above. The form keeps its values, so the person corrects them rather than typing them again.
 */
export function useFormSubmit({ validate = () => ({}), send, refusalProblems = fieldErrors, isShown = () => true }: FormSubmitOptions): FormSubmit {
  const [problems, setProblems] = useState<FieldProblems>({});
  const [refusal, setRefusal] = useState<{ error: unknown } | null>(null);
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setRefusal(null);
    setSent(false);
    const found = validate();
    setProblems(found);
    if (hasProblems(found)) return;
    setSending(true);
    try {
      await send();
      setSent(true);
    } catch (error) {
      setProblems(refusalProblems(error));
      setRefusal({ error });
    } finally {
      setSending(false);
    }
  }

  const { atFields, elsewhere } = splitProblems(problems, isShown);
  return {
    problems: atFields,
    failure: refusal ? { error: refusal.error, atFields: hasProblems(atFields), elsewhere } : null,
    sending,
    sent,
    onSubmit: (event) => void submit(event),
  };
}
