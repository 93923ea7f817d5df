import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { failureCode } from '../../app/apollo/error-code';
import { extensionNumber, fieldErrors } from '../../app/apollo/error-details';
import { ConfirmQuestion } from '../../app/ui/ConfirmQuestion';
import { CheckboxField, Field } from '../../app/ui/Field';
import { FormError } from '../../app/ui/FormError';
import { Notice } from '../../app/ui/Notice';
import { DeleteSavedQueryMutation, SaveQueryMutation, UpdateSavedQueryMutation, type SavedQueryFields } from './workbench-documents';

/** What is open in the editor: a new query, an example, or a saved query. */
export type Opened = { kind: 'new' } | { kind: 'example'; title: string } | { kind: 'saved'; saved: SavedQueryFields };

interface SavedQueryActionsProps {
  opened: Opened;
  /** The editors' text, as it would be saved. */
  query: string;
  variables: string;
  onSaved: (saved: SavedQueryFields) => void;
  /** After the API deleted it: the page leaves its address and forgets it. */
  onDeleted: (id: string) => void;
}

const REFETCH = { refetchQueries: ['SavedQueries'] };

/**
 * Save (your own saved query, in place), Save as (a new saved query, shared or not), share or stop
 * sharing, and delete. A save based on an older version than the API's is refused with CONFLICT:
 * someone (you, in another tab) changed it meanwhile, and nothing is overwritten.
 */
export function SavedQueryActions({ opened, query, variables, onSaved, onDeleted }: SavedQueryActionsProps) {
  const { t } = useTranslation();
  const [saveAs, setSaveAs] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [update, updating] = useMutation(UpdateSavedQueryMutation, REFETCH);
  const [remove, removing] = useMutation(DeleteSavedQueryMutation, REFETCH);
  const mine = opened.kind === 'saved' && opened.saved.mine ? opened.saved : null;

  const save = async (changes: Partial<Pick<SavedQueryFields, 'document' | 'variables' | 'shared'>>, done: string) => {
    if (!mine) return;
    setNotice(null);
    try {
      const { data } = await update({
        variables: {
          input: {
            id: mine.id,
            version: mine.version,
            title: mine.title,
            description: mine.description,
            document: changes.document ?? mine.document,
            variables: changes.variables === undefined ? mine.variables : changes.variables,
            shared: changes.shared ?? mine.shared,
          },
        },
      });
      if (data) {
        onSaved(data.updateSavedQuery.savedQuery);
        setNotice(done);
      }
    } catch {
      // Shown from the mutation's error below.
    }
  };

  const deleteIt = async () => {
    if (!mine) return;
    try {
      await remove({ variables: { input: { id: mine.id } } });
      setConfirmDelete(false);
      onDeleted(mine.id);
      setNotice(t('workbench.saved.deleted', { title: mine.title }));
    } catch {
      setConfirmDelete(false);
    }
  };

  const updateError = updating.error;
  return (
    <div className="saved-actions">
      <div className="form-actions">
        {mine ? (
          <button type="button" className="button-secondary" disabled={updating.loading} onClick={() => void save({ document: query, variables: variables.trim() === '' ? null : variables }, t('workbench.saved.savedNotice'))}>
            {updating.loading ? t('form.saving') : t('workbench.saved.save')}
          </button>
        ) : null}
        <button type="button" className="button-secondary" aria-expanded={saveAs} onClick={() => setSaveAs(!saveAs)}>
          {t('workbench.saved.saveAs')}
        </button>
        {mine ? (
          <CheckboxField
            label={t('workbench.saved.shared')}
            hint={t('workbench.saved.sharedHint')}
            checked={mine.shared}
            name="shared"
            onChange={(shared) => void save({ shared }, shared ? t('workbench.saved.nowShared') : t('workbench.saved.nowPrivate'))}
          />
        ) : null}
        {mine && !confirmDelete ? (
          <button type="button" className="button-danger" onClick={() => setConfirmDelete(true)}>
            {t('workbench.saved.delete')}
          </button>
        ) : null}
      </div>
      {mine && confirmDelete ? (
        <ConfirmQuestion
          question={t('workbench.saved.deleteQuestion', { title: mine.title })}
          confirmLabel={t('workbench.saved.deleteConfirm')}
          danger
          busy={removing.loading}
          onConfirm={() => void deleteIt()}
          onCancel={() => setConfirmDelete(false)}
        />
      ) : null}
      {updateError ? (
        <FormError
          title={t('workbench.saved.saveFailed')}
          error={updateError}
          explanation={failureCode(updateError) === 'CONFLICT' ? t('workbench.saved.conflict', { version: extensionNumber(updateError, 'currentVersion') ?? '?' }) : undefined}
          elsewhere={Object.values(fieldErrors(updateError))}
        />
      ) : null}
      {removing.error ? <FormError title={t('workbench.saved.deleteFailed')} error={removing.error} /> : null}
      {notice ? <Notice>{notice}</Notice> : null}
      {saveAs ? (
        <SaveAsForm
          opened={opened}
          query={query}
          variables={variables}
          onSaved={(saved) => {
            setSaveAs(false);
            setNotice(t('workbench.saved.savedAsNotice', { title: saved.title }));
            onSaved(saved);
          }}
          onCancel={() => setSaveAs(false)}
        />
      ) : null}
    </div>
  );
}

function SaveAsForm({ opened, query, variables, onSaved, onCancel }: { opened: Opened; query: string; variables: string; onSaved: (saved: SavedQueryFields) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const suggested = opened.kind === 'example' ? opened.title : opened.kind === 'saved' ? t('workbench.saved.copyOf', { title: opened.saved.title }) : '';
  const [title, setTitle] = useState(suggested);
  const [description, setDescription] = useState(opened.kind === 'saved' ? (opened.saved.description ?? '') : '');
  const [shared, setShared] = useState(false);
  const [missingTitle, setMissingTitle] = useState(false);
  const [saveQuery, { loading, error }] = useMutation(SaveQueryMutation, REFETCH);
  const problems = error ? fieldErrors(error) : {};

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (title.trim() === '') {
      setMissingTitle(true);
      return;
    }
    setMissingTitle(false);
    try {
      const { data } = await saveQuery({
        variables: { input: { title: title.trim(), description: description.trim() === '' ? null : description.trim(), document: query, variables: variables.trim() === '' ? null : variables, shared } },
      });
      if (data) onSaved(data.saveQuery.savedQuery);
    } catch {
      // Shown from the mutation's error below.
    }
  };

  const atFields = Boolean(problems['title'] || problems['description']);
  return (
    <form className="form save-as-form" aria-label={t('workbench.saved.saveAsLabel')} onSubmit={(event) => void submit(event)} noValidate>
      {error ? (
        <FormError
          title={t('workbench.saved.saveFailed')}
          error={error}
          atFields={atFields}
          elsewhere={Object.entries(problems)
            .filter(([field]) => field !== 'title' && field !== 'description')
            .map(([, message]) => message)}
        />
      ) : null}
      <Field label={t('workbench.saved.title')} error={missingTitle ? t('form.required') : problems['title']}>
        {(control) => <input {...control} name="title" value={title} onChange={(event) => setTitle(event.target.value)} />}
      </Field>
      <Field label={t('workbench.saved.description')} hint={t('workbench.saved.descriptionHint')} error={problems['description']}>
        {(control) => <textarea {...control} name="description" rows={2} value={description} onChange={(event) => setDescription(event.target.value)} />}
      </Field>
      <CheckboxField label={t('workbench.saved.shared')} hint={t('workbench.saved.sharedHint')} checked={shared} name="shared" onChange={setShared} />
      <div className="form-actions">
        <button type="submit" disabled={loading}>
          {loading ? t('form.saving') : t('workbench.saved.saveNew')}
        </button>
        <button type="button" className="button-secondary" onClick={onCancel}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  );
}
