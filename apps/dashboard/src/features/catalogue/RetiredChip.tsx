import { useTranslation } from 'react-i18next';
import { formatLongDate } from '../../app/i18n/format-date';
import { ClosedChip, StatusChip } from '../centres/StatusChip';
// The network's chips, so a status looks and reads the same on every page (and their styles with them).
import '../centres/network.css';

/**
 * A catalogue record's place: nothing while it is current, "Retired" once its day has come, and the
 * day it leaves when that is still ahead. Days are `YYYY-MM-DD`, which compare as strings.
 */
export function RetiredChip({ closedOn, today }: { closedOn: string | null; today: string }) {
  const { t } = useTranslation();
  if (!closedOn) return null;
  return closedOn <= today ? (
    <ClosedChip closedOn={closedOn} text={(date) => t('catalogue.retiredOn', { date })} />
  ) : (
    <StatusChip icon="◔" tone="paused" label={t('catalogue.leavesOn', { date: formatLongDate(closedOn, t) })} />
  );
}
