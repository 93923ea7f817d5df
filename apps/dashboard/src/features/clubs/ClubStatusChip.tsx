import type { ClubStatus } from '@mrc/domain';
import { useTranslation } from 'react-i18next';
import { StatusChip, type ChipTone } from '../centres/StatusChip';

const CLUB_CHIPS: Record<ClubStatus, { icon: string; tone: ChipTone }> = {
  PLANNED: { icon: '○', tone: 'neutral' },
  ACTIVE: { icon: '●', tone: 'positive' },
  PAUSED: { icon: '‖', tone: 'paused' },
  CLOSED: { icon: '✕', tone: 'ended' },
};

/** Where a club stands, in words with a mark (never colour alone). */
export function ClubStatusChip({ status }: { status: ClubStatus }) {
  const { t } = useTranslation();
  return <StatusChip {...CLUB_CHIPS[status]} label={t(`enums.clubStatus.${status}`)} />;
}
