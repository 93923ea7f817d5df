import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { failureCode } from '../../app/apollo/error-code';
import { CheckboxField, Field } from '../../app/ui/Field';
import { type NetworkCentre, pickerGroups, type PickerOption } from './centre-network';
import { useNetworkCentres } from './use-network-centres';

interface CentreSelectProps {
  label: string;
  value: string;
  onChange: (centreId: string) => void;
  /** The first option, value '': "All centres" in a filter, "Choose a centre" in a form. */
  emptyOption: string;
  error?: string | undefined;
  hint?: string | undefined;
  name?: string;
  /**
   * In a filter: whether the centres under the chosen one count too. The box shows when the chosen
   * centre has centres under it (a region of a national network, or the regional centre), and
   * whenever it is ticked, so a choice in force is never hidden (the list still loading or failed).
   */
  includeBelow?: { checked: boolean; onChange: (checked: boolean) => void };
}

/** The list before any page has come: one array, so the grouping is not redone on every render. */
const NO_CENTRES: NetworkCentre[] = [];

const option = ({ centre, label }: PickerOption<NetworkCentre>) => (
  <option key={centre.id} value={centre.id}>
    {label}
  </option>
);

/**
 * Picks one centre of the network, from the same query (and cache entry) as every other picker, in
 * the server's order: the regional centre first, then its districts; in a network of more levels
 * each centre stands in the group of the one it reports to (pickerGroups). A national network comes
 * in pages: the picker offers what has arrived while the rest loads, and a page that fails is said
 * under the field, with a retry that goes on from that page.
 */
export function CentreSelect({ label, value, onChange, emptyOption, error, hint, name, includeBelow }: CentreSelectProps) {
  const { t } = useTranslation();
  const { connection, complete, error: firstPageError, moreError, retry, retryMore } = useNetworkCentres();
  const centres = connection?.nodes ?? NO_CENTRES;
  const loadError = firstPageError ?? moreError;
  // A centre named in the URL or the record stays selectable while the list loads or if it is gone;
  // while pages are still coming it may well be on one of them, so it is not called unknown yet.
  const known = value === '' || centres.some((centre) => centre.id === value);
  const stillComing = !complete && !loadError;
  const problem = error ?? (loadError ? `${t('centrePicker.failed')} ${t(`errors.${failureCode(loadError)}`)}` : undefined);
  const groups = useMemo(() => pickerGroups(centres), [centres]);
  const belowBox = includeBelow && value !== '' && (includeBelow.checked || centres.some((centre) => centre.parent?.id === value)) ? includeBelow : null;
  return (
    <div className="centre-select">
      <Field label={label} hint={hint} error={problem}>
        {(control) => (
          <select
            {...control}
            name={name}
            value={value}
            onChange={(event) => onChange(event.target.value)}
            aria-busy={!connection && !loadError}
          >
            <option value="">{connection || loadError ? emptyOption : t('centrePicker.loading')}</option>
            {!known ? <option value={value}>{t(stillComing ? 'centrePicker.loading' : 'centrePicker.unknown')}</option> : null}
            {groups.map((group) =>
              group.label === null ? (
                group.options.map(option)
              ) : (
                <optgroup key={group.options[0]!.centre.id} label={group.label}>
                  {group.options.map(option)}
                </optgroup>
              ),
            )}
          </select>
        )}
      </Field>
      {belowBox ? <CheckboxField label={t('centrePicker.includeBelow')} checked={belowBox.checked} onChange={belowBox.onChange} /> : null}
      {loadError ? (
        <button type="button" className="button-secondary" onClick={firstPageError ? retry : retryMore}>
          {t('centrePicker.retry')}
        </button>
      ) : null}
    </div>
  );
}
