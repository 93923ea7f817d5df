import { useQuery } from '@apollo/client/react';
import { ROLLOUT_GATES, type RolloutAction } from '@mrc/domain';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useOutletContext, useParams } from 'react-router';
import { formatDateTime, formatLongDate } from '../../app/i18n/format-date';
import { Notice } from '../../app/ui/Notice';
import { RecordState } from '../../app/ui/RecordState';
import type { RolloutItemQuery as RolloutItemData } from '../../gql/graphql';
import { useSession } from '../auth/session-context';
import { GateTicks, RolloutLateMark, RolloutStatusChip } from './RolloutChips';
import { RolloutActions } from './RolloutActions';
import { RolloutDetailsForm } from './RolloutDetailsForm';
import { RolloutHistory } from './RolloutHistory';
import type { RolloutOutletContext } from './RolloutPage';
import { RolloutItemQuery } from './rollout-documents';
import { policyUserOf } from './rollout-problems';

type Item = RolloutItemData['rolloutItem'];

type PanelNotice = { kind: 'done'; action: RolloutAction } | { kind: 'saved' } | { kind: 'conflict' };

/**
 * One item beside the matrix (/rollout/:itemId): where it stands, the steps the person may take,
 * the district's details, and the full history. Focus moves to its heading when it opens, so a
 * keyboard or screen-reader user lands in it; Escape or "Close" returns to the matrix.
 */
export default function RolloutItemPanel() {
  const { t } = useTranslation();
  const { itemId = '' } = useParams();
  const { search } = useLocation();
  const navigate = useNavigate();
  const { today, refetchProgress } = useOutletContext<RolloutOutletContext>();
  const heading = useRef<HTMLHeadingElement>(null);
  const [notice, setNotice] = useState<{ itemId: string; notice: PanelNotice } | null>(null);
  const { data, error, loading, refetch } = useQuery(RolloutItemQuery, { variables: { id: itemId } });
  const item = data?.rolloutItem;
  const close = { pathname: '/rollout', search };

  useEffect(() => {
    heading.current?.focus();
  }, [itemId]);

  const shown = notice?.itemId === itemId ? notice.notice : null;
  const say = (next: PanelNotice) => setNotice({ itemId, notice: next });

  return (
    <aside
      className="panel rollout-panel"
      aria-labelledby="rollout-panel-heading"
      data-testid="rollout-panel"
      onKeyDown={(event) => {
        if (event.key === 'Escape') void navigate(close);
      }}
    >
      <div className="rollout-panel-head">
        <h2 id="rollout-panel-heading" ref={heading} tabIndex={-1}>
          {item ? t('rollout.panel.title', { type: item.clubType.name, district: item.centre.name }) : t('rollout.panel.titleLoading')}
        </h2>
        <Link to={close} className="rollout-panel-close">
          {t('rollout.panel.close')}
        </Link>
      </div>
      <RecordState
        record={item}
        error={error}
        loading={loading}
        refetch={refetch}
        failedTitle={t('rollout.panel.loadFailed')}
        loadingLabel={t('rollout.panel.loading')}
        loadingTestId="panel-loading"
        notFoundTitle={t('rollout.panel.notFound')}
        notFoundHint={t('rollout.panel.notFoundHint')}
      >
        {(record) => (
          <ItemDetail
            item={record}
            today={today}
            notice={shown}
            onDone={(action) => {
              say({ kind: 'done', action });
              refetchProgress().catch(() => undefined);
            }}
            onSaved={() => {
              say({ kind: 'saved' });
              refetchProgress().catch(() => undefined);
            }}
            onConflict={() => {
              say({ kind: 'conflict' });
              refetch().catch(() => undefined);
            }}
          />
        )}
      </RecordState>
    </aside>
  );
}

interface ItemDetailProps {
  item: Item;
  today: string;
  notice: PanelNotice | null;
  onDone: (action: RolloutAction) => void;
  onSaved: () => void;
  onConflict: () => void;
}

function ItemDetail({ item, today, notice, onDone, onSaved, onConflict }: ItemDetailProps) {
  const { t } = useTranslation();
  const { user } = useSession();
  const policyUser = policyUserOf(user);
  return (
    <div className="rollout-item" data-testid="rollout-item" data-status={item.status} data-version={item.version}>
      <p className="rollout-item-state">
        <RolloutStatusChip status={item.status} /> <GateTicks gates={item.gates} /> {item.late ? <RolloutLateMark /> : null}
      </p>
      {notice ? <PanelNoticeText notice={notice} /> : null}
      <dl className="facts">
        <dt>{t('rollout.panel.plannedOn')}</dt>
        <dd>{item.plannedOn ? formatLongDate(item.plannedOn, t) : t('rollout.history.empty')}</dd>
        {item.launchedOn ? (
          <>
            <dt>{t('rollout.panel.launchedOn')}</dt>
            <dd>{formatLongDate(item.launchedOn, t)}</dd>
          </>
        ) : null}
        {item.statusReason && (item.status === 'PAUSED' || item.status === 'CANCELLED') ? (
          <>
            <dt>{t(`rollout.panel.reason.${item.status}`)}</dt>
            <dd data-testid="status-reason">{item.statusReason}</dd>
          </>
        ) : null}
        <dt>{t('rollout.panel.updatedAt')}</dt>
        <dd>{formatDateTime(item.updatedAt, t)}</dd>
      </dl>
      {/* Keyed by the item: opening another one starts its questions and edits afresh. */}
      <RolloutActions key={`actions:${item.id}`} item={item} user={policyUser} today={today} onDone={onDone} onConflict={onConflict} />
      {item.editable ? (
        <RolloutDetailsForm key={`details:${item.id}`} item={item} mayPlan={user?.role === 'REGIONAL_ADMIN'} onSaved={onSaved} onConflict={onConflict} />
      ) : (
        <ReadOnlyDetails item={item} />
      )}
      <RolloutHistory history={item.history} />
    </div>
  );
}

function PanelNoticeText({ notice }: { notice: PanelNotice }) {
  const { t } = useTranslation();
  if (notice.kind === 'conflict') {
    return (
      <p className="notice notice-warning" role="alert" data-testid="conflict-notice">
        {t('rollout.panel.conflict')}
      </p>
    );
  }
  return <Notice>{notice.kind === 'saved' ? t('rollout.panel.saved') : t(`rollout.panel.done.${notice.action}`)}</Notice>;
}

/** What others see: the same details, and who may change them. */
function ReadOnlyDetails({ item }: { item: Item }) {
  const { t } = useTranslation();
  return (
    <section className="rollout-details" aria-labelledby="details-heading" data-testid="rollout-details-read-only">
      <h3 id="details-heading">{t('rollout.details.heading')}</h3>
      <ul className="gate-list">
        {ROLLOUT_GATES.map((gate) => {
          const met = item.gates.includes(gate);
          return (
            <li key={gate} className={met ? 'gate-met-line' : 'gate-open-line'}>
              <span aria-hidden="true">{met ? '☑' : '☐'}</span> {t(`rollout.gate.${gate}`)}
              <span className="visually-hidden">: {met ? t('rollout.details.gateMet') : t('rollout.details.gateOpen')}</span>
            </li>
          );
        })}
      </ul>
      <dl className="facts">
        <dt>{t('rollout.details.responsible')}</dt>
        <dd>{item.responsibleName ?? t('rollout.history.empty')}</dd>
        <dt>{t('rollout.details.notes')}</dt>
        <dd className="rollout-notes">{item.notes ?? t('rollout.history.empty')}</dd>
      </dl>
      <p className="field-hint" data-testid="read-only-reason">
        {item.status === 'CANCELLED' ? t('rollout.details.cancelledReadOnly') : t('rollout.details.readOnly', { district: item.centre.name })}
      </p>
    </section>
  );
}
