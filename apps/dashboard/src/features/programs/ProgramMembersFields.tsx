import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../app/ui/Field';
import type { FieldProblems } from '../../app/ui/field-problems';
import { LocalisedTextFields } from '../../app/ui/LocalisedTextFields';
import { emptyMentor, emptyPartner, type MentorValues, type PartnerValues } from './program-form';

interface ListEditorProps<Row extends { key: number }> {
  /** The list's field in the API (`partners`): a problem with the list as a whole shows under the legend. */
  name: string;
  legend: string;
  hint: string;
  emptyText: string;
  addLabel: string;
  removeLabel: (index: number) => string;
  rows: Row[];
  problems: FieldProblems;
  newRow: () => Row;
  onChange: (rows: Row[]) => void;
  /** One row's controls; `autoFocus` is true for a row just added, whose first control should take focus. */
  renderRow: (row: Row, index: number, autoFocus: boolean) => ReactNode;
}

/**
 * An ordered list of small records with "add" and "remove". Keyboard focus stays sensible while rows
 * come and go: a new row's first control takes it, and after a removal it goes to the "add" button.
 */
function ListEditor<Row extends { key: number }>(props: ListEditorProps<Row>) {
  const { name, legend, hint, emptyText, addLabel, removeLabel, rows, problems, newRow, onChange, renderRow } = props;
  const [addedKey, setAddedKey] = useState<number | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const groupError = problems[name];
  return (
    <fieldset className={groupError ? 'field-group field-invalid' : 'field-group'}>
      <legend>{legend}</legend>
      <p className="field-hint">{hint}</p>
      {groupError ? <p className="field-error">{groupError}</p> : null}
      {rows.length === 0 ? <p className="muted">{emptyText}</p> : null}
      {rows.map((row, index) => (
        <div key={row.key} className="list-editor-item" data-testid={`${name}-item`}>
          {renderRow(row, index, addedKey === row.key)}
          <div className="list-editor-actions">
            <button
              type="button"
              className="button-secondary"
              onClick={() => {
                onChange(rows.filter((other) => other.key !== row.key));
                setAddedKey(null);
                addButton.current?.focus();
              }}
            >
              {removeLabel(index)}
            </button>
          </div>
        </div>
      ))}
      <div>
        <button
          ref={addButton}
          type="button"
          className="button-secondary"
          onClick={() => {
            const row = newRow();
            onChange([...rows, row]);
            setAddedKey(row.key);
          }}
        >
          {addLabel}
        </button>
      </div>
    </fieldset>
  );
}

interface MembersFieldProps<Row> {
  rows: Row[];
  problems: FieldProblems;
  onChange: (rows: Row[]) => void;
}

/** The partner organisations, in order, each named in three languages. */
export function PartnersField({ rows, problems, onChange }: MembersFieldProps<PartnerValues>) {
  const { t } = useTranslation();
  return (
    <ListEditor
      name="partners"
      legend={t('programs.form.partners')}
      hint={t('programs.form.partnersHint')}
      emptyText={t('programs.form.noPartners')}
      addLabel={t('programs.form.addPartner')}
      removeLabel={(index) => t('programs.form.removePartner', { n: index + 1 })}
      rows={rows}
      problems={problems}
      newRow={emptyPartner}
      onChange={onChange}
      renderRow={(row, index, autoFocus) => (
        <LocalisedTextFields
          name={`partners.${index}`}
          legend={t('programs.form.partnerN', { n: index + 1 })}
          values={row.names}
          problems={problems}
          autoFocus={autoFocus}
          onChange={(names) => onChange(rows.map((other) => (other.key === row.key ? { ...other, names } : other)))}
        />
      )}
    />
  );
}

/** The mentors, in order: a full name and their field in three languages. */
export function MentorsField({ rows, problems, onChange }: MembersFieldProps<MentorValues>) {
  const { t } = useTranslation();
  const change = (key: number, next: Partial<MentorValues>) => onChange(rows.map((row) => (row.key === key ? { ...row, ...next } : row)));
  return (
    <ListEditor
      name="mentors"
      legend={t('programs.form.mentors')}
      hint={t('programs.form.mentorsHint')}
      emptyText={t('programs.form.noMentors')}
      addLabel={t('programs.form.addMentor')}
      removeLabel={(index) => t('programs.form.removeMentor', { n: index + 1 })}
      rows={rows}
      problems={problems}
      newRow={emptyMentor}
      onChange={onChange}
      renderRow={(row, index, autoFocus) => (
        <>
          <h3>{t('programs.form.mentorN', { n: index + 1 })}</h3>
          <Field label={t('programs.form.mentorName', { n: index + 1 })} error={problems[`mentors.${index}.fullName`]}>
            {(control) => (
              <input
                {...control}
                name={`mentors.${index}.fullName`}
                autoComplete="off"
                // Focus moves into the row just added: that is what the person asked for with the button.
                autoFocus={autoFocus}
                value={row.fullName}
                onChange={(event) => change(row.key, { fullName: event.target.value })}
              />
            )}
          </Field>
          <LocalisedTextFields
            name={`mentors.${index}.expertises`}
            legend={t('programs.form.mentorExpertise', { n: index + 1 })}
            values={row.expertises}
            problems={problems}
            onChange={(expertises) => change(row.key, { expertises })}
          />
        </>
      )}
    />
  );
}
