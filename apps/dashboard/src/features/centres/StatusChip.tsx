import type { ProgramRunStatus } from '@mrc/domain';
import { useTranslation } from 'react-i18next';
import { formatLongDate } from '../../app/i18n/format-date';

export type ChipTone = 'positive' | 'neutral' | 'paused' | 'ended' | 'alert';

/**
 * A status in words with a mark beside it for a quick scan. The mark and the border style differ by
 * status as well as the colour, so nothing depends on telling colours apart.
 */
export function StatusChip({ icon, label, tone }: { icon: string; label: string; tone: ChipTone }) {
  return (
    <span className={`chip chip-${tone}`}>
      <span aria-hidden="true">{icon}</span> {label}
    </span>
  );
}

const RUN_CHIPS: Record<ProgramRunStatus, { icon: string; tone: ChipTone }> = {
  PLANNED: { icon: '○', tone: 'neutral' },
  RUNNING: { icon: '▶', tone: 'positive' },
  FINISHED: { icon: '✓', tone: 'ended' },
  CANCELLED: { icon: '✕', tone: 'ended' },
};

export function ProgramRunStatusChip({ status }: { status: ProgramRunStatus }) {
  const { t } = useTranslation();
  return <StatusChip {...RUN_CHIPS[status]} label={t(`enums.programRunStatus.${status}`)} />;
}

/** A space or equipment taken out of use, with the day: `text` is given the date in words. */
export function ClosedChip({ closedOn, text }: { closedOn: string; text: (date: string) => string }) {
  const { t } = useTranslation();
  return <StatusChip icon="✕" tone="ended" label={text(formatLongDate(closedOn, t))} />;
}
