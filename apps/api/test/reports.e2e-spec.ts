import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { IdempotencyKeysSweeper } from '../src/reports/idempotency-keys.sweeper.js';
import { createCentre, createClub } from './factories/network.js';
import { completeFigures, insertIdempotencyKeys, insertReport, reportPeriod, reportSnapshot, submitInput } from './factories/reports.js';
import { centreId, createAccount } from './factories/users.js';
import { waitingOnLocks } from './utils/locks.js';
import { DEMO, startTestApp, type GraphqlResponse, type TestApp } from './utils/test-app.js';

const REPORT_FIELDS = `id state version period eventsHeld reachedTotal onTime firstSubmittedAt reviewComment allowedActions
  reach { ageBand sex count } clubs { club { id } meetings attendance } prevention { raids onlineShopsFound onlineShopsBlocked }
  warnings { field value usual } centre { id }`;
const CREATE = `mutation($input: CreateReportInput!) { createReport(input: $input) { report { ${REPORT_FIELDS} } } }`;
const UPDATE = `mutation($input: UpdateReportInput!) { updateReport(input: $input) { report { ${REPORT_FIELDS} } } }`;
const SUBMIT = `mutation($input: SubmitReportInput!) { submitReport(input: $input) { report { ${REPORT_FIELDS} } } }`;
const APPROVE = `mutation($input: ApproveReportInput!) { approveReport(input: $input) { report { ${REPORT_FIELDS} } } }`;
const RETURN = `mutation($input: ReturnReportInput!) { returnReport(input: $input) { report { ${REPORT_FIELDS} } } }`;
const REOPEN = `mutation($input: ReturnReportInput!) { reopenReport(input: $input) { report { ${REPORT_FIELDS} } } }`;
const COMPLETENESS = `query($from: String, $to: String, $centreId: ID) {
  reportCompleteness(from: $from, to: $to, centreId: $centreId) {
    periods
    rows { centre { id } cells { period expected status late state } total { expected received } }
    network { period expected received onTime late overdue completeness timeliness }
    byKind { kind periods { period expected received } }
  }
}`;

interface Report {
  id: string;
  state: string;
  version: number;
  onTime: boolean | null;
  reviewComment: string | null;
  allowedActions: string[];
  warnings: { field: string; value: number; usual: number }[];
}
type Payload<K extends string> = Record<K, { report: Report }>;

const errorOf = (response: GraphqlResponse) => response.body.errors?.[0]?.extensions ?? {};
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** The promise's value, or 'timed out' when it takes longer than `ms`. */
async function within<T>(ms: number, promise: Promise<T>): Promise<T | 'timed out'> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([promise, new Promise<'timed out'>((done) => (timer = setTimeout(() => done('timed out'), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

describe('activity reports', () => {
  let api: TestApp;
  let asAdmin: Record<string, string>;
  let asTemirtau: Record<string, string>;
  let temirtau: string;
  let balkhash: string;
  beforeAll(async () => {
    // Its own database: the completeness figures count every report of the network.
    api = await startTestApp({}, { ownDatabase: true });
    asAdmin = await api.signIn(DEMO.admin);
    asTemirtau = await api.signIn(DEMO.temirtau);
    temirtau = await centreId(api, 'temirtau');
    balkhash = await centreId(api, 'balkhash');
  });
  afterAll(() => api.close());

  const countReports = async (centre: string) => Number((await api.dataSource.query<{ n: string }[]>('SELECT count(*) AS n FROM activity_report WHERE centre_id = $1', [centre]))[0]!.n);

  describe('safe retries and concurrent edits', () => {
    it('answers 50 concurrent submissions with one key the same way, and keeps one report', async () => {
      const centre = await createCentre(api);
      const input = submitInput(centre, '2026-03');
      const responses = await Promise.all(Array.from({ length: 50 }, () => api.graphql<Payload<'submitReport'>>(SUBMIT, { input }, asAdmin)));

      for (const response of responses) expect(response.body.errors).toBeUndefined();
      const answers = new Set(responses.map((response) => JSON.stringify(response.body.data)));
      expect(answers.size).toBe(1);
      expect(responses[0]!.body.data!.submitReport.report.state).toBe('SUBMITTED');
      expect(responses.filter((response) => response.headers.get('idempotent-replayed') === 'true')).toHaveLength(49);
      expect(await countReports(centre)).toBe(1);
      const audit = await api.dataSource.query<{ n: string }[]>(`SELECT count(*) AS n FROM audit_entry WHERE action = 'SUBMIT_REPORT' AND centre_id = $1`, [centre]);
      expect(Number(audit[0]!.n)).toBe(1);
    });

    it('refuses the same key with different figures, and changes nothing', async () => {
      const centre = await createCentre(api);
      const input = submitInput(centre, '2026-03');
      expect((await api.graphql(SUBMIT, { input }, asAdmin)).body.errors).toBeUndefined();
      const before = await reportSnapshot(api, centre);

      const response = await api.graphql(SUBMIT, { input: { ...input, eventsHeld: 4 } }, asAdmin);
      expect(errorOf(response)).toMatchObject({ code: 'BAD_USER_INPUT', problems: { idempotencyKey: { code: 'idempotencyKeyReused' } } });
      expect(await reportSnapshot(api, centre)).toEqual(before);
    });

    it('gives one of two concurrent edits from the same version a CONFLICT with the current version', async () => {
      const centre = await createCentre(api);
      const { id } = await insertReport(api, centre);
      const [first, second] = await Promise.all([
        api.graphql<Payload<'updateReport'>>(UPDATE, { input: { id, version: 1, ...completeFigures({ eventsHeld: 5 }) } }, asAdmin),
        api.graphql<Payload<'updateReport'>>(UPDATE, { input: { id, version: 1, ...completeFigures({ eventsHeld: 6 }) } }, asAdmin),
      ]);
      const outcomes = [first, second].map((response) => errorOf(response).code ?? 'OK').sort();
      expect(outcomes).toEqual(['CONFLICT', 'OK']);
      const winner = [first, second].find((response) => !response.body.errors)!;
      const loser = [first, second].find((response) => response.body.errors)!;
      expect(winner.body.data!.updateReport.report.version).toBe(2);
      expect(errorOf(loser)).toMatchObject({ code: 'CONFLICT', currentVersion: 2, reportId: id });
    });

    it('takes a retry that spells the same figures differently as the same submission', async () => {
      const centre = await createCentre(api);
      const input = submitInput(centre, '2026-02');
      const first = await api.graphql(SUBMIT, { input }, asAdmin);
      const reordered = { ...input, version: null, reach: [...(input['reach'] as unknown[])].reverse(), centreId: centre.toUpperCase() };
      const retry = await api.graphql(SUBMIT, { input: reordered }, asAdmin);
      expect(retry.body.errors).toBeUndefined();
      expect(retry.headers.get('idempotent-replayed')).toBe('true');
      expect(retry.body.data).toEqual(first.body.data);
    });

    it('tells a retry that comes after the report changed, instead of showing it a different report', async () => {
      const centre = await createCentre(api);
      const input = submitInput(centre, '2026-02');
      const submitted = (await api.graphql<Payload<'submitReport'>>(SUBMIT, { input }, asAdmin)).body.data!.submitReport.report;
      const other = await api.signIn(await createAccount(api, 'REGIONAL_ADMIN'));
      await api.graphql(RETURN, { input: { id: submitted.id, version: submitted.version, comment: 'Check the reach.' } }, other);
      const late = await api.graphql(SUBMIT, { input }, asAdmin);
      expect(errorOf(late)).toMatchObject({ code: 'CONFLICT', state: 'RETURNED', currentVersion: submitted.version + 1 });
    });

    it('refuses a submission on top of a stale draft, and one that ignores an existing draft', async () => {
      const centre = await createCentre(api);
      const { id, period } = await insertReport(api, centre);
      await api.graphql(UPDATE, { input: { id, version: 1, eventsHeld: 2 } }, asAdmin);

      expect(errorOf(await api.graphql(SUBMIT, { input: submitInput(centre, period, { version: 1 }) }, asAdmin))).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
      expect(errorOf(await api.graphql(SUBMIT, { input: submitInput(centre, period) }, asAdmin))).toMatchObject({ code: 'CONFLICT', currentVersion: 2, reportId: id });
      const submitted = await api.graphql<Payload<'submitReport'>>(SUBMIT, { input: submitInput(centre, period, { version: 2 }) }, asAdmin);
      expect(submitted.body.data?.submitReport.report).toMatchObject({ id, state: 'SUBMITTED', version: 3 });
    });
  });

  describe('idempotency keys expire after IDEMPOTENCY_KEY_DAYS', () => {
    const days = () => api.config.reporting.idempotencyKeyDays;
    const expiredAge = () => `${days()} days 1 minute`;
    const nearlyExpiredAge = () => `${days()} days -1 hour`;
    const makeOlder = (key: string, age: string) => api.dataSource.query(`UPDATE idempotency_key SET created_at = now() - $2::interval WHERE key = $1`, [key, age]);
    const countExpired = async () =>
      Number((await api.dataSource.query<{ n: string }[]>(`SELECT count(*) AS n FROM idempotency_key WHERE created_at < now() - make_interval(days => $1)`, [days()]))[0]!.n);
    const keysLeft = async (keys: string[]) => (await api.dataSource.query<{ key: string }[]>(`SELECT key FROM idempotency_key WHERE key = ANY($1::text[]) ORDER BY key`, [keys])).map((row) => row.key);
    const adminId = async () => (await api.dataSource.query<{ id: string }[]>(`SELECT id FROM app_user WHERE email = $1`, [DEMO.admin.email]))[0]!.id;

    it('holds a key to its first submission to the end of the window, and after it takes the key as unused', async () => {
      const centre = await createCentre(api);
      const key = randomUUID();
      const first = (await api.graphql<Payload<'submitReport'>>(SUBMIT, { input: submitInput(centre, reportPeriod(), { idempotencyKey: key }) }, asAdmin)).body.data!.submitReport.report;
      const another = submitInput(centre, reportPeriod(), { idempotencyKey: key, eventsHeld: 4 });

      await makeOlder(key, nearlyExpiredAge());
      expect(errorOf(await api.graphql(SUBMIT, { input: another }, asAdmin))).toMatchObject({ code: 'BAD_USER_INPUT', problems: { idempotencyKey: { code: 'idempotencyKeyReused' } } });

      await makeOlder(key, expiredAge());
      const fresh = await api.graphql<Payload<'submitReport'>>(SUBMIT, { input: another }, asAdmin);
      expect(fresh.body.errors).toBeUndefined();
      expect(fresh.headers.get('idempotent-replayed')).toBeNull();
      expect(fresh.body.data!.submitReport.report).toMatchObject({ state: 'SUBMITTED', version: 1 });
      expect(fresh.body.data!.submitReport.report.id).not.toBe(first.id);
      expect(await countReports(centre)).toBe(2);

      // The key now stands for the new submission, its window starting again.
      const retry = await api.graphql(SUBMIT, { input: another }, asAdmin);
      expect(retry.headers.get('idempotent-replayed')).toBe('true');
      expect(retry.body.data).toEqual(fresh.body.data);
    });

    it('lets one of many concurrent submissions with an expired key act, and gives the others its answer', async () => {
      const centre = await createCentre(api);
      const key = randomUUID();
      await api.graphql(SUBMIT, { input: submitInput(centre, reportPeriod(), { idempotencyKey: key }) }, asAdmin);
      await makeOlder(key, expiredAge());

      const input = submitInput(centre, reportPeriod(), { idempotencyKey: key });
      const responses = await Promise.all(Array.from({ length: 20 }, () => api.graphql<Payload<'submitReport'>>(SUBMIT, { input }, asAdmin)));
      for (const response of responses) expect(response.body.errors).toBeUndefined();
      expect(new Set(responses.map((response) => JSON.stringify(response.body.data))).size).toBe(1);
      expect(responses.filter((response) => response.headers.get('idempotent-replayed') === 'true')).toHaveLength(19);
      expect(await countReports(centre)).toBe(2);
    });

    it('meets a retry that comes after the window with the report\'s own CONFLICT, never a second report', async () => {
      const centre = await createCentre(api);
      const input = submitInput(centre, reportPeriod());
      const first = (await api.graphql<Payload<'submitReport'>>(SUBMIT, { input }, asAdmin)).body.data!.submitReport.report;
      await makeOlder(input['idempotencyKey'] as string, expiredAge());

      const late = await api.graphql(SUBMIT, { input }, asAdmin);
      expect(errorOf(late)).toMatchObject({ code: 'CONFLICT', reportId: first.id, currentVersion: first.version });
      expect(await countReports(centre)).toBe(1);
    });

    it('sweeps away the expired keys, more than one batch of them, and keeps those still in their window', async () => {
      const user = await adminId();
      const expired = await insertIdempotencyKeys(api, user, 2500, expiredAge());
      const kept = [...(await insertIdempotencyKeys(api, user, 3, nearlyExpiredAge())), ...(await insertIdempotencyKeys(api, user, 3, '0 seconds'))];
      const expiredBefore = await countExpired();

      expect(await api.app.get(IdempotencyKeysSweeper).sweep()).toBe(expiredBefore);
      expect(await countExpired()).toBe(0);
      expect(await keysLeft([...expired, ...kept])).toEqual([...kept].sort());
    });

    it('lets several processes sweep at once, and neither waits for nor deletes an expired key a submission is claiming', async () => {
      const sweeper = api.app.get(IdempotencyKeysSweeper);
      const expired = await insertIdempotencyKeys(api, await adminId(), 2500, expiredAge());
      const centre = await createCentre(api);
      const input = submitInput(centre, reportPeriod());
      const key = input['idempotencyKey'] as string;
      await api.graphql(SUBMIT, { input }, asAdmin);
      await makeOlder(key, expiredAge());
      const expiredBefore = await countExpired();

      // Reports locked: a submission with the expired key claims it afresh, then waits with its claim held.
      const lock = api.dataSource.createQueryRunner();
      await lock.connect();
      await lock.startTransaction();
      await lock.query('LOCK TABLE activity_report IN EXCLUSIVE MODE');
      const again = { ...input, period: reportPeriod() };
      const submission = api.graphql<Payload<'submitReport'>>(SUBMIT, { input: again }, asAdmin);
      let sweeps: Promise<number[]> | undefined;
      try {
        for (let tries = 0; tries < 100 && (await waitingOnLocks(api)) === 0; tries++) await sleep(50);
        sweeps = Promise.all([sweeper.sweep(), sweeper.sweep()]);
        const deleted = await within(5_000, sweeps);
        expect(deleted).not.toBe('timed out');
        expect((deleted as number[]).reduce((sum, count) => sum + count, 0)).toBe(expiredBefore - 1);
      } finally {
        await lock.commitTransaction();
        await lock.release();
        await sweeps;
      }

      const submitted = await submission;
      expect(submitted.body.errors).toBeUndefined();
      expect(submitted.headers.get('idempotent-replayed')).toBeNull();
      expect(await keysLeft([...expired, key])).toEqual([key]);
      expect(await countExpired()).toBe(0);
      const [claim] = await api.dataSource.query<{ record_id: string }[]>(`SELECT record_id FROM idempotency_key WHERE key = $1`, [key]);
      expect(claim!.record_id).toBe(submitted.body.data!.submitReport.report.id);
    });
  });

  describe('validation: each refusal names the field and writes nothing', () => {
    const trailAndKeys = async () =>
      (await api.dataSource.query<{ n: string }[]>(`SELECT (SELECT count(*) FROM audit_entry) + (SELECT count(*) FROM idempotency_key) AS n`))[0]!.n;
    const refuses = async (input: Record<string, unknown>, problems: Record<string, string>, mutation = SUBMIT) => {
      const centre = input['centreId'] as string;
      const before = await reportSnapshot(api, centre);
      const rowsBefore = await trailAndKeys();
      const response = await api.graphql(mutation, { input }, asAdmin);
      const extensions = errorOf(response) as { code?: string; problems?: Record<string, { code: string }>; fields?: Record<string, string> };
      expect(extensions.code).toBe('BAD_USER_INPUT');
      for (const [path, code] of Object.entries(problems)) {
        expect(extensions.problems?.[path]?.code).toBe(code);
        expect(extensions.fields?.[path]).toEqual(expect.any(String));
      }
      expect(await reportSnapshot(api, centre)).toEqual(before);
      expect(await trailAndKeys()).toBe(rowsBefore);
    };

    it('takes whole non-negative numbers only', async () => {
      const centre = await createCentre(api);
      await refuses(submitInput(centre, reportPeriod(), { eventsHeld: -1 }), { eventsHeld: 'wholeNonNegative' });
      await refuses(submitInput(centre, reportPeriod(), { prevention: { raids: 1, sessions: -2, screenings: 0, onlineShopsFound: 0, onlineShopsBlocked: 0 } }), {
        'prevention.sessions': 'wholeNonNegative',
      });
      // Not a whole number: GraphQL's Int refuses it before the API reads it.
      const fraction = await api.graphql(SUBMIT, { input: submitInput(centre, reportPeriod(), { eventsHeld: 2.5 }) }, asAdmin);
      expect(errorOf(fraction).code).toBe('BAD_USER_INPUT');
      expect(await countReports(centre)).toBe(0);
    });

    it('checks that the reach by age band and sex adds up to the total', async () => {
      const centre = await createCentre(api);
      await refuses(submitInput(centre, reportPeriod(), { reachedTotal: 61 }), { reachedTotal: 'partsDoNotAddUp' });
      // A draft too: what is filled in must agree.
      await refuses({ centreId: centre, period: reportPeriod(), ...completeFigures({ reachedTotal: 59 }) }, { reachedTotal: 'partsDoNotAddUp' }, CREATE);
    });

    it('needs every figure and a line per club that met, to submit', async () => {
      const centre = await createCentre(api);
      const club = await createClub(api, centre);
      await refuses(submitInput(centre, '2026-03', { eventsHeld: null }), { eventsHeld: 'figureNeeded', [`clubs.${club}`]: 'clubMissing' });
      await refuses(
        submitInput(centre, '2026-03', { clubs: [{ clubId: club, meetings: 0, attendance: 4 }] }),
        { [`clubs.${club}.attendance`]: 'attendanceWithoutMeetings' },
      );
      const otherCentresClub = await createClub(api, balkhash);
      await refuses(submitInput(centre, '2026-03', { clubs: [{ clubId: club, meetings: 2, attendance: 20 }, { clubId: otherCentresClub, meetings: 1, attendance: 1 }] }), {
        [`clubs.${otherCentresClub}`]: 'clubNotOfCentre',
      });
    });

    it('refuses a period in the future, one not over, and one before the centre opened', async () => {
      const centre = await createCentre(api); // opened 2020-01-01
      await refuses(submitInput(centre, '2099-01'), { period: 'periodInFuture' });
      await refuses({ centreId: centre, period: '2099-01', eventsHeld: 1 }, { period: 'periodInFuture' }, CREATE);
      const now = new Date();
      const thisMonth = `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
      // Near midnight UTC the network's day can be a month ahead; the rule itself is tested in packages/domain.
      if (now.getUTCDate() > 1 && now.getUTCDate() < 28) await refuses(submitInput(centre, thisMonth), { period: 'periodNotOver' });
      await refuses(submitInput(centre, '2019-12'), { period: 'beforeCentreOpened' });
      await refuses(submitInput(centre, '2019-13'), { period: 'isPeriod' });
      await refuses(submitInput(centre, '0998-12'), { period: 'isPeriod' });
      await refuses({ centreId: centre, period: '2100-01' }, { period: 'isPeriod' }, CREATE);
    });

    it('keeps one report per centre and period, in the database too', async () => {
      const centre = await createCentre(api);
      const period = reportPeriod();
      const first = await api.graphql<Payload<'createReport'>>(CREATE, { input: { centreId: centre, period, eventsHeld: 1 } }, asAdmin);
      const second = await api.graphql(CREATE, { input: { centreId: centre, period, eventsHeld: 2 } }, asAdmin);
      expect(errorOf(second)).toMatchObject({ code: 'CONFLICT', reportId: first.body.data!.createReport.report.id, problems: { period: { code: 'reportExists' } } });
      await expect(
        api.dataSource.query(`INSERT INTO activity_report (centre_id, period_type, period, state) VALUES ($1, 'MONTHLY', $2, 'DRAFT')`, [centre, period]),
      ).rejects.toThrow(/activity_report_one_per_centre_and_period/);
      expect(await countReports(centre)).toBe(1);
    });

    it('accepts a figure ten times the centre\'s usual, and warns the reviewer', async () => {
      const centre = await createCentre(api);
      for (const period of ['2025-01', '2025-02', '2025-03']) await insertReport(api, centre, { period, state: 'APPROVED' });
      const response = await api.graphql<Payload<'submitReport'>>(SUBMIT, { input: submitInput(centre, '2025-04', { eventsHeld: 30 }) }, asAdmin);
      expect(response.body.errors).toBeUndefined();
      expect(response.body.data!.submitReport.report.warnings).toEqual([{ field: 'eventsHeld', value: 30, usual: 3 }]);
    });
  });

  describe('the workflow', () => {
    it('goes DRAFT → SUBMITTED → RETURNED → SUBMITTED → APPROVED, and an approved report is locked until reopened', async () => {
      const period = reportPeriod();
      const created = await api.graphql<Payload<'createReport'>>(CREATE, { input: { centreId: temirtau, period, eventsHeld: 2 } }, asTemirtau);
      let report = created.body.data!.createReport.report;
      expect(report).toMatchObject({ state: 'DRAFT', allowedActions: ['EDIT', 'SUBMIT'] });

      report = (await api.graphql<Payload<'submitReport'>>(SUBMIT, { input: submitInput(temirtau, period, { version: report.version }) }, asTemirtau)).body.data!.submitReport.report;
      expect(report).toMatchObject({ state: 'SUBMITTED', allowedActions: [], onTime: false });

      // Reviewing is the region's, and a return says why.
      expect(errorOf(await api.graphql(APPROVE, { input: { id: report.id, version: report.version } }, asTemirtau)).code).toBe('FORBIDDEN');
      expect(errorOf(await api.graphql(RETURN, { input: { id: report.id, version: report.version, comment: '  ' } }, asAdmin)).code).toBe('BAD_USER_INPUT');
      report = (await api.graphql<Payload<'returnReport'>>(RETURN, { input: { id: report.id, version: report.version, comment: 'Reach does not match the clubs.' } }, asAdmin)).body.data!
        .returnReport.report;
      expect(report).toMatchObject({ state: 'RETURNED', reviewComment: 'Reach does not match the clubs.' });

      report = (await api.graphql<Payload<'submitReport'>>(SUBMIT, { input: submitInput(temirtau, period, { version: report.version, eventsHeld: 4 }) }, asTemirtau)).body.data!
        .submitReport.report;
      expect(report.state).toBe('SUBMITTED');
      report = (await api.graphql<Payload<'approveReport'>>(APPROVE, { input: { id: report.id, version: report.version } }, asAdmin)).body.data!.approveReport.report;
      expect(report).toMatchObject({ state: 'APPROVED', reviewComment: null });

      const locked = await api.graphql(UPDATE, { input: { id: report.id, version: report.version, eventsHeld: 9 } }, asTemirtau);
      expect(errorOf(locked)).toMatchObject({ code: 'CONFLICT', state: 'APPROVED' });
      report = (await api.graphql<Payload<'reopenReport'>>(REOPEN, { input: { id: report.id, version: report.version, comment: 'Counted twice.' } }, asAdmin)).body.data!
        .reopenReport.report;
      expect(report).toMatchObject({ state: 'RETURNED', reviewComment: 'Counted twice.', allowedActions: ['EDIT', 'SUBMIT'] });
    });

    it('leaves the approval of a report an administrator submitted to another administrator', async () => {
      const centre = await createCentre(api);
      const report = (await api.graphql<Payload<'submitReport'>>(SUBMIT, { input: submitInput(centre, reportPeriod()) }, asAdmin)).body.data!.submitReport.report;
      expect(report.allowedActions).toEqual(['RETURN']);
      expect(errorOf(await api.graphql(APPROVE, { input: { id: report.id, version: report.version } }, asAdmin)).code).toBe('FORBIDDEN');
      const other = await api.signIn(await createAccount(api, 'REGIONAL_ADMIN'));
      const approved = await api.graphql<Payload<'approveReport'>>(APPROVE, { input: { id: report.id, version: report.version } }, other);
      expect(approved.body.data?.approveReport.report.state).toBe('APPROVED');
    });

    it('refuses a filter of more than a hundred values before it reaches the database', async () => {
      const response = await api.graphql(`query($states: [ReportState!]) { reports(filter: { states: $states }) { totalCount } }`, { states: Array(101).fill('SUBMITTED') }, asAdmin);
      expect(errorOf(response)).toMatchObject({ code: 'BAD_USER_INPUT', problems: { 'filter.states': { code: 'arrayMaxSize' } } });
    });

    it('records every step in the audit trail, the reopening with its reason', async () => {
      const centre = await createCentre(api);
      const { id } = await insertReport(api, centre, { state: 'APPROVED' });
      const reopened = await api.graphql(REOPEN, { input: { id, version: 1, comment: 'Counted twice.' } }, asAdmin);
      expect(reopened.body.errors).toBeUndefined();
      const [entry] = await api.dataSource.query<{ action: string; changes: { field: string; before: unknown; after: unknown }[] }[]>(
        `SELECT action, changes FROM audit_entry WHERE entity_id = $1`,
        [id],
      );
      expect(entry!.action).toBe('REOPEN_REPORT');
      expect(entry!.changes).toEqual(
        expect.arrayContaining([
          { field: 'state', before: 'APPROVED', after: 'RETURNED' },
          { field: 'reviewComment', before: null, after: 'Counted twice.' },
        ]),
      );
    });

    it("keeps a centre's reports from other centres' coordinators", async () => {
      const balkhashReport = await insertReport(api, balkhash, { state: 'SUBMITTED' });
      expect(errorOf(await api.graphql(`query($id: ID!) { report(id: $id) { id } }`, { id: balkhashReport.id }, asTemirtau)).code).toBe('FORBIDDEN');
      expect(errorOf(await api.graphql(UPDATE, { input: { id: balkhashReport.id, version: 1, eventsHeld: 1 } }, asTemirtau)).code).toBe('FORBIDDEN');
      expect(errorOf(await api.graphql(SUBMIT, { input: submitInput(balkhash, reportPeriod()) }, asTemirtau)).code).toBe('FORBIDDEN');

      const listed = await api.graphql<{ reports: { nodes: { centre: { id: string } }[] } }>(`{ reports(first: 100) { nodes { centre { id } } } }`, {}, asTemirtau);
      expect(new Set(listed.body.data!.reports.nodes.map((node) => node.centre.id))).toEqual(new Set([temirtau]));
      const grid = await api.graphql<{ reportCompleteness: { rows: { centre: { id: string } }[] } }>(COMPLETENESS, {}, asTemirtau);
      expect(grid.body.data!.reportCompleteness.rows.map((row) => row.centre.id)).toEqual([temirtau]);
    });
  });

  describe('completeness and timeliness', () => {
    it('expects nothing of a centre before it opened, and counts on time from the first submission', async () => {
      const centre = await createCentre(api);
      await api.dataSource.query(`UPDATE centre SET opened_on = '2024-06-15' WHERE id = $1`, [centre]);
      await insertReport(api, centre, { period: '2024-06', state: 'APPROVED', submittedAt: '2024-07-04T10:00:00Z' });
      await insertReport(api, centre, { period: '2024-07', state: 'SUBMITTED', submittedAt: '2024-08-09T10:00:00Z' });
      // A report returned and resubmitted late still counts from its first, on-time submission.
      const returned = await insertReport(api, centre, { period: '2024-08', state: 'RETURNED', submittedAt: '2024-09-05T17:00:00Z' });
      await api.dataSource.query(`UPDATE activity_report SET submitted_at = '2024-09-20T10:00:00Z' WHERE id = $1`, [returned.id]);
      await insertReport(api, centre, { period: '2024-09' }); // a draft, never submitted

      const response = await api.graphql<{ reportCompleteness: { periods: string[]; rows: { cells: Record<string, unknown>[]; total: Record<string, number> }[] } }>(
        COMPLETENESS,
        { from: '2024-04', to: '2024-09', centreId: centre },
        asAdmin,
      );
      expect(response.body.errors).toBeUndefined();
      const { periods, rows } = response.body.data!.reportCompleteness;
      expect(periods).toEqual(['2024-04', '2024-05', '2024-06', '2024-07', '2024-08', '2024-09']);
      expect(rows[0]!.cells.map((cell) => [cell['period'], cell['expected'], cell['status'], cell['late']])).toEqual([
        ['2024-04', false, 'NOT_EXPECTED', false],
        ['2024-05', false, 'NOT_EXPECTED', false],
        ['2024-06', true, 'APPROVED', false],
        ['2024-07', true, 'SUBMITTED', true],
        ['2024-08', true, 'RETURNED', false],
        ['2024-09', true, 'OVERDUE', true],
      ]);
      expect(rows[0]!.total).toEqual({ expected: 4, received: 3 });
    });

    it('gives the network and each kind of centre its rates per period', async () => {
      const period = '2019-06'; // before any seeded centre opened but Temirtau (2019-11) — so only centres of this test count
      const first = await createCentre(api);
      const second = await createCentre(api);
      await api.dataSource.query(`UPDATE centre SET opened_on = '2019-01-01' WHERE id = ANY($1)`, [[first, second]]);
      await insertReport(api, first, { period, state: 'APPROVED', submittedAt: '2019-07-03T10:00:00Z' });

      const response = await api.graphql<{
        reportCompleteness: { network: Record<string, unknown>[]; byKind: { kind: string; periods: Record<string, unknown>[] }[] };
      }>(COMPLETENESS, { from: period, to: period }, asAdmin);
      const { network, byKind } = response.body.data!.reportCompleteness;
      expect(network).toEqual([{ period, expected: 2, received: 1, onTime: 1, late: 0, overdue: 1, completeness: 0.5, timeliness: 0.5 }]);
      expect(byKind).toEqual([
        { kind: 'CITY', periods: [{ period, expected: 0, received: 0 }] },
        { kind: 'CITY_DISTRICT', periods: [{ period, expected: 0, received: 0 }] },
        { kind: 'RURAL_DISTRICT', periods: [{ period, expected: 2, received: 1 }] },
      ]);
    });

    it('refuses a range the wrong way round or too long', async () => {
      expect(errorOf(await api.graphql(COMPLETENESS, { from: '2026-05', to: '2026-01' }, asAdmin))).toMatchObject({ code: 'BAD_USER_INPUT', problems: { from: { code: 'fromAfterTo' } } });
      expect(errorOf(await api.graphql(COMPLETENESS, { from: '2000-01', to: '2026-01' }, asAdmin))).toMatchObject({ code: 'BAD_USER_INPUT', problems: { from: { code: 'tooManyPeriods' } } });
    });
  });

  it('seeds a year of reports with gaps, late ones and one waiting with a warning', async () => {
    const counts = await api.dataSource.query<{ state: string; n: string }[]>(
      `SELECT state, count(*) AS n FROM activity_report r JOIN centre c ON c.id = r.centre_id WHERE c.code NOT LIKE 'centre-%' AND c.code <> 'karaganda-region' GROUP BY state`,
    );
    const byState = Object.fromEntries(counts.map((row) => [row.state, Number(row.n)]));
    const total = Object.values(byState).reduce((sum, n) => sum + n, 0);
    expect(total).toBeGreaterThan(150);
    expect(total).toBeLessThan(14 * 12);
    expect(byState['APPROVED']).toBeGreaterThan(100);
    const warned = await api.dataSource.query<{ n: string }[]>(`SELECT count(*) AS n FROM activity_report WHERE jsonb_array_length(warnings) > 0`);
    expect(Number(warned[0]!.n)).toBeGreaterThanOrEqual(1);
    const account = await createAccount(api, 'ANALYST');
    const grid = await api.graphql<{ reportCompleteness: { network: { late: number; overdue: number }[] } }>(COMPLETENESS, {}, await api.signIn(account));
    const network = grid.body.data!.reportCompleteness.network;
    expect(network).toHaveLength(12);
    expect(network.some((period) => period.late > 0)).toBe(true);
    expect(network.some((period) => period.overdue > 0)).toBe(true);
  });

  it('reads a page of reports with their lines, centres and clubs in the same number of statements, 3 reports or 30', async () => {
    const NESTED = `query($centreId: ID!) { reports(first: 100, filter: { centreId: $centreId }) { totalCount nodes {
      period centre { name parent { name } } reach { count } clubs { meetings club { name type { name } } } programRuns { sessions programRun { program { name } } } allowedActions warnings { field }
    } } }`;
    const statementsFor = async (reports: number) => {
      const centre = await createCentre(api);
      for (let month = 1; month <= reports; month++) {
        const { id } = await insertReport(api, centre, { period: `${2021 + Math.floor((month - 1) / 12)}-${String(((month - 1) % 12) + 1).padStart(2, '0')}`, state: 'APPROVED' });
        await api.dataSource.query(`INSERT INTO activity_report_club (report_id, club_id, meetings, attendance) VALUES ($1, $2, 4, 30)`, [id, await createClub(api, centre)]);
      }
      const response = await api.graphql<{ reports: { totalCount: number } }>(NESTED, { centreId: centre }, asAdmin);
      expect(response.body.errors).toBeUndefined();
      expect(response.body.data!.reports.totalCount).toBe(reports);
      return response.sqlStatements;
    };
    const few = await statementsFor(3);
    expect(await statementsFor(30)).toBe(few);
    expect(few).toBeLessThanOrEqual(12);
  });

  it('makes every idempotency key its own per person', async () => {
    const centre = await createCentre(api);
    const key = randomUUID();
    const admin = await api.graphql(SUBMIT, { input: submitInput(centre, reportPeriod(), { idempotencyKey: key }) }, asAdmin);
    const other = await api.signIn(await createAccount(api, 'REGIONAL_ADMIN'));
    const someoneElse = await api.graphql(SUBMIT, { input: submitInput(centre, reportPeriod(), { idempotencyKey: key }) }, other);
    expect(admin.body.errors).toBeUndefined();
    expect(someoneElse.body.errors).toBeUndefined();
    expect(await countReports(centre)).toBe(2);
  });
});

describe('quarterly reporting, set in configuration', () => {
  let api: TestApp;
  let asAdmin: Record<string, string>;
  beforeAll(async () => {
    api = await startTestApp({ REPORT_PERIOD_TYPE: 'QUARTERLY', REPORT_DEADLINE_DAY: '10' }, { ownDatabase: true });
    asAdmin = await api.signIn(DEMO.admin);
  });
  afterAll(() => api.close());

  it('names periods by their first month, and reads deadlines and the grid in quarters', async () => {
    const centre = await createCentre(api);
    const wrong = await api.graphql(SUBMIT, { input: submitInput(centre, '2025-02') }, asAdmin);
    expect(errorOf(wrong)).toMatchObject({ code: 'BAD_USER_INPUT', problems: { period: { code: 'notQuarterStart' } } });

    const submitted = await api.graphql<{ submitReport: { report: { period: string } } }>(
      `mutation($input: SubmitReportInput!) { submitReport(input: $input) { report { period periodType periodEnd deadline } } }`,
      { input: submitInput(centre, '2025-04') },
      asAdmin,
    );
    expect(submitted.body.data?.submitReport.report).toEqual({ period: '2025-04', periodType: 'QUARTERLY', periodEnd: '2025-06-30', deadline: '2025-07-10' });

    const grid = await api.graphql<{ reportCompleteness: { periods: string[]; deadlineDay: number } }>(
      `{ reportCompleteness(from: "2025-01", to: "2025-10") { periods deadlineDay } }`,
      {},
      asAdmin,
    );
    expect(grid.body.data?.reportCompleteness).toEqual({ periods: ['2025-01', '2025-04', '2025-07', '2025-10'], deadlineDay: 10 });
  });
});
