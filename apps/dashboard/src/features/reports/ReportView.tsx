import { AGE_BANDS, PREVENTION_FIGURES, SEXES } from '@mrc/domain';
import type { TFunction } from 'i18next';
import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportFieldsFragment } from '../../gql/graphql';
import type { ReportLines } from './report-form';

type Warning = ReportFieldsFragment['warnings'][number];

/** A warning's figure in words: the API names it by its input path. */
export function warningLabel(field: string, lines: ReportLines, t: TFunction): string {
  const [head, id, part] = field.split('.');
  if (field === 'eventsHeld' || field === 'reachedTotal') return t(`reports.field.${field}`);
  if (head === 'prevention' && (PREVENTION_FIGURES as readonly string[]).includes(id ?? '')) {
    return t(`reports.field.prevention.${id as (typeof PREVENTION_FIGURES)[number]}`);
  }
  if (head === 'clubs' || head === 'programRuns') {
    const line = (head === 'clubs' ? lines.clubs : lines.programRuns).find((entry) => entry.id === id);
    const figure = part === 'meetings' ? t('reports.field.meetings') : part === 'sessions' ? t('reports.field.sessions') : t('reports.field.attendance');
    return t('reports.warning.ofLine', { line: line?.name ?? t('reports.warning.unknownLine'), figure });
  }
  if (field === 'clubAttendance') return t('reports.warning.clubAttendance');
  if (field === 'programAttendance') return t('reports.warning.programAttendance');
  return field;
}

/**
 * Figures far above the centre's usual, for the reviewer: accepted, but worth a second look before
 * approving. Each is also marked beside the figure below.
 */
export function ReportWarnings({ warnings, lines }: { warnings: readonly Warning[]; lines: ReportLines }) {
  const { t, i18n } = useTranslation();
  if (warnings.length === 0) return null;
  const numbers = new Intl.NumberFormat(i18n.language);
  return (
    <section className="report-warnings" aria-labelledby="report-warnings-heading" data-testid="report-warnings">
      <h2 id="report-warnings-heading">
        <span aria-hidden="true">⚠</span> {t('reports.warning.heading', { count: warnings.length })}
      </h2>
      <p>{t('reports.warning.intro')}</p>
      <ul>
        {warnings.map((warning) => (
          <li key={warning.field}>
            {t('reports.warning.item', { figure: warningLabel(warning.field, lines, t), value: numbers.format(warning.value), usual: numbers.format(warning.usual) })}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A submitted, approved or otherwise locked report, as it reads: the same sections as the form. */
export function ReportView({ report, lines, warnings }: { report: ReportFieldsFragment; lines: ReportLines; warnings: readonly Warning[] }) {
  const { t, i18n } = useTranslation();
  const numbers = new Intl.NumberFormat(i18n.language);
  const warned = new Map(warnings.map((warning) => [warning.field, warning]));
  const value = (path: string, figure: number | null | undefined): ReactNode => {
    const warning = warned.get(path);
    return (
      <>
        {figure === null || figure === undefined ? <span className="muted">{t('reports.view.empty')}</span> : numbers.format(figure)}
        {warning ? (
          <span className="warning-mark">
            {' '}
            <span aria-hidden="true">⚠</span> {t('reports.warning.mark', { usual: numbers.format(warning.usual) })}
          </span>
        ) : null}
      </>
    );
  };
  const count = (band: string, sex: string) => report.reach.find((entry) => entry.ageBand === band && entry.sex === sex)?.count ?? null;
  const clubName = (id: string) => lines.clubs.find((line) => line.id === id)?.name ?? t('reports.warning.unknownLine');
  const runName = (id: string) => lines.programRuns.find((line) => line.id === id)?.name ?? t('reports.warning.unknownLine');

  return (
    <div className="report-view" data-testid="report-view">
      <section className="report-section" aria-labelledby="view-activity">
        <h2 id="view-activity">{t('reports.section.activity')}</h2>
        <dl className="facts">
          <dt>{t('reports.field.eventsHeld')}</dt>
          <dd data-testid="view-eventsHeld">{value('eventsHeld', report.eventsHeld)}</dd>
        </dl>
      </section>

      <section className="report-section" aria-labelledby="view-reach">
        <h2 id="view-reach">{t('reports.section.reach')}</h2>
        <dl className="facts">
          <dt>{t('reports.field.reachedTotal')}</dt>
          <dd data-testid="view-reachedTotal">{value('reachedTotal', report.reachedTotal)}</dd>
        </dl>
        <div className="table-scroll">
          <table className="data-table reach-grid">
            <caption>{t('reports.form.reachCaption')}</caption>
            <thead>
              <tr>
                <td />
                {SEXES.map((sex) => (
                  <th key={sex} scope="col" className="numeric">
                    {t(`reports.sex.${sex}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {AGE_BANDS.map((band) => (
                <tr key={band.code}>
                  <th scope="row">{t('reports.ageBand', { min: band.min, max: band.max })}</th>
                  {SEXES.map((sex) => (
                    <td key={sex} className="numeric">
                      {value(`reach.${band.code}.${sex}`, count(band.code, sex))}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <LinesTable
        id="view-clubs"
        heading={t('reports.section.clubs')}
        empty={t('reports.form.noClubs')}
        columns={[t('reports.view.club'), t('reports.field.meetings'), t('reports.field.attendance')]}
        rows={report.clubs.map((line) => ({
          id: line.club.id,
          name: clubName(line.club.id),
          cells: [value(`clubs.${line.club.id}.meetings`, line.meetings), value(`clubs.${line.club.id}.attendance`, line.attendance)],
        }))}
      />

      <LinesTable
        id="view-programs"
        heading={t('reports.section.programs')}
        empty={t('reports.form.noPrograms')}
        columns={[t('reports.view.program'), t('reports.field.sessions'), t('reports.field.attendance')]}
        rows={report.programRuns.map((line) => ({
          id: line.programRun.id,
          name: runName(line.programRun.id),
          cells: [value(`programRuns.${line.programRun.id}.sessions`, line.sessions), value(`programRuns.${line.programRun.id}.attendance`, line.attendance)],
        }))}
      />

      <section className="report-section" aria-labelledby="view-prevention">
        <h2 id="view-prevention">{t('reports.section.prevention')}</h2>
        <dl className="facts">
          {PREVENTION_FIGURES.map((name) => (
            <Fragment key={name}>
              <dt>{t(`reports.field.prevention.${name}`)}</dt>
              <dd>{value(`prevention.${name}`, report.prevention[name])}</dd>
            </Fragment>
          ))}
        </dl>
      </section>

      <section className="report-section" aria-labelledby="view-highlights">
        <h2 id="view-highlights">{t('reports.section.highlights')}</h2>
        {report.highlights ? <p className="highlights">{report.highlights}</p> : <p className="muted">{t('reports.view.noHighlights')}</p>}
      </section>
    </div>
  );
}

function LinesTable({
  id,
  heading,
  empty,
  columns,
  rows,
}: {
  id: string;
  heading: string;
  empty: string;
  columns: [string, string, string];
  rows: Array<{ id: string; name: string; cells: [ReactNode, ReactNode] }>;
}) {
  return (
    <section className="report-section" aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      {rows.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{columns[0]}</th>
                <th scope="col" className="numeric">
                  {columns[1]}
                </th>
                <th scope="col" className="numeric">
                  {columns[2]}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <th scope="row">{row.name}</th>
                  <td className="numeric">{row.cells[0]}</td>
                  <td className="numeric">{row.cells[1]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
