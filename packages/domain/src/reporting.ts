import type { PolicyUser } from './policy.js';

/**
 * Activity reporting (issue 5): the workflow of one report, reporting periods, deadlines and which
 * periods a centre is expected to report. Pure functions, so the API enforces exactly what the
 * dashboard offers.
 */

/** DRAFT → SUBMITTED → APPROVED, or RETURNED with a comment → SUBMITTED again. */
export const REPORT_STATES = ['DRAFT', 'SUBMITTED', 'APPROVED', 'RETURNED'] as const;
export type ReportState = (typeof REPORT_STATES)[number];

export const REPORT_ACTIONS = ['EDIT', 'SUBMIT', 'APPROVE', 'RETURN', 'REOPEN'] as const;
export type ReportAction = (typeof REPORT_ACTIONS)[number];

/** Where each action leads from each state it may start from; EDIT keeps the state. */
const TRANSITIONS: Record<ReportAction, Partial<Record<ReportState, ReportState>>> = {
  EDIT: { DRAFT: 'DRAFT', RETURNED: 'RETURNED' },
  SUBMIT: { DRAFT: 'SUBMITTED', RETURNED: 'SUBMITTED' },
  APPROVE: { SUBMITTED: 'APPROVED' },
  RETURN: { SUBMITTED: 'RETURNED' },
  // An approved report is locked; only an administrator opens it again, back to its centre.
  REOPEN: { APPROVED: 'RETURNED' },
};

/** Coordinators write their own centre's reports; administrators review, return and reopen. */
const WRITER_ACTIONS: ReportAction[] = ['EDIT', 'SUBMIT'];
const REVIEWER_ACTIONS: ReportAction[] = ['APPROVE', 'RETURN', 'REOPEN'];

export function nextReportState(state: ReportState, action: ReportAction): ReportState | null {
  return TRANSITIONS[action][state] ?? null;
}

/**
 * The actions this person may take on a report of a centre in a state, in the order a form shows them.
 * Nobody approves a report they submitted themselves: an administrator who files a centre's report
 * leaves its approval to another.
 */
export function allowedReportActions(report: { state: ReportState; centreId: string; submittedById?: string | null }, user: PolicyUser | null): ReportAction[] {
  if (!user) return [];
  const mayWrite = user.role === 'REGIONAL_ADMIN' || (user.role === 'DISTRICT_COORDINATOR' && user.centreId === report.centreId);
  const mayReview = user.role === 'REGIONAL_ADMIN';
  return REPORT_ACTIONS.filter(
    (action) =>
      nextReportState(report.state, action) !== null &&
      !(action === 'APPROVE' && report.submittedById === user.id) &&
      ((WRITER_ACTIONS.includes(action) && mayWrite) || (REVIEWER_ACTIONS.includes(action) && mayReview)),
  );
}

/** Returning a report needs a comment saying what to fix. */
export function actionNeedsComment(action: ReportAction): boolean {
  return action === 'RETURN' || action === 'REOPEN';
}

/** How often centres report; configuration, not code. */
export const PERIOD_TYPES = ['MONTHLY', 'QUARTERLY'] as const;
export type PeriodType = (typeof PERIOD_TYPES)[number];

/** A period is named by its first month: 'YYYY-MM' (for QUARTERLY, the quarter's first month). */
export type Period = string;

/** Periods of this century only: 2000-01 to 2099-12. Anything else is a typing slip. */
export const PERIOD_PATTERN = /^(20\d{2})-(0[1-9]|1[0-2])$/;
const monthsIn = (type: PeriodType) => (type === 'MONTHLY' ? 1 : 3);

export function isPeriod(value: string, type: PeriodType): boolean {
  const match = PERIOD_PATTERN.exec(value);
  return match !== null && (Number(match[2]) - 1) % monthsIn(type) === 0;
}

/** The period a day ('YYYY-MM-DD') falls in. */
export function periodOf(day: string, type: PeriodType): Period {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  const first = month - ((month - 1) % monthsIn(type));
  return `${year}-${String(first).padStart(2, '0')}`;
}

function addMonths(period: Period, months: number): Period {
  const index = Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7)) - 1 + months;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export function nextPeriod(period: Period, type: PeriodType): Period {
  return addMonths(period, monthsIn(type));
}

export function previousPeriod(period: Period, type: PeriodType): Period {
  return addMonths(period, -monthsIn(type));
}

/** First and last day of a period. */
export function periodDays(period: Period, type: PeriodType): { first: string; last: string } {
  const after = addMonths(period, monthsIn(type));
  const lastDay = new Date(Date.UTC(Number(after.slice(0, 4)), Number(after.slice(5, 7)) - 1, 0));
  return { first: `${period}-01`, last: lastDay.toISOString().slice(0, 10) };
}

/** The day a period's report is due: the `deadlineDay`-th of the month after the period (the 5th by default). */
export function reportDeadline(period: Period, type: PeriodType, deadlineDay = 5): string {
  return `${nextPeriod(period, type)}-${String(deadlineDay).padStart(2, '0')}`;
}

/**
 * The periods from `from` to `to` (inclusive) for which a centre owes a report: those it was open
 * for at least one day. A centre that opened mid-year owes nothing for the months before; one
 * that closed owes nothing after. Unknown opening day: open since ever.
 */
export function expectedPeriods(centre: { openedOn: string | null; closedOn: string | null }, from: Period, to: Period, type: PeriodType): Period[] {
  const periods: Period[] = [];
  for (let period = periodOf(`${from}-01`, type); period <= to; period = nextPeriod(period, type)) {
    const { first, last } = periodDays(period, type);
    const openedBy = centre.openedOn === null || centre.openedOn <= last;
    const stillOpen = centre.closedOn === null || centre.closedOn > first;
    if (openedBy && stillOpen) periods.push(period);
  }
  return periods;
}

/** The age bands young people are counted in. */
export const AGE_BANDS = [
  { code: 'AGE_14_17', min: 14, max: 17 },
  { code: 'AGE_18_24', min: 18, max: 24 },
  { code: 'AGE_25_35', min: 25, max: 35 },
] as const;
export type AgeBand = (typeof AGE_BANDS)[number]['code'];

export function ageBandOf(age: number): AgeBand | null {
  return AGE_BANDS.find((band) => age >= band.min && age <= band.max)?.code ?? null;
}

/** Why a centre cannot report a period, or null when it can. */
export type PeriodProblemCode = 'periodInFuture' | 'periodNotOver' | 'beforeCentreOpened' | 'afterCentreClosed';

/**
 * Whether a centre may report a period on `today`: not a period that has not begun, nor one it was
 * not open for. Submitting waits for the period's last day, since the report covers all of it.
 */
export function periodProblem(
  period: Period,
  type: PeriodType,
  centre: { openedOn: string | null; closedOn: string | null },
  today: string,
  submitting: boolean,
): { code: PeriodProblemCode; params?: Record<string, string> } | null {
  const { first, last } = periodDays(period, type);
  if (first > today) return { code: 'periodInFuture' };
  if (centre.openedOn !== null && last < centre.openedOn) return { code: 'beforeCentreOpened', params: { day: centre.openedOn } };
  if (centre.closedOn !== null && first >= centre.closedOn) return { code: 'afterCentreClosed', params: { day: centre.closedOn } };
  if (submitting && last > today) return { code: 'periodNotOver', params: { day: last } };
  return null;
}

/** On time: first submitted no later than the deadline day (a day in the region's time zone). */
export function submittedOnTime(firstSubmittedDay: string, period: Period, type: PeriodType, deadlineDay = 5): boolean {
  return firstSubmittedDay <= reportDeadline(period, type, deadlineDay);
}
