import type { ReportState } from '@mrc/domain';
import { useTranslation } from 'react-i18next';
import type { ReportCellStatus } from '../../gql/graphql';
import { StatusChip, type ChipTone } from '../centres/StatusChip';

const STATE_CHIPS: Record<ReportState, { icon: string; tone: ChipTone }> = {
  DRAFT: { icon: '✎', tone: 'neutral' },
  SUBMITTED: { icon: '●', tone: 'neutral' },
  RETURNED: { icon: '↩', tone: 'paused' },
  APPROVED: { icon: '✓', tone: 'positive' },
};

/** Where a report stands, in words with a mark (never colour alone). */
export function ReportStateChip({ state }: { state: ReportState }) {
  const { t } = useTranslation();
  return <StatusChip {...STATE_CHIPS[state]} label={t(`reports.state.${state}`)} />;
}

/** What a cell of the grid says: the report's review state once received, else whether it is owed. */
export type CellView = 'APPROVED' | 'SUBMITTED' | 'RETURNED' | 'OVERDUE' | 'DRAFT' | 'NOT_STARTED' | 'NOT_EXPECTED';

const CELL_CHIPS: Record<CellView, { icon: string; tone: ChipTone }> = {
  APPROVED: { icon: '✓', tone: 'positive' },
  SUBMITTED: { icon: '●', tone: 'neutral' },
  RETURNED: { icon: '↩', tone: 'paused' },
  OVERDUE: { icon: '!', tone: 'alert' },
  DRAFT: { icon: '✎', tone: 'ended' },
  NOT_STARTED: { icon: '○', tone: 'ended' },
  NOT_EXPECTED: { icon: '–', tone: 'ended' },
};

export function cellView(cell: { status: ReportCellStatus; state?: ReportState | null }): CellView {
  if (cell.status === 'NOT_DUE') return cell.state === 'DRAFT' ? 'DRAFT' : 'NOT_STARTED';
  return cell.status;
}

/** A cell's status with its mark and short label; `late` adds a mark of its own (received after the deadline). */
export function CellStatusChip({ cell }: { cell: { status: ReportCellStatus; state?: ReportState | null; late: boolean } }) {
  const { t } = useTranslation();
  const view = cellView(cell);
  return (
    <>
      <StatusChip {...CELL_CHIPS[view]} label={t(`reports.cell.${view}`)} />
      {cell.late && view !== 'OVERDUE' ? (
        <>
          {' '}
          <LateMark />
        </>
      ) : null}
    </>
  );
}

/** Received after the deadline: a word and a mark, not a colour. */
export function LateMark() {
  const { t } = useTranslation();
  return (
    <span className="late-mark">
      <span aria-hidden="true">◷</span> {t('reports.late')}
    </span>
  );
}
