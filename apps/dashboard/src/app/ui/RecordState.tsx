import type { ReactNode } from 'react';
import { failureCode } from '../apollo/error-code';
import { ErrorState } from './ErrorState';
import { ListSkeleton } from './ListSkeleton';

interface RecordStateProps<Record> {
  /** The record as loaded (or cached); the page shows it whenever there is one. */
  record: Record | null | undefined;
  error: unknown;
  loading: boolean;
  refetch: () => Promise<unknown>;
  /** What could not be loaded, in the page's words ("The club could not be loaded."). */
  failedTitle: string;
  loadingLabel: string;
  loadingTestId: string;
  /** The refusals that mean there is no such record: NOT_FOUND, unless the page says otherwise. */
  isMissing?: (error: unknown) => boolean;
  notFoundTitle: string;
  /** Where to look instead, or what may have happened to it. */
  notFoundHint: ReactNode;
  children: (record: Record) => ReactNode;
}

/**
 * A record's page below its heading: the record, or while there is none, why: it is loading, it
 * could not be loaded (with a retry when that can help), or there is no such record.
 */
export function RecordState<Record>(props: RecordStateProps<Record>) {
  const { record, error, loading, refetch, failedTitle, loadingLabel, loadingTestId, notFoundTitle, notFoundHint, children } = props;
  const { isMissing = (refusal: unknown) => failureCode(refusal) === 'NOT_FOUND' } = props;
  if (record) return children(record);
  if (error && !isMissing(error)) {
    return (
      <ErrorState
        title={failedTitle}
        error={error}
        onRetry={() => {
          refetch().catch(() => undefined);
        }}
      />
    );
  }
  if (loading) return <ListSkeleton label={loadingLabel} testId={loadingTestId} />;
  return (
    <div className="empty-state">
      <p className="empty-state-title">{notFoundTitle}</p>
      <p>{notFoundHint}</p>
    </div>
  );
}
