import type { ApolloCache } from '@apollo/client';
import type { ReportFieldsFragment } from '../../gql/graphql';
import { ReportPageQuery } from './reports-documents';

/**
 * A report just created (a first autosave, or a submission without a draft) becomes the centre's
 * report of the period in the cache, so the page shows it without asking again.
 */
export function rememberReport(cache: ApolloCache, centreId: string, period: string, report: ReportFieldsFragment): void {
  cache.updateQuery({ query: ReportPageQuery, variables: { centreId, period } }, (data) =>
    data?.centre ? { ...data, centre: { ...data.centre, report } } : data,
  );
}

/**
 * After a report is started, submitted or reviewed, the lists and grids that count it (my reports,
 * the review queue, the completeness grid) no longer match: dropping them makes the pages showing
 * them ask again. The report's own fields are updated in place from the mutation's answer.
 */
export function forgetReportLists(cache: ApolloCache): void {
  cache.evict({ id: 'ROOT_QUERY', fieldName: 'reportCompleteness' });
  cache.evict({ id: 'ROOT_QUERY', fieldName: 'reports' });
  cache.evict({ id: 'ROOT_QUERY', fieldName: 'auditEntries' });
  cache.gc();
}
