import { ROLLOUT_GATES, ROLLOUT_STATUSES } from '@mrc/domain';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { GateTicks, RolloutLateMark, RolloutStatusChip } from './RolloutChips';
import type { Matrix, MatrixItem } from './rollout-matrix';

interface RolloutMatrixProps {
  matrix: Matrix;
  /** The item whose panel is open: its cell is marked as the current one. */
  openItemId: string | undefined;
  /** The signed-in coordinator's district: its row is marked as theirs. */
  ownCentreId: string | null;
  /** Kept on the links, so the panel opens over the same view (`?…`). */
  search: string;
}

/**
 * Districts down, club types across; each cell the item's status (a mark and a word), its gates as
 * four ticks and, when late, a late mark. A cell opens the item's panel. The table reads well
 * aloud: each link says the district, the type, the status, the gates and lateness.
 */
export function RolloutMatrix({ matrix, openItemId, ownCentreId, search }: RolloutMatrixProps) {
  const { t } = useTranslation();
  return (
    <div className="table-scroll">
      <table className="data-table rollout-matrix" data-testid="rollout-matrix">
        <caption>{t('rollout.matrix.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('rollout.matrix.district')}</th>
            {matrix.columns.map((column) => (
              <th key={column.id} scope="col">
                {column.name}
              </th>
            ))}
            <th scope="col" className="numeric">
              {t('rollout.matrix.running')}
            </th>
          </tr>
        </thead>
        <tbody>
          {matrix.rows.map((row) => (
            <tr key={row.centre.id} data-testid="matrix-row" data-centre-id={row.centre.id} className={row.centre.id === ownCentreId ? 'own-row' : undefined}>
              <th scope="row">
                {row.centre.name}
                {row.centre.id === ownCentreId ? <span className="own-district">{t('rollout.matrix.yourDistrict')}</span> : null}
              </th>
              {row.cells.map((cell, index) => (
                <MatrixCell
                  key={matrix.columns[index]!.id}
                  item={cell}
                  open={cell !== null && cell.id === openItemId}
                  label={cell ? cellLabel(cell, t) : t('rollout.matrix.notPlannedLabel', { district: row.centre.name, type: matrix.columns[index]!.name })}
                  search={search}
                />
              ))}
              <td className="numeric" data-testid="district-running">
                {t('rollout.matrix.runningOf', { running: row.running, planned: row.planned })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function MatrixCell({ item, open, label, search }: { item: MatrixItem | null; open: boolean; label: string; search: string }) {
  const { t } = useTranslation();
  if (!item) {
    return (
      <td className="matrix-cell matrix-cell-empty" data-testid="matrix-cell" data-status="NONE" title={label}>
        <span aria-hidden="true">–</span>
        <span className="visually-hidden">{t('rollout.matrix.notPlanned')}</span>
      </td>
    );
  }
  const className = ['matrix-cell', `matrix-cell-${item.status.toLowerCase()}`, item.late ? 'matrix-cell-late' : '', open ? 'matrix-cell-open' : ''].filter(Boolean).join(' ');
  return (
    <td className={className} data-testid="matrix-cell" data-item-id={item.id} data-status={item.status} data-late={item.late} data-gates={item.gates.length}>
      <Link to={{ pathname: `/rollout/${encodeURIComponent(item.id)}`, search }} aria-label={label} aria-current={open ? 'true' : undefined}>
        <RolloutStatusChip status={item.status} />
        <GateTicks gates={item.gates} />
        {item.late ? <RolloutLateMark /> : null}
      </Link>
    </td>
  );
}

/** "Temirtau, Dombra: Preparing, 3 of 4 gates met, late". */
export function cellLabel(item: MatrixItem, t: TFunction): string {
  const parts = [t(`rollout.status.${item.status}`), t('rollout.gatesMet', { met: item.gates.length, total: ROLLOUT_GATES.length })];
  if (item.late) parts.push(t('rollout.late'));
  return t('rollout.matrix.cellLabel', { district: item.centre.name, type: item.clubType.name, state: parts.join(', ') });
}

/** What the marks mean: each status, a late item, and the gates. */
export function MatrixLegend() {
  const { t } = useTranslation();
  return (
    <ul className="grid-legend rollout-legend" aria-label={t('rollout.matrix.legend')}>
      {ROLLOUT_STATUSES.map((status) => (
        <li key={status}>
          <RolloutStatusChip status={status} />
        </li>
      ))}
      <li>
        <RolloutLateMark />
      </li>
      <li className="legend-gates">
        <span className="gate-ticks" aria-hidden="true">
          <span className="gate-tick gate-met" />
          <span className="gate-tick gate-met" />
          <span className="gate-tick gate-met" />
          <span className="gate-tick gate-open" />
        </span>{' '}
        {t('rollout.matrix.gatesLegend')}
      </li>
    </ul>
  );
}
