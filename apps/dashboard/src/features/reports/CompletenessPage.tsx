import { useQuery } from '@apollo/client/react';
import type { PeriodType } from '@mrc/domain';
import type { TFunction } from 'i18next';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { failureCode } from '../../app/apollo/error-code';
import { fieldErrors } from '../../app/apollo/error-details';
import { useDocumentTitle } from '../../app/layout/use-document-title';
import { ErrorState } from '../../app/ui/ErrorState';
import { Field } from '../../app/ui/Field';
import { ListSkeleton } from '../../app/ui/ListSkeleton';
import type { CompletenessQuery as CompletenessData, PeriodRateFieldsFragment, ReportCellFieldsFragment } from '../../gql/graphql';
import { CompletenessChart } from './CompletenessChart';
import { downloadCsv } from './csv';
import { CellStatusChip, cellView } from './ReportChips';
import { formatPeriod, formatPeriodShort, formatRate } from './report-period';
import { CompletenessQuery } from './reports-documents';
import { ReportsTabs } from './ReportsTabs';
import './reports.css';
import '../centres/network.css';

type Grid = CompletenessData['reportCompleteness'];

const PERIOD_PARAM = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * Who has reported and who is late: centres × periods, each cell the report's status (a mark, a word
 * and a colour; late ones marked), with the network's completeness over time as a chart beside its
 * table, and the rates by kind of centre. The range lives in the URL (`?from=2026-01&to=2026-10`).
 */
export default function CompletenessPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('reports.grid.title'));
  const [params, setParams] = useSearchParams();
  const from = readPeriod(params.get('from'));
  const to = readPeriod(params.get('to'));
  // Others change these lists (a coordinator submits, the region reviews): show the cached one, and ask again.
  const { data, previousData, error, loading, refetch } = useQuery(CompletenessQuery, { variables: { from, to }, fetchPolicy: 'cache-and-network' });
  const shown = data ?? (error ? undefined : previousData);
  const grid = shown?.reportCompleteness;
  const refused = failureCode(error) === 'BAD_USER_INPUT' ? fieldErrors(error) : {};

  let body;
  if (error && !data && failureCode(error) !== 'BAD_USER_INPUT') {
    body = (
      <ErrorState
        title={t('reports.grid.loadFailed')}
        error={error}
        onRetry={() => {
          refetch().catch(() => undefined);
        }}
      />
    );
  } else if (!grid) {
    body = error ? null : <ListSkeleton label={t('reports.grid.loading')} testId="grid-loading" />;
  } else {
    body = (
      <div aria-busy={loading}>
        <CompletenessGrid grid={grid} />
        <NetworkRates grid={grid} />
        <KindRates grid={grid} />
      </div>
    );
  }

  return (
    <>
      <h1>{t('reports.grid.title')}</h1>
      <p className="page-intro">{t('reports.grid.intro')}</p>
      <ReportsTabs />
      <RangeForm
        // Starts again once the grid says which periods it shows (the default range is the API's).
        key={`${params.toString()}|${shown?.reportCompleteness.periods.join() ?? ''}`}
        from={from ?? shown?.reportCompleteness.periods[0] ?? ''}
        to={to ?? shown?.reportCompleteness.periods.at(-1) ?? ''}
        problems={refused}
        onChange={(next) => {
          const search = new URLSearchParams();
          if (next.from) search.set('from', next.from);
          if (next.to) search.set('to', next.to);
          setParams(search);
        }}
      />
      {body}
    </>
  );
}

function readPeriod(value: string | null): string | null {
  return value !== null && PERIOD_PARAM.test(value) ? value : null;
}

function RangeForm({
  from,
  to,
  problems,
  onChange,
}: {
  from: string;
  to: string;
  problems: Partial<Record<string, string>>;
  onChange: (range: { from: string; to: string }) => void;
}) {
  const { t } = useTranslation();
  const [range, setRange] = useState({ from, to });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onChange(range);
  };
  return (
    <form className="filters" aria-label={t('reports.grid.rangeLabel')} onSubmit={submit}>
      <Field label={t('reports.grid.from')} hint={t('reports.grid.periodHint')} error={problems['from']}>
        {(control) => <input {...control} type="month" name="from" value={range.from} onChange={(event) => setRange({ ...range, from: event.target.value })} />}
      </Field>
      <Field label={t('reports.grid.to')} hint={t('reports.grid.periodHint')} error={problems['to']}>
        {(control) => <input {...control} type="month" name="to" value={range.to} onChange={(event) => setRange({ ...range, to: event.target.value })} />}
      </Field>
      <div className="form-actions">
        <button type="submit">{t('reports.grid.show')}</button>
        <Link to="/reports/completeness">{t('reports.grid.lastTwelve')}</Link>
      </div>
    </form>
  );
}

function CompletenessGrid({ grid }: { grid: Grid }) {
  const { t, i18n } = useTranslation();
  const type = grid.periodType;
  // The regional centre reviews rather than reports, and a centre closed all along owes nothing: no row.
  const rows = grid.rows.filter((row) => row.total.expected > 0 || row.cells.some((cell) => cell.reportId));
  const network = new Map(grid.network.map((rate) => [rate.period, rate]));
  const csv = () =>
    downloadCsv('report-completeness.csv', [
      [t('reports.column.centre'), ...grid.periods, t('reports.grid.total')],
      ...rows.map((row) => [
        row.centre.name,
        ...row.cells.map((cell) => `${t(`reports.cell.${cellView(cell)}`)}${cell.late && cell.status !== 'OVERDUE' ? ` (${t('reports.late')})` : ''}`),
        `${row.total.received}/${row.total.expected}`,
      ]),
    ]);
  return (
    <section aria-labelledby="grid-heading">
      <div className="section-head">
        <h2 id="grid-heading">{t('reports.grid.gridHeading')}</h2>
        <button type="button" className="button-secondary" onClick={csv}>
          {t('reports.grid.downloadCsv')}
        </button>
      </div>
      <GridLegend />
      <div className="table-scroll">
        <table className="data-table completeness-grid" data-testid="completeness-grid">
          <caption>{t('reports.grid.caption', { from: formatPeriod(grid.periods[0] ?? '', type, t), to: formatPeriod(grid.periods.at(-1) ?? '', type, t) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('reports.column.centre')}</th>
              {grid.periods.map((period) => (
                <th key={period} scope="col" className="period-column">
                  <abbr title={formatPeriod(period, type, t)}>{formatPeriodShort(period, type, t)}</abbr>
                </th>
              ))}
              <th scope="col" className="numeric">
                {t('reports.grid.total')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.centre.id} data-testid="grid-row" data-centre-id={row.centre.id}>
                <th scope="row">
                  <Link to={`/centres/${encodeURIComponent(row.centre.id)}`}>{row.centre.name}</Link>
                </th>
                {row.cells.map((cell) => (
                  <GridCell key={cell.period} cell={cell} centreId={row.centre.id} centreName={row.centre.name} periodName={formatPeriod(cell.period, type, t)} />
                ))}
                <td className="numeric">
                  <RateFigure rate={row.total} language={i18n.language} />
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('reports.grid.network')}</th>
              {grid.periods.map((period) => (
                <td key={period} className="numeric">
                  {network.get(period) ? <RateFigure rate={network.get(period)!} language={i18n.language} /> : null}
                </td>
              ))}
              <td />
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}

/** "11 of 12 · 92 %": received of expected, and the rate. */
function RateFigure({ rate, language }: { rate: PeriodRateFieldsFragment; language: string }) {
  const { t } = useTranslation();
  if (rate.expected === 0) return <span className="muted">{t('reports.grid.nothingExpected')}</span>;
  return (
    <>
      {t('reports.grid.receivedOf', { received: rate.received, expected: rate.expected })}
      <br />
      <span className="muted">{formatRate(rate.completeness, language)}</span>
    </>
  );
}

function GridCell({ cell, centreId, centreName, periodName }: { cell: ReportCellFieldsFragment; centreId: string; centreName: string; periodName: string }) {
  const { t } = useTranslation();
  const view = cellView(cell);
  const late = cell.late || view === 'OVERDUE';
  const className = `grid-cell grid-cell-${view.toLowerCase()}${late ? ' grid-cell-late' : ''}`;
  const chip = <CellStatusChip cell={cell} />;
  return (
    <td className={className} data-testid="grid-cell" data-period={cell.period} data-status={cell.status} data-late={late}>
      {view === 'NOT_EXPECTED' && !cell.reportId ? (
        <span title={t('reports.cell.NOT_EXPECTED')}>{chip}</span>
      ) : (
        <Link to={`/reports/${encodeURIComponent(centreId)}/${cell.period}`} aria-label={t('reports.grid.cellLabel', { centre: centreName, period: periodName, status: cellText(cell, t) })}>
          {chip}
        </Link>
      )}
    </td>
  );
}

function cellText(cell: ReportCellFieldsFragment, t: TFunction): string {
  const view = cellView(cell);
  const status = t(`reports.cell.${view}`);
  return cell.late && view !== 'OVERDUE' ? `${status}, ${t('reports.late')}` : status;
}

function GridLegend() {
  const { t } = useTranslation();
  const examples: Array<Pick<ReportCellFieldsFragment, 'status' | 'state' | 'late'>> = [
    { status: 'APPROVED', state: 'APPROVED', late: false },
    { status: 'SUBMITTED', state: 'SUBMITTED', late: false },
    { status: 'RETURNED', state: 'RETURNED', late: false },
    { status: 'OVERDUE', state: null, late: true },
    { status: 'NOT_DUE', state: 'DRAFT', late: false },
    { status: 'NOT_DUE', state: null, late: false },
    { status: 'SUBMITTED', state: 'SUBMITTED', late: true },
  ];
  return (
    <ul className="grid-legend" aria-label={t('reports.grid.legend')}>
      {examples.map((example, index) => (
        <li key={index}>
          <CellStatusChip cell={example} />
        </li>
      ))}
    </ul>
  );
}

/** The network's rates per period: the chart, and beside it the same figures as a table. */
function NetworkRates({ grid }: { grid: Grid }) {
  const { t, i18n } = useTranslation();
  const type = grid.periodType;
  const percent = (rate: number | null | undefined) => (rate === null || rate === undefined ? null : Math.round(rate * 1000) / 10);
  const points = grid.network.map((rate) => ({
    label: formatPeriodShort(rate.period, type, t),
    completeness: percent(rate.completeness),
    timeliness: percent(rate.timeliness),
  }));
  const csv = () =>
    downloadCsv('network-completeness.csv', [
      [t('reports.column.period'), t('reports.grid.expected'), t('reports.grid.received'), t('reports.grid.onTime'), t('reports.grid.lateCount'), t('reports.grid.overdue'), t('reports.grid.completeness'), t('reports.grid.timeliness')],
      ...grid.network.map((rate) => [rate.period, rate.expected, rate.received, rate.onTime, rate.late, rate.overdue, percent(rate.completeness), percent(rate.timeliness)]),
    ]);
  return (
    <section aria-labelledby="rates-heading">
      <div className="section-head">
        <h2 id="rates-heading">{t('reports.grid.ratesHeading')}</h2>
        <button type="button" className="button-secondary" onClick={csv}>
          {t('reports.grid.downloadCsv')}
        </button>
      </div>
      <p className="field-hint">{t('reports.grid.ratesIntro')}</p>
      <div className="chart-with-table">
        <CompletenessChart points={points} />
        <div className="table-scroll">
          <table className="data-table" data-testid="network-rates">
            <caption>{t('reports.grid.ratesCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reports.column.period')}</th>
                <th scope="col" className="numeric">
                  {t('reports.grid.receivedShort')}
                </th>
                <th scope="col" className="numeric">
                  {t('reports.grid.completeness')}
                </th>
                <th scope="col" className="numeric">
                  {t('reports.grid.timeliness')}
                </th>
                <th scope="col" className="numeric">
                  {t('reports.grid.overdue')}
                </th>
              </tr>
            </thead>
            <tbody>
              {grid.network.map((rate) => (
                <tr key={rate.period}>
                  <th scope="row">{formatPeriod(rate.period, type, t)}</th>
                  <td className="numeric">{t('reports.grid.receivedOf', { received: rate.received, expected: rate.expected })}</td>
                  <td className="numeric">{formatRate(rate.completeness, i18n.language)}</td>
                  <td className="numeric">{formatRate(rate.timeliness, i18n.language)}</td>
                  <td className="numeric">{rate.overdue}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </section>
  );
}

/** Completeness by kind of centre (city, city district, rural district), period by period. */
function KindRates({ grid }: { grid: Grid }) {
  const { t, i18n } = useTranslation();
  const type: PeriodType = grid.periodType;
  if (grid.byKind.length === 0) return null;
  const csv = () =>
    downloadCsv('completeness-by-kind.csv', [
      [t('reports.column.period'), ...grid.byKind.map((kind) => t(`centreKind.${kind.kind}`))],
      ...grid.periods.map((period, index) => [period, ...grid.byKind.map((kind) => kind.periods[index]?.completeness ?? null)]),
    ]);
  return (
    <section aria-labelledby="kinds-heading">
      <div className="section-head">
        <h2 id="kinds-heading">{t('reports.grid.kindsHeading')}</h2>
        <button type="button" className="button-secondary" onClick={csv}>
          {t('reports.grid.downloadCsv')}
        </button>
      </div>
      <div className="table-scroll">
        <table className="data-table" data-testid="kind-rates">
          <caption>{t('reports.grid.kindsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('reports.column.period')}</th>
              {grid.byKind.map((kind) => (
                <th key={kind.kind} scope="col" className="numeric">
                  {t(`centreKind.${kind.kind}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {grid.periods.map((period, index) => (
              <tr key={period}>
                <th scope="row">{formatPeriod(period, type, t)}</th>
                {grid.byKind.map((kind) => {
                  const rate = kind.periods[index];
                  return (
                    <td key={kind.kind} className="numeric">
                      {rate ? (
                        <>
                          {formatRate(rate.completeness, i18n.language)}{' '}
                          <span className="muted">({t('reports.grid.receivedOf', { received: rate.received, expected: rate.expected })})</span>
                        </>
                      ) : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
