import { graphql } from '../../gql';

/** Everything the report page shows or edits of a report; every mutation answers with it. */
export const ReportFields = graphql(`
  fragment ReportFields on ActivityReport {
    id
    centre {
      id
    }
    period
    periodStart
    periodEnd
    deadline
    state
    version
    allowedActions
    eventsHeld
    reachedTotal
    reach {
      ageBand
      sex
      count
    }
    clubs {
      club {
        id
      }
      meetings
      attendance
    }
    programRuns {
      programRun {
        id
      }
      sessions
      attendance
    }
    prevention {
      raids
      sessions
      screenings
      onlineShopsFound
      onlineShopsBlocked
    }
    highlights
    reviewComment
    reviewedAt
    firstSubmittedAt
    submittedAt
    onTime
    updatedAt
    warnings {
      field
      value
      usual
    }
  }
`);

/**
 * The report page: the centre's report of the period (null before it is started), and the centre's
 * clubs and program runs with their dates, from which the form lists those that met in the period.
 * Closed clubs and cancelled runs too: one that closed in the middle of the period still met in it.
 */
export const ReportPageQuery = graphql(`
  query ReportPage($centreId: ID!, $period: String!) {
    reportingSettings {
      periodType
      deadlineDay
      currentPeriod
      lastEndedPeriod
    }
    centre(id: $centreId) {
      id
      name
      openedOn
      closedOn
      clubs(includeClosed: true) {
        id
        name
        startedOn
        closedOn
      }
      programRuns(includeCancelled: true) {
        id
        startsOn
        endsOn
        closedOn
        program {
          id
          name
          anonymous
        }
      }
      report(period: $period) {
        ...ReportFields
      }
    }
  }
`);

export const CreateReportMutation = graphql(`
  mutation CreateReport($input: CreateReportInput!) {
    createReport(input: $input) {
      report {
        ...ReportFields
      }
    }
  }
`);

export const UpdateReportMutation = graphql(`
  mutation UpdateReport($input: UpdateReportInput!) {
    updateReport(input: $input) {
      report {
        ...ReportFields
      }
    }
  }
`);

export const SubmitReportMutation = graphql(`
  mutation SubmitReport($input: SubmitReportInput!) {
    submitReport(input: $input) {
      report {
        ...ReportFields
      }
    }
  }
`);

export const ApproveReportMutation = graphql(`
  mutation ApproveReport($input: ApproveReportInput!) {
    approveReport(input: $input) {
      report {
        ...ReportFields
      }
    }
  }
`);

export const ReturnReportMutation = graphql(`
  mutation ReturnReport($input: ReturnReportInput!) {
    returnReport(input: $input) {
      report {
        ...ReportFields
      }
    }
  }
`);

export const ReopenReportMutation = graphql(`
  mutation ReopenReport($input: ReturnReportInput!) {
    reopenReport(input: $input) {
      report {
        ...ReportFields
      }
    }
  }
`);

/** A cell of the completeness grid, and of a coordinator's list of their periods. */
export const ReportCellFields = graphql(`
  fragment ReportCellFields on ReportCell {
    period
    status
    state
    deadline
    late
    expected
    reportId
  }
`);

export const PeriodRateFields = graphql(`
  fragment PeriodRateFields on PeriodCompleteness {
    period
    expected
    received
    onTime
    late
    overdue
    completeness
    timeliness
  }
`);

/**
 * A coordinator's periods: the API gives them their own centre's row. The returned reports come
 * along for their review comments, which the cells do not carry.
 */
export const MyReportsQuery = graphql(`
  query MyReports($returnedFirst: Int!) {
    reportingSettings {
      periodType
      lastEndedPeriod
    }
    reportCompleteness {
      periods
      rows {
        centre {
          id
          name
        }
        cells {
          ...ReportCellFields
        }
      }
    }
    reports(filter: { states: [RETURNED] }, first: $returnedFirst) {
      nodes {
        id
        period
        reviewComment
        reviewedAt
      }
    }
  }
`);

/** The review queue: submitted reports, the longest waiting first. */
export const ReviewQueueQuery = graphql(`
  query ReviewQueue($first: Int!, $after: String) {
    reportingSettings {
      periodType
    }
    reports(filter: { states: [SUBMITTED] }, orderBy: { field: SUBMITTED_AT, direction: ASC }, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        period
        state
        submittedAt
        firstSubmittedAt
        deadline
        onTime
        centre {
          id
          name
        }
        warnings {
          field
        }
      }
    }
  }
`);

export const REVIEW_QUEUE_PAGE_SIZE = 25;

/** The completeness grid: centres × periods, with the network's and each kind's rates per period. */
export const CompletenessQuery = graphql(`
  query Completeness($from: String, $to: String) {
    reportingSettings {
      periodType
      deadlineDay
      lastEndedPeriod
    }
    reportCompleteness(from: $from, to: $to) {
      periodType
      deadlineDay
      periods
      rows {
        centre {
          id
          name
          kind
        }
        cells {
          ...ReportCellFields
        }
        total {
          ...PeriodRateFields
        }
      }
      network {
        ...PeriodRateFields
      }
      byKind {
        kind
        periods {
          ...PeriodRateFields
        }
      }
    }
  }
`);
