import { graphql } from '../../gql';

/**
 * The overview's KPI cards in one request: each figure is a connection's `totalCount` with a page of
 * one, so the API counts and sends almost nothing back; the rollout's totals come counted too. The
 * reporting period being reported now comes along, for the reports' figures (OverviewReportsQuery).
 */
export const OverviewKpisQuery = graphql(`
  query OverviewKpis($monthStart: Date!) {
    reportingSettings {
      periodType
      lastEndedPeriod
    }
    rolloutProgress {
      network {
        planned
        launched
        late
        share
      }
    }
    allCentres: centres(first: 1) {
      totalCount
    }
    openCentres: centres(first: 1, filter: { open: true }) {
      totalCount
    }
    activeClubs: clubs(first: 1, filter: { statuses: [ACTIVE] }) {
      totalCount
    }
    clubsStartedThisMonth: clubs(first: 1, filter: { startedFrom: $monthStart }) {
      totalCount
    }
    runningPrograms: programRuns(first: 1, filter: { statuses: [RUNNING] }) {
      totalCount
    }
  }
`);

/**
 * The reports of the period being reported now, for those who read every centre's: the network's
 * timeliness, each centre's cell (who has not reported), and for the region the review queue's length.
 */
export const OverviewReportsQuery = graphql(`
  query OverviewReports($period: String!, $withReviewQueue: Boolean!) {
    reportCompleteness(from: $period, to: $period) {
      network {
        period
        expected
        received
        onTime
        late
        overdue
        timeliness
      }
      rows {
        centre {
          id
          name
        }
        cells {
          period
          status
          expected
        }
      }
    }
    reviewQueue: reports(filter: { states: [SUBMITTED] }, first: 1) @include(if: $withReviewQueue) {
      totalCount
    }
  }
`);

/** The network works on Karaganda's clock, whatever the reader's computer says. */
export const NETWORK_TIME_ZONE = 'Asia/Almaty';

/** The first day of the month `now` falls in, in `timeZone`, as an ISO date (`2026-03-01`). */
export function monthStart(now: Date, timeZone: string = NETWORK_TIME_ZONE): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' }).formatToParts(now);
  const part = (type: 'year' | 'month') => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-01`;
}
