import { ROLLOUT_GATES, type RolloutGate, type RolloutStatus } from '@mrc/domain';
import { useTranslation } from 'react-i18next';
import { StatusChip, type ChipTone } from '../centres/StatusChip';

/** A mark and a border style per status as well as a colour: nothing depends on telling colours apart. */
const STATUS_CHIPS: Record<RolloutStatus, { icon: string; tone: ChipTone }> = {
  PLANNED: { icon: '○', tone: 'ended' },
  PREPARING: { icon: '◔', tone: 'neutral' },
  LAUNCHED: { icon: '▶', tone: 'positive' },
  ACTIVE: { icon: '✓', tone: 'positive' },
  PAUSED: { icon: '‖', tone: 'paused' },
  CANCELLED: { icon: '✕', tone: 'ended' },
};

export function RolloutStatusChip({ status }: { status: RolloutStatus }) {
  const { t } = useTranslation();
  return <StatusChip {...STATUS_CHIPS[status]} label={t(`rollout.status.${status}`)} />;
}

/**
 * The four readiness gates as small marks, filled when met and hollow when open (shape, not only
 * colour), in the gates' fixed order. Screen readers hear "3 of 4 gates met" instead.
 */
export function GateTicks({ gates }: { gates: readonly RolloutGate[] }) {
  const { t } = useTranslation();
  const met = ROLLOUT_GATES.filter((gate) => gates.includes(gate)).length;
  return (
    <span className="gate-ticks" data-testid="gate-ticks">
      {ROLLOUT_GATES.map((gate) => (
        <span key={gate} className={gates.includes(gate) ? 'gate-tick gate-met' : 'gate-tick gate-open'} aria-hidden="true" title={t(`rollout.gate.${gate}`)} />
      ))}
      <span className="visually-hidden">{t('rollout.gatesMet', { met, total: ROLLOUT_GATES.length })}</span>
    </span>
  );
}

/** Planned day passed and not launched: a word and a mark, not a colour. */
export function RolloutLateMark() {
  const { t } = useTranslation();
  return (
    <span className="rollout-late">
      <span aria-hidden="true">◷</span> {t('rollout.late')}
    </span>
  );
}
