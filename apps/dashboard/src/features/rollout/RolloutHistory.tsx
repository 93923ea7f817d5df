import { ROLLOUT_STATUSES, type RolloutStatus } from '@mrc/domain';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatLongDate } from '../../app/i18n/format-date';
import type { RolloutChangeFieldsFragment } from '../../gql/graphql';
import { gateNames } from './rollout-problems';

const FIELDS = ['status', 'gates', 'plannedOn', 'launchedOn', 'responsibleName', 'notes', 'statusReason'] as const;
type KnownField = (typeof FIELDS)[number];

const ACTIONS = ['PLAN', 'UPDATE', 'PREPARE', 'LAUNCH', 'ACTIVATE', 'PAUSE', 'RESUME', 'CANCEL', 'REVIVE'] as const;
type KnownAction = (typeof ACTIONS)[number];

function isKnown<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}

/** A value of the history as the UI says it: statuses and gates by name, days in words. */
export function historyValue(field: string, value: string | null, t: TFunction): string {
  if (value === null || value === '') return field === 'gates' ? t('rollout.history.noGates') : t('rollout.history.empty');
  if (field === 'status' && isKnown<RolloutStatus>(ROLLOUT_STATUSES, value)) return t(`rollout.status.${value}`);
  if (field === 'gates') return gateNames(value, t);
  if (field === 'plannedOn' || field === 'launchedOn') return formatLongDate(value, t);
  return value;
}

/** Every real change of the item, the latest first: when, who, what, from and to, and why. */
export function RolloutHistory({ history }: { history: readonly RolloutChangeFieldsFragment[] }) {
  const { t } = useTranslation();
  const latestFirst = [...history].reverse();
  return (
    <section className="rollout-history" aria-labelledby="history-heading">
      <h3 id="history-heading">{t('rollout.history.heading')}</h3>
      {latestFirst.length === 0 ? (
        <p>{t('rollout.history.none')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table" data-testid="rollout-history">
            <caption className="visually-hidden">{t('rollout.history.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('rollout.history.when')}</th>
                <th scope="col">{t('rollout.history.who')}</th>
                <th scope="col">{t('rollout.history.what')}</th>
                <th scope="col">{t('rollout.history.change')}</th>
              </tr>
            </thead>
            <tbody>
              {latestFirst.map((change, index) => (
                <tr key={`${change.at}-${change.field}-${index}`} data-testid="history-row">
                  <td>{formatDateTime(change.at, t)}</td>
                  <td>{change.actorName ?? t('rollout.history.system')}</td>
                  <td>
                    {isKnown<KnownAction>(ACTIONS, change.action) ? t(`rollout.historyAction.${change.action}`) : change.action}
                    {': '}
                    {isKnown<KnownField>(FIELDS, change.field) ? t(`rollout.field.${change.field}`) : change.field}
                  </td>
                  <td>
                    <span className="change-before">{historyValue(change.field, change.from, t)}</span> <span aria-hidden="true">→</span>{' '}
                    <span className="visually-hidden">{t('rollout.history.to')}</span> {historyValue(change.field, change.to, t)}
                    {change.reason ? <span className="history-reason">{t('rollout.history.reason', { reason: change.reason })}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
