import { useQuery } from '@apollo/client/react';
import { ROLLOUT_GATES } from '@mrc/domain';
import { Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useParams } from 'react-router';
import { useLiveState, type LiveState } from '../../app/apollo/live-connection';
import { useDocumentTitle } from '../../app/layout/use-document-title';
import { ErrorState } from '../../app/ui/ErrorState';
import { ListSkeleton } from '../../app/ui/ListSkeleton';
import { formatLongDate } from '../../app/i18n/format-date';
import { useSession } from '../auth/session-context';
import { RolloutStatusChip } from './RolloutChips';
import { MatrixLegend, RolloutMatrix } from './RolloutMatrix';
import { NetworkSummary, RolloutProgressSection } from './RolloutProgressSection';
import { RolloutMatrixQuery, RolloutProgressQuery, ROLLOUT_PAGE_SIZE } from './rollout-documents';
import { buildMatrix, daysBetween, lateItems, networkToday, type MatrixItem } from './rollout-matrix';
import { useLiveRollout } from './use-live-rollout';
import './rollout.css';
import '../centres/network.css';
import '../reports/reports.css';

/** What the item's panel (the child route) is given by the page around it. */
export interface RolloutOutletContext {
  today: string;
  /** The progress figures changed (a step was taken here): count them again. */
  refetchProgress: () => Promise<unknown>;
}

/**
 * The rollout of clubs to the districts at a glance: the matrix (districts × club types), the late
 * items, and the progress with its forecast. Everything on it follows changes made elsewhere as
 * they happen (see useLiveRollout). A cell opens the item's panel at /rollout/:itemId, beside the
 * matrix, which stays as it was.
 */
export default function RolloutPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('rollout.title'));
  const { itemId } = useParams();
  const { search } = useLocation();
  const { user } = useSession();
  // The day is fixed when the page opens, as the overview's month is.
  const [today] = useState(() => networkToday());

  const matrixQuery = useQuery(RolloutMatrixQuery, { variables: { first: ROLLOUT_PAGE_SIZE }, fetchPolicy: 'cache-and-network' });
  const progressQuery = useQuery(RolloutProgressQuery, { fetchPolicy: 'cache-and-network' });
  const { liveError, restartLive } = useLiveRollout({ refetchMatrix: () => matrixQuery.refetch(), refetchProgress: () => progressQuery.refetch() });
  useRestOfMatrix(matrixQuery.data?.rolloutItems.pageInfo, matrixQuery.fetchMore);
  useFocusBackOnClose(itemId);

  const items = matrixQuery.data?.rolloutItems.nodes;
  const progress = progressQuery.data?.rolloutProgress;
  const context: RolloutOutletContext = { today, refetchProgress: () => progressQuery.refetch() };

  let matrixBody;
  if (items) {
    matrixBody =
      items.length === 0 ? (
        <div className="empty-state">
          <p className="empty-state-title">{t('rollout.matrix.emptyTitle')}</p>
          <p>{t('rollout.matrix.emptyHint')}</p>
        </div>
      ) : (
        <>
          <MatrixLegend />
          <RolloutMatrix matrix={buildMatrix(items, i18n.language)} openItemId={itemId} ownCentreId={user?.role === 'DISTRICT_COORDINATOR' ? (user.centre?.id ?? null) : null} search={search} />
        </>
      );
  } else if (matrixQuery.error) {
    matrixBody = (
      <ErrorState
        title={t('rollout.matrix.loadFailed')}
        error={matrixQuery.error}
        onRetry={() => {
          matrixQuery.refetch().catch(() => undefined);
        }}
      />
    );
  } else {
    matrixBody = <ListSkeleton label={t('rollout.matrix.loading')} testId="matrix-loading" />;
  }

  let progressBody;
  if (progress) progressBody = <RolloutProgressSection progress={progress} today={today} />;
  else if (progressQuery.error) {
    progressBody = (
      <ErrorState
        title={t('rollout.progress.loadFailed')}
        error={progressQuery.error}
        onRetry={() => {
          progressQuery.refetch().catch(() => undefined);
        }}
      />
    );
  } else progressBody = <ListSkeleton label={t('rollout.progress.loading')} testId="progress-loading" />;

  return (
    <>
      <h1>{t('rollout.title')}</h1>
      <p className="page-intro">{t('rollout.intro')}</p>
      <LiveStatus state={useLiveState()} error={liveError} onRestart={restartLive} />
      {progress ? <NetworkSummary progress={progress} /> : null}
      <div className={itemId ? 'rollout-layout rollout-layout-with-panel' : 'rollout-layout'}>
        <section aria-labelledby="matrix-heading" className="rollout-main">
          <h2 id="matrix-heading" className="section-title">
            {t('rollout.matrix.heading')}
          </h2>
          {matrixBody}
        </section>
        {/* The panel's code arrives on first open: meanwhile only the panel waits, not the matrix. */}
        <Suspense fallback={<PanelLoading />}>
          <Outlet context={context} />
        </Suspense>
      </div>
      {items ? <LateItems items={items} today={today} search={search} /> : null}
      {progressBody}
    </>
  );
}

/**
 * The matrix is one page of 100 for Karaganda; a larger network's further pages are fetched one
 * after another (the cache appends them), so the matrix is never silently cut short.
 */
function useRestOfMatrix(
  pageInfo: { hasNextPage: boolean; endCursor: string | null } | undefined,
  fetchMore: (options: { variables: { after: string } }) => Promise<unknown>,
) {
  const next = pageInfo?.hasNextPage ? pageInfo.endCursor : null;
  useEffect(() => {
    if (next) fetchMore({ variables: { after: next } }).catch(() => undefined);
  }, [next, fetchMore]);
}

/** When the panel closes, focus returns to the cell that opened it, so a keyboard user goes on from there. */
function useFocusBackOnClose(itemId: string | undefined) {
  const opened = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (itemId) {
      opened.current = itemId;
      return;
    }
    const previous = opened.current;
    opened.current = undefined;
    if (!previous) return;
    const cell = [...document.querySelectorAll<HTMLElement>('[data-testid="matrix-cell"]')].find((candidate) => candidate.dataset['itemId'] === previous);
    cell?.querySelector<HTMLElement>('a')?.focus();
  }, [itemId]);
}

function PanelLoading() {
  const { t } = useTranslation();
  return (
    <aside className="panel rollout-panel" aria-busy="true">
      <ListSkeleton label={t('rollout.panel.loading')} />
    </aside>
  );
}

function LiveStatus({ state, error, onRestart }: { state: LiveState; error: unknown; onRestart: () => void }) {
  const { t } = useTranslation();
  if (error) {
    return (
      <div className="live-status live-status-stopped" role="status" data-testid="live-status" data-state="stopped">
        <span aria-hidden="true">⏹</span> {t('rollout.live.stopped')}{' '}
        <button type="button" className="button-secondary" onClick={onRestart}>
          {t('rollout.live.restart')}
        </button>
      </div>
    );
  }
  if (state === 'idle') return null;
  return (
    <p className={`live-status live-status-${state}`} role="status" data-testid="live-status" data-state={state}>
      <span aria-hidden="true">{state === 'live' ? '●' : '◌'}</span> {t(`rollout.live.${state}`)}
    </p>
  );
}

function LateItems({ items, today, search }: { items: readonly MatrixItem[]; today: string; search: string }) {
  const { t } = useTranslation();
  const late = lateItems(items);
  return (
    <section aria-labelledby="late-heading">
      <h2 id="late-heading" className="section-title">
        {t('rollout.lateList.heading', { count: late.length })}
      </h2>
      {late.length === 0 ? (
        <p data-testid="no-late-items">{t('rollout.lateList.none')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table" data-testid="late-items">
            <caption className="visually-hidden">{t('rollout.lateList.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('rollout.matrix.district')}</th>
                <th scope="col">{t('rollout.lateList.clubType')}</th>
                <th scope="col">{t('rollout.lateList.plannedOn')}</th>
                <th scope="col" className="numeric">
                  {t('rollout.lateList.daysLate')}
                </th>
                <th scope="col">{t('rollout.lateList.status')}</th>
                <th scope="col">{t('rollout.lateList.gates')}</th>
              </tr>
            </thead>
            <tbody>
              {late.map((item) => (
                <tr key={item.id} data-testid="late-item" data-item-id={item.id}>
                  <th scope="row">{item.centre.name}</th>
                  <td>
                    <Link to={{ pathname: `/rollout/${encodeURIComponent(item.id)}`, search }}>{item.clubType.name}</Link>
                  </td>
                  <td>{item.plannedOn ? formatLongDate(item.plannedOn, t) : '–'}</td>
                  <td className="numeric">{item.plannedOn ? daysBetween(item.plannedOn, today) : '–'}</td>
                  <td>
                    <RolloutStatusChip status={item.status} />
                  </td>
                  <td>{t('rollout.gatesMet', { met: item.gates.length, total: ROLLOUT_GATES.length })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
