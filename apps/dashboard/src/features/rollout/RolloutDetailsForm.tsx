import { useMutation } from '@apollo/client/react';
import { ROLLOUT_GATES, type RolloutGate } from '@mrc/domain';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { failureCode } from '../../app/apollo/error-code';
import { CheckboxField, Field, fieldNotes } from '../../app/ui/Field';
import { hasProblems, inFields, splitProblems, type FieldProblems } from '../../app/ui/field-problems';
import { FormError } from '../../app/ui/FormError';
import type { RolloutItemFieldsFragment, UpdateRolloutItemInput } from '../../gql/graphql';
import { UpdateRolloutItemMutation } from './rollout-documents';
import { rolloutProblems } from './rollout-problems';

export const RESPONSIBLE_MAX_LENGTH = 200;
export const NOTES_MAX_LENGTH = 4000;

interface Values {
  gates: RolloutGate[];
  responsibleName: string;
  notes: string;
  plannedOn: string;
}

function valuesOf(item: RolloutItemFieldsFragment): Values {
  return { gates: [...item.gates], responsibleName: item.responsibleName ?? '', notes: item.notes ?? '', plannedOn: item.plannedOn ?? '' };
}

/** Only what was changed travels, so a change to one field never undoes someone else's to another. */
export function changedInput(item: RolloutItemFieldsFragment, values: Values, version: number): UpdateRolloutItemInput {
  const before = valuesOf(item);
  const input: UpdateRolloutItemInput = { id: item.id, version };
  const sameGates = before.gates.length === values.gates.length && before.gates.every((gate) => values.gates.includes(gate));
  if (!sameGates) input.gates = ROLLOUT_GATES.filter((gate) => values.gates.includes(gate));
  if (values.responsibleName.trim() !== before.responsibleName) input.responsibleName = values.responsibleName.trim() || null;
  if (values.notes.trim() !== before.notes) input.notes = values.notes.trim() || null;
  if (values.plannedOn !== before.plannedOn && values.plannedOn !== '') input.plannedOn = values.plannedOn;
  return input;
}

interface RolloutDetailsFormProps {
  item: RolloutItemFieldsFragment;
  /** The planned day is the region's to change. */
  mayPlan: boolean;
  onSaved: () => void;
  onConflict: () => void;
}

/**
 * The district's side of an item: which gates are met, who is responsible, notes; and for the
 * region the planned day. Until the person changes something the form shows the item as it is now,
 * live changes included; once they do, it keeps their values and sends the version they started
 * from, so a change made elsewhere meanwhile is refused (CONFLICT) rather than overwritten.
 */
export function RolloutDetailsForm({ item, mayPlan, onSaved, onConflict }: RolloutDetailsFormProps) {
  const { t } = useTranslation();
  const gatesId = useId();
  const [draft, setDraft] = useState<{ values: Values; version: number } | null>(null);
  const [problems, setProblems] = useState<FieldProblems>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const [update] = useMutation(UpdateRolloutItemMutation);
  const values = draft?.values ?? valuesOf(item);
  const launched = item.status === 'LAUNCHED' || item.status === 'ACTIVE';
  const edit = (changes: Partial<Values>) => setDraft({ values: { ...values, ...changes }, version: draft?.version ?? item.version });
  const input = draft ? changedInput(item, draft.values, draft.version) : null;
  const dirty = input !== null && Object.keys(input).length > 2;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!input || !dirty) return;
    setFailure(null);
    setProblems({});
    setSending(true);
    try {
      await update({ variables: { input } });
      setDraft(null);
      onSaved();
    } catch (error) {
      if (failureCode(error) === 'CONFLICT') {
        setDraft(null);
        onConflict();
        return;
      }
      setProblems(rolloutProblems(error, t));
      setFailure(error);
    } finally {
      setSending(false);
    }
  }

  const { atFields, elsewhere } = splitProblems(problems, inFields(['gates', 'responsibleName', 'notes', 'plannedOn']));
  const gateNotes = fieldNotes(gatesId, launched ? t('rollout.details.launchedKeepsGates') : undefined, atFields['gates']);
  return (
    <form className="form rollout-details" noValidate onSubmit={(event) => void submit(event)} aria-labelledby={`${gatesId}-heading`} data-testid="rollout-details">
      <h3 id={`${gatesId}-heading`}>{t('rollout.details.heading')}</h3>
      {failure ? <FormError title={t('rollout.details.failed')} error={failure} atFields={hasProblems(atFields)} elsewhere={elsewhere} /> : null}
      <fieldset className={gateNotes.errorId ? 'field-group field-invalid' : 'field-group'} aria-describedby={[gateNotes.errorId, gateNotes.hintId].filter(Boolean).join(' ') || undefined} disabled={launched}>
        <legend>{t('rollout.details.gates')}</legend>
        {gateNotes.hint}
        {gateNotes.error}
        {ROLLOUT_GATES.map((gate) => (
          <CheckboxField
            key={gate}
            name="gates"
            label={t(`rollout.gate.${gate}`)}
            checked={values.gates.includes(gate)}
            onChange={(checked) => edit({ gates: checked ? [...values.gates, gate] : values.gates.filter((met) => met !== gate) })}
          />
        ))}
      </fieldset>
      <Field label={t('rollout.details.responsible')} error={atFields['responsibleName']}>
        {(control) => (
          <input {...control} name="responsibleName" autoComplete="off" maxLength={RESPONSIBLE_MAX_LENGTH} value={values.responsibleName} onChange={(event) => edit({ responsibleName: event.target.value })} />
        )}
      </Field>
      {mayPlan ? (
        <Field label={t('rollout.details.plannedOn')} hint={t('rollout.details.plannedOnHint')} error={atFields['plannedOn']}>
          {(control) => <input {...control} type="date" name="plannedOn" value={values.plannedOn} onChange={(event) => edit({ plannedOn: event.target.value })} />}
        </Field>
      ) : null}
      <Field label={t('rollout.details.notes')} hint={t('rollout.details.notesHint', { count: values.notes.length, max: NOTES_MAX_LENGTH })} error={atFields['notes']}>
        {(control) => <textarea {...control} name="notes" rows={3} maxLength={NOTES_MAX_LENGTH} value={values.notes} onChange={(event) => edit({ notes: event.target.value })} />}
      </Field>
      <div className="form-actions">
        <button type="submit" disabled={sending || !dirty}>
          {sending ? t('form.saving') : t('rollout.details.save')}
        </button>
        {draft ? (
          <button
            type="button"
            className="button-secondary"
            disabled={sending}
            onClick={() => {
              setDraft(null);
              setProblems({});
              setFailure(null);
            }}
          >
            {t('rollout.details.discard')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
