import { AGE_BANDS, periodDays, reportDeadline, SEXES, type LocalisedText } from '@mrc/domain';
import argon2 from 'argon2';
import { BENCH_ACCOUNTS, COORDINATOR_PASSWORD, coordinatorEmail } from '../accounts.js';
import { withClient } from '../db.js';
import type { Progress } from '../progress.js';
import { Random } from '../rng.js';
import type { Size } from '../sizes.js';
import { addDays, reportMonths } from './calendar.js';
import { CopyWriter, PgArray } from './copy.js';
import { buildNetwork, type Centre, type Club, type Network, type ProgramRun } from './network.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const GATES = ['SPACE_READY', 'LEADER_ASSIGNED', 'EQUIPMENT_IN_PLACE', 'FIRST_MEETING_HELD'];
const REACH_SHARES = { AGE_14_17: 0.38, AGE_18_24: 0.41, AGE_25_35: 0.21 } as const;
const FEMALE_SHARE = 0.55;
const RETURN_COMMENT = 'Посещаемость клубов не сходится с общим охватом; проверьте и отправьте снова.';
const HIGHLIGHTS = [
  'Өткізілген «Жастар форумы» 120 қатысушыны жинады; мектептермен бірлесіп кәсіби бағдар күндері өтті.',
  'Провели городской турнир по дебатам и две встречи с предпринимателями «Атамекен».',
  'Волонтёры центра помогли провести субботник; открыта запись в новый клуб домбры.',
  'A summer camp for 40 teenagers; six podcast episodes recorded in the studio.',
];
const PAUSE_REASONS = ['Руководитель клуба в отпуске до конца квартала.', 'Помещение на ремонте.', 'Клуб закрыт: руководитель уволился.'];
const CANCEL_REASONS = ['Нет подходящего помещения в районе.', 'Интерес к клубу покрывает соседний район.'];

const names = (text: LocalisedText) => [text.kk ?? null, text.ru ?? null, text.en ?? null];
const at = (day: string, hour = 9) => `${day}T${String(hour).padStart(2, '0')}:00:00Z`;

export interface WriteResult {
  counts: Record<string, number>;
  firstPeriod: string;
}

/** Everything about the accounts the reports and audit entries refer to. */
interface Accounts {
  adminId: string;
  reviewerId: string;
  coordinatorOf: Map<string, string>;
}

/**
 * Fills a migrated, empty database: the network, accounts, five years of monthly reports with their
 * lines, the rollout plan with its history, and the audit trail. Bulk COPY on several connections at
 * once, with triggers off for those sessions (session_replication_role = replica).
 */
export async function writeBenchData(url: string, size: Size, seed: number, anchor: string, progress: Progress): Promise<WriteResult> {
  const months = reportMonths(anchor);
  const windowStart = `${months[0]}-01`;
  const network = buildNetwork(size, seed, anchor, windowStart);
  const counts: Record<string, number> = {};
  const now = Date.now() - HOUR;

  const networkRows = network.centres.length + network.clubTypes.length + network.programs.length + network.spaces.length + network.equipment.length + network.clubs.length + network.programRuns.length;
  progress.phase('network and accounts', networkRows, 'rows');
  await writeNetwork(url, network, counts, progress);
  const accounts = await writeAccounts(url, seed, network, counts);
  progress.done(`${network.centres.length} centres, ${network.clubs.length} clubs, ${network.programRuns.length} program runs, ${counts.app_user} users`);

  const reporting = network.centres.filter((centre) => centre.reports);
  progress.phase('reports', reporting.length, 'centres');
  const audit = await CopyWriter.open(url, 'audit_entry', ['id', 'occurred_at', 'actor_id', 'action', 'entity_type', 'entity_id', 'centre_id', 'changes']);
  const auditIds = new Random(`${seed}|ids|audit`);
  for (const [centreId, userId] of accounts.coordinatorOf) {
    await audit.row([auditIds.uuid(), at('2019-01-01', 4), accounts.adminId, 'CREATE_USER', 'User', userId, centreId, [{ field: 'role', before: null, after: 'DISTRICT_COORDINATOR' }]]);
  }
  const reports = await ReportWriters.open(url);
  for (const centre of reporting) {
    await writeReportsOf(centre, network, months, seed, accounts, reports, audit, auditIds, now);
    progress.tick();
  }
  const reportCounts = await reports.close();
  Object.assign(counts, reportCounts);
  progress.done(`${reportCounts.activity_report} reports, ${reportCounts.activity_report_reach + reportCounts.activity_report_club + reportCounts.activity_report_program_run} lines`);

  progress.phase('rollout and audit', reporting.length, 'centres');
  const items = await CopyWriter.open(url, 'rollout_item', ['id', 'club_type_id', 'centre_id', 'planned_on', 'status', 'gates', 'launched_on', 'responsible_name', 'notes', 'status_reason', 'created_at', 'updated_at', 'version']);
  const changes = await CopyWriter.open(url, 'rollout_change', ['item_id', 'changed_at', 'actor_id', 'action', 'field', 'before', 'after', 'reason']);
  const lastDay = addDays(`${anchor}-01`, 27);
  for (const centre of reporting) {
    await writeRolloutOf(centre, network, seed, accounts.adminId, lastDay, items, changes);
    progress.tick();
  }
  counts.rollout_item = await items.close();
  counts.rollout_change = await changes.close();
  counts.audit_entry = await audit.close();
  progress.done(`${counts.rollout_item} rollout items, ${counts.rollout_change} changes, ${counts.audit_entry} audit entries`);
  return { counts, firstPeriod: months[0]! };
}

async function writeNetwork(url: string, network: Network, counts: Record<string, number>, progress: Progress): Promise<void> {
  const created = (day: string) => at(day, 4);
  const table = async (name: string, columns: string[], rows: unknown[][]) => {
    const writer = await CopyWriter.open(url, name, columns);
    for (const row of rows) {
      await writer.row(row);
      progress.tick();
    }
    counts[name] = await writer.close();
  };
  await table(
    'centre',
    ['id', 'code', 'kind', 'parent_id', 'name_kk', 'name_ru', 'name_en', 'town_kk', 'town_ru', 'town_en', 'latitude', 'longitude', 'opened_on', 'created_at', 'updated_at', 'phone', 'email', 'address'],
    network.centres.map((c) => [c.id, c.code, c.kind, c.parentId, ...names(c.names), ...names(c.towns), c.latitude, c.longitude, c.openedOn, created(c.openedOn), created(c.openedOn), c.phone, c.email, c.address]),
  );
  await table(
    'club_type',
    ['id', 'code', 'name_kk', 'name_ru', 'name_en', 'description', 'created_at', 'updated_at'],
    network.clubTypes.map((t) => [t.id, t.code, ...names(t.names), t.description, created('2019-01-01'), created('2019-01-01')]),
  );
  await table(
    'program',
    ['id', 'code', 'kind', 'name_kk', 'name_ru', 'name_en', 'description', 'min_age', 'max_age', 'age_exception_reason', 'min_education', 'rural_only', 'anonymous', 'duration_weeks', 'created_at', 'updated_at'],
    network.programs.map((p) => [p.id, p.code, p.kind, ...names(p.names), p.description, p.minAge, p.maxAge, p.ageExceptionReason, p.minEducation, p.ruralOnly, p.anonymous, p.durationWeeks, created('2019-01-01'), created('2019-01-01')]),
  );
  const partners = await CopyWriter.open(url, 'program_partner', ['program_id', 'position', 'name_kk', 'name_ru', 'name_en']);
  const mentors = await CopyWriter.open(url, 'program_mentor', ['program_id', 'position', 'full_name', 'expertise']);
  for (const program of network.programs) {
    for (const [position, partner] of program.partners.entries()) await partners.row([program.id, position, ...names(partner)]);
    for (const [position, mentor] of program.mentors.entries()) await mentors.row([program.id, position, mentor.fullName, mentor.expertise]);
  }
  counts.program_partner = await partners.close();
  counts.program_mentor = await mentors.close();
  await table(
    'space',
    ['id', 'centre_id', 'kind', 'name_kk', 'name_ru', 'name_en', 'capacity', 'created_at', 'updated_at'],
    network.spaces.map((s) => [s.id, s.centreId, s.kind, ...names(s.names), s.amount, created('2020-01-01'), created('2020-01-01')]),
  );
  await table(
    'equipment_item',
    ['id', 'centre_id', 'kind', 'name_kk', 'name_ru', 'name_en', 'quantity', 'created_at', 'updated_at'],
    network.equipment.map((e) => [e.id, e.centreId, e.kind, ...names(e.names), e.amount, created('2020-01-01'), created('2020-01-01')]),
  );
  await table(
    'club',
    ['id', 'club_type_id', 'centre_id', 'leader_name', 'schedule', 'status', 'started_on', 'closed_on', 'created_at', 'updated_at'],
    network.clubs.map((c) => {
      const day = c.startedOn ?? '2026-01-01';
      return [c.id, c.clubTypeId, c.centreId, c.leaderName, c.schedule, c.status, c.startedOn, c.closedOn, created(addDays(day, -20)), created(c.closedOn ?? day)];
    }),
  );
  await table(
    'program_run',
    ['id', 'program_id', 'centre_id', 'starts_on', 'ends_on', 'closed_on', 'created_at', 'updated_at'],
    network.programRuns.map((r) => [r.id, r.programId, r.centreId, r.startsOn, r.endsOn, r.closedOn, created(addDays(r.startsOn, -30)), created(r.closedOn ?? addDays(r.startsOn, -30))]),
  );
}

/**
 * The bench accounts and one coordinator per reporting centre. Hashed as the API hashes (argon2id,
 * the library's defaults); coordinators share one password, so one hash serves them all.
 */
async function writeAccounts(url: string, seed: number, network: Network, counts: Record<string, number>): Promise<Accounts> {
  const ids = new Random(`${seed}|ids|users`);
  const hash = (password: string) => argon2.hash(password, { type: argon2.argon2id });
  const writer = await CopyWriter.open(url, 'app_user', ['id', 'email', 'display_name', 'role', 'centre_id', 'active', 'preferred_language', 'password_hash', 'created_at', 'updated_at']);
  const created = at('2019-01-01', 4);
  const accountIds: Record<string, string> = {};
  for (const [key, account] of Object.entries(BENCH_ACCOUNTS)) {
    accountIds[key] = ids.uuid();
    await writer.row([accountIds[key], account.email, account.displayName, account.role, null, true, 'ru', await hash(account.password), created, created]);
  }
  const coordinatorHash = await hash(COORDINATOR_PASSWORD);
  const coordinatorOf = new Map<string, string>();
  for (const centre of network.centres.filter((c) => c.reports)) {
    const id = ids.uuid();
    coordinatorOf.set(centre.id, id);
    await writer.row([id, coordinatorEmail(centre.code), `Координатор ${centre.code}`, 'DISTRICT_COORDINATOR', centre.id, true, 'kk', coordinatorHash, created, created]);
  }
  counts.app_user = await writer.close();
  return { adminId: accountIds.admin!, reviewerId: accountIds.reviewer!, coordinatorOf };
}

class ReportWriters {
  private constructor(
    readonly reports: CopyWriter,
    readonly reach: CopyWriter,
    readonly clubs: CopyWriter,
    readonly runs: CopyWriter,
  ) {}

  static async open(url: string): Promise<ReportWriters> {
    return new ReportWriters(
      await CopyWriter.open(url, 'activity_report', [
        'id', 'centre_id', 'period_type', 'period', 'state', 'events_held', 'reached_total', 'prevention_raids', 'prevention_sessions',
        'prevention_screenings', 'online_shops_found', 'online_shops_blocked', 'highlights', 'warnings', 'first_submitted_at', 'submitted_at',
        'submitted_by', 'reviewed_at', 'reviewed_by', 'review_comment', 'created_by', 'created_at', 'updated_at', 'version',
      ]),
      await CopyWriter.open(url, 'activity_report_reach', ['report_id', 'age_band', 'sex', 'count']),
      await CopyWriter.open(url, 'activity_report_club', ['report_id', 'club_id', 'meetings', 'attendance']),
      await CopyWriter.open(url, 'activity_report_program_run', ['report_id', 'program_run_id', 'sessions', 'attendance']),
    );
  }

  async close(): Promise<{ activity_report: number; activity_report_reach: number; activity_report_club: number; activity_report_program_run: number }> {
    return {
      activity_report: await this.reports.close(),
      activity_report_reach: await this.reach.close(),
      activity_report_club: await this.clubs.close(),
      activity_report_program_run: await this.runs.close(),
    };
  }
}

type State = 'DRAFT' | 'SUBMITTED' | 'APPROVED' | 'RETURNED';

/** Where a month's report stands, by how long ago the month was: old ones approved, the latest waiting, a few missing. */
function stateFor(monthsAgo: number, roll: number): State | null {
  if (monthsAgo === 0) return roll < 0.12 ? null : roll < 0.22 ? 'DRAFT' : roll < 0.25 ? 'RETURNED' : 'SUBMITTED';
  if (monthsAgo === 1) return roll < 0.03 ? null : roll < 0.05 ? 'RETURNED' : roll < 0.35 ? 'SUBMITTED' : 'APPROVED';
  return roll < 0.015 ? null : roll < 0.02 ? 'RETURNED' : 'APPROVED';
}

const clubMet = (club: Club, first: string, last: string) => club.startedOn !== null && club.startedOn <= last && (club.closedOn === null || club.closedOn >= first);
const runRan = (run: ProgramRun, first: string, last: string) => run.startsOn <= last && (run.endsOn === null || run.endsOn >= first) && (run.closedOn === null || run.closedOn >= first);

/** One centre's monthly reports, with figures drawn around its usual level and lines for what ran that month. */
async function writeReportsOf(
  centre: Centre,
  network: Network,
  months: string[],
  seed: number,
  accounts: Accounts,
  out: ReportWriters,
  audit: CopyWriter,
  auditIds: Random,
  now: number,
): Promise<void> {
  const random = new Random(`${seed}|reports|${centre.code}`);
  const ids = new Random(`${seed}|ids|reports|${centre.code}`);
  const coordinator = accounts.coordinatorOf.get(centre.id)!;
  const clubs = network.clubsOf.get(centre.id) ?? [];
  const runs = network.runsOf.get(centre.id) ?? [];
  for (const [index, period] of months.entries()) {
    const monthsAgo = months.length - 1 - index;
    const { first, last } = periodDays(period, 'MONTHLY');
    const roll = random.next();
    const lateRoll = random.next();
    if (last < centre.openedOn) continue;
    let state = stateFor(monthsAgo, roll);
    if (state === null) continue;

    const periodEnd = Date.parse(`${last}T18:00:00Z`);
    const deadlineEnd = Date.parse(`${reportDeadline(period, 'MONTHLY', 5)}T18:00:00Z`);
    let submitted = lateRoll < 0.15 ? deadlineEnd + random.int(1, 10) * DAY : deadlineEnd - random.int(1, 3) * DAY - 6 * HOUR;
    submitted = Math.max(periodEnd + HOUR, Math.min(submitted, now - 2 * HOUR));
    let reviewed: number | null = submitted + random.int(1, 4) * DAY + random.int(0, 8) * HOUR;
    if (reviewed > now) {
      reviewed = null;
      if (state === 'APPROVED' || state === 'RETURNED') state = 'SUBMITTED';
    }
    if (state === 'DRAFT' || state === 'SUBMITTED') reviewed = null;
    const received = state !== 'DRAFT';

    const reach = random.around(centre.reach);
    const reachLines = AGE_BANDS.flatMap((band) =>
      SEXES.map((sex) => ({ band: band.code, sex, count: Math.floor(reach * REACH_SHARES[band.code] * (sex === 'FEMALE' ? FEMALE_SHARE : 1 - FEMALE_SHARE)) })),
    );
    reachLines[2]!.count += reach - reachLines.reduce((sum, line) => sum + line.count, 0);
    const found = random.around(centre.reach / 100);
    const prevention = received
      ? [random.around(centre.reach / 120), random.around(centre.reach / 60), random.around(centre.reach / 10), found, Math.round(found * 0.8)]
      : [null, null, null, null, null];
    const eventsHeld = random.around(centre.reach / 25 + 1);
    const highlights = random.chance(0.6) ? random.pick(HIGHLIGHTS) : null;

    const id = ids.uuid();
    const submittedAt = received ? new Date(submitted) : null;
    const reviewedAt = reviewed === null ? null : new Date(reviewed);
    const createdAt = new Date(received ? submitted - 2 * DAY : Math.min(periodEnd + 10 * HOUR, now - 3 * HOUR));
    const version = { DRAFT: 1, SUBMITTED: 2, APPROVED: 3, RETURNED: 3 }[state];
    await out.reports.row([
      id, centre.id, 'MONTHLY', period, state, eventsHeld, reach, ...prevention, highlights, [], submittedAt, submittedAt,
      received ? coordinator : null, reviewedAt, reviewedAt ? accounts.reviewerId : null, state === 'RETURNED' ? RETURN_COMMENT : null,
      coordinator, createdAt, reviewedAt ?? submittedAt ?? createdAt, version,
    ]);
    for (const line of reachLines) await out.reach.row([id, line.band, line.sex, line.count]);
    for (const club of clubs) {
      if (!clubMet(club, first, last)) continue;
      const meetings = random.around(8);
      await out.clubs.row([id, club.id, meetings, meetings === 0 ? 0 : meetings * random.around(9)]);
    }
    for (const run of runs) {
      if (!runRan(run, first, last)) continue;
      const sessions = random.around(4);
      await out.runs.row([id, run.id, sessions, sessions === 0 ? 0 : sessions * random.around(14)]);
    }

    if (received) {
      await audit.row([auditIds.uuid(), submittedAt, coordinator, 'SUBMIT_REPORT', 'Report', id, centre.id, [
        { field: 'state', before: null, after: 'SUBMITTED' },
        { field: 'eventsHeld', before: null, after: eventsHeld },
        { field: 'reachedTotal', before: null, after: reach },
      ]]);
    }
    if (reviewedAt) {
      const changes: unknown[] = [{ field: 'state', before: 'SUBMITTED', after: state }];
      if (state === 'RETURNED') changes.push({ field: 'reviewComment', before: null, after: RETURN_COMMENT });
      await audit.row([auditIds.uuid(), reviewedAt, accounts.reviewerId, `${state === 'RETURNED' ? 'RETURN' : 'APPROVE'}_REPORT`, 'Report', id, centre.id, changes]);
    }
  }
}

/**
 * The rollout plan of one centre: a launched item for each club that has met, one being prepared for
 * each planned club, and some plans (and a few cancellations) for the types it has no club of; each
 * with the history the API would have written.
 */
async function writeRolloutOf(centre: Centre, network: Network, seed: number, adminId: string, lastDay: string, items: CopyWriter, changes: CopyWriter): Promise<void> {
  const random = new Random(`${seed}|rollout|${centre.code}`);
  const ids = new Random(`${seed}|ids|rollout|${centre.code}`);
  const clubs = new Map((network.clubsOf.get(centre.id) ?? []).map((club) => [club.clubTypeId, club]));
  const json = (value: string | null) => (value === null ? null : JSON.stringify(value));
  for (const type of network.clubTypes) {
    const club = clubs.get(type.id);
    const roll = random.next();
    let status: string;
    let gates: string[];
    let launchedOn: string | null = null;
    let plannedOn: string;
    let reason: string | null = null;
    if (club?.startedOn) {
      launchedOn = club.startedOn;
      plannedOn = addDays(launchedOn, -random.int(0, 60));
      gates = GATES;
      status = club.status === 'ACTIVE' ? (addDays(launchedOn, 30) <= lastDay ? 'ACTIVE' : 'LAUNCHED') : 'PAUSED';
      if (status === 'PAUSED') reason = club.status === 'CLOSED' ? PAUSE_REASONS[2]! : random.pick(PAUSE_REASONS.slice(0, 2));
    } else if (club) {
      status = 'PREPARING';
      gates = GATES.slice(0, random.int(0, 3));
      plannedOn = addDays(lastDay, random.int(-60, 180));
    } else if (roll < 0.45) {
      status = 'PLANNED';
      gates = [];
      plannedOn = addDays(lastDay, random.int(-120, 365));
    } else if (roll < 0.52) {
      status = 'CANCELLED';
      gates = [];
      plannedOn = addDays(lastDay, random.int(-200, 200));
      reason = random.pick(CANCEL_REASONS);
    } else {
      continue;
    }
    const plannedAt = [addDays(plannedOn, -random.int(60, 200)), launchedOn ?? plannedOn, lastDay].sort()[0]!;
    const id = ids.uuid();
    const history: [string, string, string, string | null, string | null, string | null][] = [
      [plannedAt, 'PLAN', 'status', null, 'PLANNED', null],
      [plannedAt, 'PLAN', 'plannedOn', null, plannedOn, null],
    ];
    if (status !== 'PLANNED' && status !== 'CANCELLED') {
      const preparedOn = [addDays(plannedAt, random.int(5, 40)), launchedOn ?? lastDay, lastDay].sort()[0]!;
      history.push([preparedOn, 'PREPARE', 'status', 'PLANNED', 'PREPARING', null]);
    }
    if (launchedOn) {
      history.push([launchedOn, 'LAUNCH', 'status', 'PREPARING', 'LAUNCHED', null]);
      if (status === 'ACTIVE' || status === 'PAUSED') history.push([addDays(launchedOn, 30) <= lastDay ? addDays(launchedOn, 30) : launchedOn, 'ACTIVATE', 'status', 'LAUNCHED', 'ACTIVE', null]);
    }
    if (status === 'PAUSED') history.push([[addDays(launchedOn ?? plannedAt, random.int(31, 200)), lastDay].sort()[0]!, 'PAUSE', 'status', launchedOn ? 'ACTIVE' : 'PREPARING', 'PAUSED', reason]);
    if (status === 'CANCELLED') history.push([[addDays(plannedAt, random.int(10, 90)), lastDay].sort()[0]!, 'CANCEL', 'status', 'PLANNED', 'CANCELLED', reason]);
    const updatedOn = history.map(([day]) => day).sort().at(-1)!;
    await items.row([id, type.id, centre.id, plannedOn, status, new PgArray(gates), launchedOn, random.pick(['Айгерім Сапарова', 'Ерлан Мұқанов', 'Ольга Ким']), null, reason, at(plannedAt, 5), at(updatedOn, 5), history.length]);
    for (const [day, action, field, before, after, why] of history) {
      await changes.row([id, at(day, 5), adminId, action, field, json(before), json(after), why]);
    }
  }
}

/** After a bulk load with triggers off: rebuild the analytics read model (when the API has one) and refresh the planner's statistics. */
export async function finishDatabase(url: string, progress: Progress): Promise<{ analyticsRebuilt: boolean }> {
  progress.phase('analytics and statistics', 2, 'steps');
  const analyticsRebuilt = await rebuildAnalytics(url);
  progress.tick();
  await withClient(url, (client) => client.query('VACUUM (ANALYZE)'));
  progress.tick();
  progress.done(analyticsRebuilt ? 'analytics_rebuild_facts() ran' : 'no analytics_rebuild_facts() in this schema');
  return { analyticsRebuilt };
}

/** Calls analytics_rebuild_facts() when the schema has it; false when it does not (the read model has not landed). */
export async function rebuildAnalytics(url: string): Promise<boolean> {
  return withClient(url, async (client) => {
    const found = await client.query(`SELECT 1 FROM pg_proc WHERE proname = 'analytics_rebuild_facts'`);
    if (found.rowCount === 0) return false;
    await client.query('SELECT analytics_rebuild_facts()');
    return true;
  });
}
