import type { RequestContext } from '../graphql/request-context.js';

/**
 * Counts of people in one report can point at someone (three women aged 25–35 at a small rural
 * centre in May; the members of a support group). Analysts read those counts through `analytics`,
 * where small numbers are withheld the same way everywhere; in a single report they get null, and
 * the support groups' lines not at all. The centre's coordinator and the region's administrators,
 * who work with the report itself, see everything.
 */
export function withholdsPeopleCounts(context: RequestContext): boolean {
  return context.actor?.user.role === 'ANALYST';
}

/** The `field` paths of warnings about a count of people, which would give the withheld figure away (a POSIX regex, for SQL too). */
export const PEOPLE_COUNT_FIELD = '^(reachedTotal|(clubs|programRuns)\\.[^.]+\\.attendance)$';

export function isPeopleCountField(field: string): boolean {
  return new RegExp(PEOPLE_COUNT_FIELD).test(field);
}

export const WITHHELD_FOR_ANALYSTS = 'Null for analysts: counts of people in single reports are published only through `analytics`, where small numbers are withheld.';
