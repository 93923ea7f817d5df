import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { isRolloutLate, LAUNCHED_STATUSES, nextPeriod, ROLLOUT_STATUSES, type RolloutStatus } from '@mrc/domain';
import type { Client } from 'graphql-ws';
import { WebSocket } from 'ws';
import { MAX_SOCKETS_PER_ACCOUNT } from '../src/graphql/live-sockets.js';
import { createClubType } from './factories/network.js';
import { insertRolloutItem } from './factories/rollout.js';
import { centreId, createAccount } from './factories/users.js';
import { hearChange, subscriber } from './utils/live.js';
import { DEMO, startTestApp, type GraphqlResponse, type TestApp } from './utils/test-app.js';

const ITEM_FIELDS = 'id version status gates openGates plannedOn launchedOn statusReason late allowedActions history { action field from to reason actorName }';
const ADVANCE = `mutation($input: AdvanceRolloutInput!) { advanceRollout(input: $input) { rolloutItem { ${ITEM_FIELDS} } } }`;
const UPDATE = `mutation($input: UpdateRolloutItemInput!) { updateRolloutItem(input: $input) { rolloutItem { ${ITEM_FIELDS} } } }`;
const PLAN = `mutation($input: PlanRolloutInput!) { planRollout(input: $input) { rolloutItem { ${ITEM_FIELDS} } } }`;
const ALL_GATES = ['SPACE_READY', 'LEADER_ASSIGNED', 'EQUIPMENT_IN_PLACE', 'FIRST_MEETING_HELD'];

interface Item {
  id: string;
  version: number;
  status: string;
  gates: string[];
  launchedOn: string | null;
  statusReason: string | null;
  late: boolean;
  allowedActions: string[];
  history: { action: string; field: string; from: string | null; to: string | null; reason: string | null; actorName: string | null }[];
}

/** A city under the region with `count` rural districts below it, all new: a subtree of its own for counting. */
async function cityWithDistricts(api: TestApp, code: string, count: number): Promise<{ city: string; districts: string[] }> {
  const insert = async (values: unknown[]) =>
    (await api.dataSource.query<{ id: string }[]>(`INSERT INTO centre (code, kind, parent_id, name_ru, opened_on) VALUES ($1, $2, $3, $1, '2020-01-01') RETURNING id`, values))[0]!.id;
  const city = await insert([`${code}-city`, 'CITY', await centreId(api, 'karaganda-region')]);
  const districts: string[] = [];
  for (let n = 0; n < count; n++) districts.push(await insert([`${code}-${n}`, 'RURAL_DISTRICT', city]));
  return { city, districts };
}

const errorOf = (response: GraphqlResponse) => response.body.errors?.[0]?.extensions ?? {};
const itemOf = (response: GraphqlResponse, mutation: string) => (response.body.data as Record<string, { rolloutItem: Item }>)[mutation]!.rolloutItem;

const historyCount = async (api: TestApp, id: string) => Number((await api.dataSource.query<{ n: string }[]>('SELECT count(*) AS n FROM rollout_change WHERE item_id = $1', [id]))[0]!.n);

describe('the rollout of clubs', () => {
  let api: TestApp;
  let asAdmin: Record<string, string>;
  let asTemirtau: Record<string, string>;
  let temirtau: string;
  let balkhash: string;
  beforeAll(async () => {
    api = await startTestApp({}, { ownDatabase: true });
    asAdmin = await api.signIn(DEMO.admin);
    asTemirtau = await api.signIn(DEMO.temirtau);
    temirtau = await centreId(api, 'temirtau');
    balkhash = await centreId(api, 'balkhash');
  });
  afterAll(() => api.close());

  describe('steps', () => {
    it('goes PLANNED → PREPARING → LAUNCHED → ACTIVE, launching only with every gate met', async () => {
      const id = await insertRolloutItem(api, temirtau);
      let item = itemOf(await api.graphql(ADVANCE, { input: { id, version: 1, action: 'PREPARE' } }, asTemirtau), 'advanceRollout');
      expect(item).toMatchObject({ status: 'PREPARING', allowedActions: ['PAUSE'] });

      const early = await api.graphql(ADVANCE, { input: { id, version: item.version, action: 'LAUNCH' } }, asTemirtau);
      expect(errorOf(early)).toMatchObject({ code: 'BAD_USER_INPUT', problems: { action: { code: 'gatesOpen' } } });
      expect((errorOf(early) as { fields?: Record<string, string> }).fields?.['action']).toMatch(/SPACE_READY, LEADER_ASSIGNED, EQUIPMENT_IN_PLACE, FIRST_MEETING_HELD/);

      item = itemOf(await api.graphql(UPDATE, { input: { id, version: item.version, gates: ALL_GATES } }, asTemirtau), 'updateRolloutItem');
      item = itemOf(await api.graphql(ADVANCE, { input: { id, version: item.version, action: 'LAUNCH', launchedOn: '2026-11-02' } }, asTemirtau), 'advanceRollout');
      expect(item).toMatchObject({ status: 'LAUNCHED', launchedOn: '2026-11-02', gates: ALL_GATES });
      item = itemOf(await api.graphql(ADVANCE, { input: { id, version: item.version, action: 'ACTIVATE' } }, asTemirtau), 'advanceRollout');
      expect(item.status).toBe('ACTIVE');

      // A launched club keeps its gates.
      const dropGate = await api.graphql(UPDATE, { input: { id, version: item.version, gates: ['SPACE_READY'] } }, asTemirtau);
      expect(errorOf(dropGate)).toMatchObject({ code: 'BAD_USER_INPUT', problems: { gates: { code: 'launchedKeepsGates' } } });
    });

    it('pauses with a reason and resumes where it was', async () => {
      const id = await insertRolloutItem(api, temirtau, { status: 'ACTIVE', gates: ALL_GATES, launchedOn: '2026-09-01' });
      expect(errorOf(await api.graphql(ADVANCE, { input: { id, version: 1, action: 'PAUSE' } }, asTemirtau))).toMatchObject({ code: 'BAD_USER_INPUT', problems: { reason: { code: 'reasonNeeded' } } });
      let item = itemOf(await api.graphql(ADVANCE, { input: { id, version: 1, action: 'PAUSE', reason: 'The leader is ill.' } }, asTemirtau), 'advanceRollout');
      expect(item).toMatchObject({ status: 'PAUSED', statusReason: 'The leader is ill.' });
      item = itemOf(await api.graphql(ADVANCE, { input: { id, version: item.version, action: 'RESUME' } }, asTemirtau), 'advanceRollout');
      expect(item).toMatchObject({ status: 'ACTIVE', statusReason: null, launchedOn: '2026-09-01' });
    });

    it('refuses illegal steps with a clear code, and writes nothing for them', async () => {
      const cancelled = await insertRolloutItem(api, temirtau, { status: 'CANCELLED', reason: 'No hall.' });
      const active = await insertRolloutItem(api, temirtau, { status: 'ACTIVE', gates: ALL_GATES, launchedOn: '2026-09-01' });
      const elsewhere = await insertRolloutItem(api, balkhash, { status: 'PREPARING', gates: ALL_GATES });
      const before = await Promise.all([cancelled, active, elsewhere].map((id) => historyCount(api, id)));

      const refusals: [Record<string, unknown>, Record<string, string>, string][] = [
        [{ id: cancelled, version: 1, action: 'REVIVE' }, asAdmin, 'BAD_USER_INPUT'], // no reason
        [{ id: cancelled, version: 1, action: 'REVIVE', reason: 'A hall was found.' }, asTemirtau, 'FORBIDDEN'], // the region revives
        [{ id: active, version: 1, action: 'CANCEL', reason: 'No money.' }, asTemirtau, 'FORBIDDEN'], // the region cancels
        [{ id: elsewhere, version: 1, action: 'LAUNCH' }, asTemirtau, 'FORBIDDEN'], // another district
        [{ id: active, version: 1, action: 'PREPARE' }, asAdmin, 'CONFLICT'], // not from ACTIVE
        [{ id: active, version: 7, action: 'PAUSE', reason: 'x' }, asAdmin, 'CONFLICT'], // stale version
      ];
      for (const [input, as, code] of refusals) expect(errorOf(await api.graphql(ADVANCE, { input }, as)).code).toBe(code);
      expect(errorOf(await api.graphql(UPDATE, { input: { id: elsewhere, version: 1, notes: 'Mine now' } }, asTemirtau)).code).toBe('FORBIDDEN');
      expect(errorOf(await api.graphql(UPDATE, { input: { id: active, version: 1, plannedOn: '2027-01-01' } }, asTemirtau)).code).toBe('FORBIDDEN');

      expect(await Promise.all([cancelled, active, elsewhere].map((id) => historyCount(api, id)))).toEqual(before);
      const revived = itemOf(await api.graphql(ADVANCE, { input: { id: cancelled, version: 1, action: 'REVIVE', reason: 'A hall was found.' } }, asAdmin), 'advanceRollout');
      expect(revived).toMatchObject({ status: 'PLANNED', statusReason: null });
      expect(revived.history.at(-1)).toMatchObject({ action: 'REVIVE', field: 'status', from: 'CANCELLED', to: 'PLANNED', reason: 'A hall was found.' });
    });
  });

  describe('more refusals', () => {
    it('resumes a launched club only with its gates met again, and takes a launch day only with LAUNCH, not before the centre opened', async () => {
      const paused = await insertRolloutItem(api, temirtau, { status: 'PAUSED', gates: ['SPACE_READY'], launchedOn: '2026-09-01', reason: 'Leader ill' });
      expect(errorOf(await api.graphql(ADVANCE, { input: { id: paused, version: 1, action: 'RESUME' } }, asTemirtau))).toMatchObject({
        code: 'BAD_USER_INPUT',
        problems: { action: { code: 'gatesOpen' } },
      });
      const preparing = await insertRolloutItem(api, temirtau, { status: 'PREPARING', gates: ALL_GATES });
      expect(errorOf(await api.graphql(ADVANCE, { input: { id: preparing, version: 1, action: 'LAUNCH', launchedOn: '1900-01-01' } }, asTemirtau))).toMatchObject({
        problems: { launchedOn: { code: 'notBeforeCentreOpened' } },
      });
      expect(errorOf(await api.graphql(ADVANCE, { input: { id: preparing, version: 1, action: 'PAUSE', reason: 'x', launchedOn: '2026-01-01' } }, asTemirtau))).toMatchObject({
        problems: { launchedOn: { code: 'onlyWithLaunch' } },
      });
      expect(await historyCount(api, preparing)).toBe(0);
    });
  });

  describe('history', () => {
    it('records who changed what, from and to, and nothing for a change that changes nothing', async () => {
      const id = await insertRolloutItem(api, temirtau, { status: 'PREPARING', gates: ['SPACE_READY'] });
      const same = itemOf(await api.graphql(UPDATE, { input: { id, version: 1, gates: ['SPACE_READY'], notes: null } }, asTemirtau), 'updateRolloutItem');
      expect(same.version).toBe(1);
      expect(same.history).toEqual([]);

      const changed = itemOf(await api.graphql(UPDATE, { input: { id, version: 1, gates: ['LEADER_ASSIGNED', 'SPACE_READY'], responsibleName: 'Дана Ахметова' } }, asTemirtau), 'updateRolloutItem');
      expect(changed.version).toBe(2);
      expect(changed.history).toEqual([
        { action: 'UPDATE', field: 'gates', from: 'SPACE_READY', to: 'SPACE_READY, LEADER_ASSIGNED', reason: null, actorName: expect.any(String) },
        { action: 'UPDATE', field: 'responsibleName', from: null, to: 'Дана Ахметова', reason: null, actorName: expect.any(String) },
      ]);
    });

    it('plans an item once per type and district, for districts only', async () => {
      const type = await createClubType(api);
      const planned = await api.graphql(PLAN, { input: { clubTypeId: type, centreId: temirtau, plannedOn: '2027-05-01' } }, asAdmin);
      expect(itemOf(planned, 'planRollout')).toMatchObject({ status: 'PLANNED', plannedOn: '2027-05-01' });
      expect(itemOf(planned, 'planRollout').history).toEqual([
        { action: 'PLAN', field: 'status', from: null, to: 'PLANNED', reason: null, actorName: expect.any(String) },
        { action: 'PLAN', field: 'plannedOn', from: null, to: '2027-05-01', reason: null, actorName: expect.any(String) },
      ]);
      expect(errorOf(await api.graphql(PLAN, { input: { clubTypeId: type, centreId: temirtau, plannedOn: '2027-06-01' } }, asAdmin)).code).toBe('CONFLICT');
      const regional = await api.graphql(PLAN, { input: { clubTypeId: type, centreId: await centreId(api, 'karaganda-region'), plannedOn: '2027-06-01' } }, asAdmin);
      expect(errorOf(regional)).toMatchObject({ code: 'BAD_USER_INPUT', problems: { centreId: { code: 'notADistrict' } } });
    });
  });

  describe('progress and forecast', () => {
    it('agree with a hand computation on a small fixed history', async () => {
      // A city with three districts below it, and one club type planned in each.
      const { city, districts } = await cityWithDistricts(api, 'forecast', 3);
      const type = await createClubType(api);
      await insertRolloutItem(api, districts[0]!, { type, status: 'ACTIVE', gates: ALL_GATES, plannedOn: '2026-01-15', launchedOn: '2026-01-10' });
      await insertRolloutItem(api, districts[1]!, { type, status: 'PREPARING', plannedOn: '2026-03-20' }); // late
      await insertRolloutItem(api, districts[2]!, { type, status: 'PLANNED', plannedOn: '2099-01-01' });

      const response = await api.graphql<{ rolloutProgress: Record<string, unknown> & { byClubType: Record<string, unknown>[]; timeline: Record<string, unknown>[] } }>(
        `query($centreId: ID) { rolloutProgress(centreId: $centreId, includeSubtree: true) {
          network { planned launched active late share } forecastOn
          byClubType { totals { planned launched late } firstLaunchOn launchesSoFar forecastOn }
          byCentre { centre { code } totals { planned launched } }
          timeline { month planned launched }
        } }`,
        { centreId: city },
        asAdmin,
      );
      expect(response.body.errors).toBeUndefined();
      const progress = response.body.data!.rolloutProgress;
      expect(progress['network']).toEqual({ planned: 3, launched: 1, active: 1, late: 1, share: 1 / 3 });

      // By hand: one launch in the days from 10 January 2026 to today; two districts to go.
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Almaty' }).format(new Date());
      const days = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse('2026-01-10T00:00:00Z')) / 86_400_000);
      const forecast = new Date(Date.parse(`${today}T00:00:00Z`) + Math.ceil(2 / (1 / days)) * 86_400_000).toISOString().slice(0, 10);
      expect(progress.byClubType).toEqual([{ totals: { planned: 3, launched: 1, late: 1 }, firstLaunchOn: '2026-01-10', launchesSoFar: 1, forecastOn: forecast }]);
      expect(progress['forecastOn']).toBe(forecast);
      expect(progress.timeline[0]).toEqual({ month: '2026-01', planned: 1, launched: 1 });
      expect(progress.timeline.find((month) => month['month'] === '2026-03')).toEqual({ month: '2026-03', planned: 2, launched: 1 });
      expect(progress.timeline.at(-1)).toEqual({ month: '2099-01', planned: 3, launched: 1 });
    });

    it('count every mix of status and dates as the domain\'s rules do, per network, district, type and month', async () => {
      const { city, districts } = await cityWithDistricts(api, 'mix', ROLLOUT_STATUSES.length);
      const types: string[] = [];
      for (let n = 0; n < ROLLOUT_STATUSES.length; n++) types.push(await createClubType(api));
      // Every status in every district and of every type, with past, future and no planned days, and
      // launches (a paused or cancelled item may have launched once) spread over three months.
      const items: { centreId: string; clubTypeId: string; status: RolloutStatus; plannedOn: string | null; launchedOn: string | null }[] = [];
      for (const [t, clubTypeId] of types.entries()) {
        for (const [d, centre] of districts.entries()) {
          const status = ROLLOUT_STATUSES[(t + d) % ROLLOUT_STATUSES.length]!;
          const plannedOn = ['2025-05-10', '2099-02-01', null][(2 * t + d) % 3]!;
          const launched = LAUNCHED_STATUSES.includes(status) || ((status === 'PAUSED' || status === 'CANCELLED') && (t + d) % 2 === 0);
          const launchedOn = launched ? ['2025-03-03', '2025-07-20', '2026-02-11'][(t + 2 * d) % 3]! : null;
          const stopped = status === 'PAUSED' || status === 'CANCELLED';
          await api.dataSource.query(
            `INSERT INTO rollout_item (club_type_id, centre_id, planned_on, status, gates, launched_on, status_reason) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
            [clubTypeId, centre, plannedOn, status, LAUNCHED_STATUSES.includes(status) ? ALL_GATES : [], launchedOn, stopped ? 'Test mix' : null],
          );
          items.push({ centreId: centre, clubTypeId, status, plannedOn, launchedOn });
        }
      }

      // The same figures from the domain's rules, item by item.
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Almaty' }).format(new Date());
      const totals = (of: typeof items) => {
        const planned = of.filter((item) => item.status !== 'CANCELLED');
        const launched = planned.filter((item) => LAUNCHED_STATUSES.includes(item.status)).length;
        return {
          planned: planned.length,
          launched,
          active: planned.filter((item) => item.status === 'ACTIVE').length,
          late: planned.filter((item) => isRolloutLate(item, today)).length,
          share: planned.length === 0 ? null : launched / planned.length,
        };
      };
      const launchesOf = (of: typeof items) => of.map((item) => item.launchedOn).filter((day): day is string => day !== null).sort();
      const notCancelled = items.filter((item) => item.status !== 'CANCELLED');
      const months = [...new Set(notCancelled.flatMap((item) => [item.plannedOn, item.launchedOn]).filter((day): day is string => day !== null).map((day) => day.slice(0, 7)))].sort();
      const upTo = (month: string, day: string | null) => day !== null && day.slice(0, 7) <= month;

      const response = await api.graphql<{ rolloutProgress: Record<string, unknown> & { byClubType: { clubType: { id: string } }[]; byCentre: { centre: { id: string } }[]; timeline: unknown[] } }>(
        `query($centreId: ID) { rolloutProgress(centreId: $centreId, includeSubtree: true) {
          network { planned launched active late share }
          byClubType { clubType { id } totals { planned launched active late share } firstLaunchOn launchesSoFar }
          byCentre { centre { id } totals { planned launched active late share } }
          timeline { month planned launched }
        } }`,
        { centreId: city },
        asAdmin,
      );
      expect(response.body.errors).toBeUndefined();
      const progress = response.body.data!.rolloutProgress;
      expect(progress['network']).toEqual(totals(items));
      expect(Object.fromEntries(progress.byCentre.map((row) => [row.centre.id, row]))).toEqual(
        Object.fromEntries(districts.map((centre) => [centre, { centre: { id: centre }, totals: totals(items.filter((item) => item.centreId === centre)) }])),
      );
      expect(Object.fromEntries(progress.byClubType.map((row) => [row.clubType.id, row]))).toEqual(
        Object.fromEntries(
          types.map((clubTypeId) => {
            const of = items.filter((item) => item.clubTypeId === clubTypeId);
            return [clubTypeId, { clubType: { id: clubTypeId }, totals: totals(of), firstLaunchOn: launchesOf(of)[0] ?? null, launchesSoFar: launchesOf(of).length }];
          }),
        ),
      );
      const timeline = [];
      for (let month = months[0]!; month <= months.at(-1)!; month = nextPeriod(month, 'MONTHLY')) {
        timeline.push({ month, planned: notCancelled.filter((item) => upTo(month, item.plannedOn)).length, launched: notCancelled.filter((item) => upTo(month, item.launchedOn)).length });
      }
      expect(progress.timeline).toEqual(timeline);
    });
  });

  describe('live', () => {
    it('tells a subscriber of the same process when an item changes', async () => {
      const id = await insertRolloutItem(api, temirtau);
      const client = subscriber(api.url, asAdmin);
      try {
        let version = 1;
        const heard = await hearChange(client, temirtau, async (attempt) => {
          version = itemOf(await api.graphql(UPDATE, { input: { id, version, notes: `Probe ${attempt}` } }, asTemirtau), 'updateRolloutItem').version;
        });
        expect(heard).toMatchObject({ id, centre: { code: 'temirtau' } });
        expect(heard['version']).toBeGreaterThan(1);
      } finally {
        await client.dispose();
      }
    });

    it('holds a subscription to the limits of HTTP: depth, aliases, tokens', async () => {
      const client = subscriber(api.url, asAdmin);
      try {
        const deep = 'subscription { rolloutItemChanged { centre { parent { parent { parent { parent { parent { parent { parent { parent { parent { parent { code } } } } } } } } } } } } }';
        expect(await firstResult(client, deep)).toMatchObject({ errors: [{ extensions: { code: 'BAD_USER_INPUT' } }] });
        const aliases = `subscription { rolloutItemChanged { ${Array.from({ length: 40 }, (_, n) => `a${n}: id`).join(' ')} } }`;
        expect(await firstResult(client, aliases)).toMatchObject({ errors: [{ extensions: { code: 'BAD_USER_INPUT' } }] });
        expect(await firstResult(client, 'subscription { rolloutItemChanged { id ')).toMatchObject({ errors: [{ extensions: { code: 'BAD_USER_INPUT' } }] });
      } finally {
        await client.dispose();
      }
    });

    it('stops telling a subscriber who has signed out', async () => {
      const headers = await api.signIn(DEMO.analyst);
      const client = subscriber(api.url, headers);
      const closed = new Promise<number>((resolve) => client.on('closed', (event) => resolve((event as { code: number }).code)));
      const id = await insertRolloutItem(api, temirtau);
      // A subscription that stays, so the socket stays open until the server ends it.
      const heardAfterLogout: unknown[] = [];
      client.subscribe({ query: 'subscription { rolloutItemChanged { id } }' }, { next: (message) => heardAfterLogout.push(message), error: () => undefined, complete: () => undefined });
      try {
        let version = 1;
        const touch = async (attempt: number) => {
          version = itemOf(await api.graphql(UPDATE, { input: { id, version, notes: `Probe ${attempt}` } }, asTemirtau), 'updateRolloutItem').version;
        };
        await hearChange(client, temirtau, touch);
        expect((await api.graphql('mutation { logout { ok } }', {}, headers)).body.errors).toBeUndefined();
        heardAfterLogout.length = 0;
        // The session is checked again at most every 5 s; the next change after that ends the socket.
        await new Promise((wait) => setTimeout(wait, 5_500));
        await touch(99);
        expect(await closed).toBe(4401);
        expect(heardAfterLogout).toEqual([]);
      } finally {
        await client.dispose();
      }
    }, 20_000);

    it('refuses queries and mutations over the socket', async () => {
      const client = subscriber(api.url, asAdmin);
      try {
        const query = await firstResult(client, '{ reportingSettings { periodType } }');
        expect(query).toMatchObject({ errors: [{ extensions: { code: 'BAD_USER_INPUT' } }] });
      } finally {
        await client.dispose();
      }
    });

    it('keeps a socket only for a signed-in account, and at most MAX_SOCKETS_PER_ACCOUNT per account', async () => {
      // Before, any connection_init was acknowledged and the socket kept, although nothing anonymous can be heard.
      expect(await openSocket(api.url, {})).toEqual({ code: 4401, acknowledged: false });
      expect(await openSocket(api.url, { authorization: 'Bearer not-a-token' })).toEqual({ code: 4401, acknowledged: false });

      const account = await createAccount(api, 'ANALYST');
      const headers = await api.signIn(account);
      const held: WebSocket[] = [];
      try {
        for (let n = 0; n < MAX_SOCKETS_PER_ACCOUNT; n++) {
          const opened = await openSocket(api.url, headers, { keep: true });
          expect(opened).toMatchObject({ acknowledged: true });
          held.push(opened.socket!);
        }
        expect(await openSocket(api.url, headers)).toEqual({ code: 4403, acknowledged: false });
        // Another account has its own share.
        expect(await openSocket(api.url, asAdmin)).toEqual({ code: 1000, acknowledged: true });
        // A socket that closes gives its place back, once the server has seen it close.
        held.shift()!.close(1000);
        let again = await openSocket(api.url, headers, { keep: true });
        for (let attempt = 0; !again.acknowledged && attempt < 20; attempt++) {
          await new Promise((wait) => setTimeout(wait, 50));
          again = await openSocket(api.url, headers, { keep: true });
        }
        expect(again).toMatchObject({ acknowledged: true });
        held.push(again.socket!);
      } finally {
        for (const socket of held) socket.close(1000);
      }
    });

    it('closes a socket that sends a message of 256 KiB, and acknowledges one of 200 KiB', async () => {
      const closing = (padding: string) => openSocket(api.url, { ...asAdmin, padding });
      // graphql-ws printed each such message to the console with a stack, as an internal error (patches/graphql-ws@6.3.0.patch).
      const printed = jest.spyOn(console, 'error').mockImplementation(() => undefined);
      try {
        expect(await closing('x'.repeat(256 * 1024))).toEqual({ code: 1009, acknowledged: false });
        expect(printed).not.toHaveBeenCalled();
      } finally {
        printed.mockRestore();
      }
      expect(await closing('x'.repeat(200 * 1024))).toEqual({ code: 1000, acknowledged: true });
    });

    it('answers an upgrade to any other path with 404 and closes it', async () => {
      // Left open before, such a socket stopped the process with an uncaught ECONNRESET when its client reset it.
      const { port } = new URL(api.url);
      const answer = await new Promise<string>((resolve) => {
        const socket = connect(Number(port), '127.0.0.1', () => {
          socket.write('GET /elsewhere HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n');
        });
        let text = '';
        socket.on('data', (chunk: Buffer) => (text += chunk.toString()));
        socket.on('error', () => undefined);
        socket.once('close', () => resolve(text));
      });
      expect(answer).toMatch(/^HTTP\/1\.1 404 /);
      expect((await fetch(`${api.url}/health`)).status).toBe(200);
    });
  });
});

/**
 * Opens a raw graphql-ws socket and sends connection_init with these parameters: how it was closed,
 * and whether it was acknowledged first. With `keep` an acknowledged socket is handed back open.
 */
function openSocket(url: string, params: Record<string, string>, { keep = false } = {}): Promise<{ code?: number; acknowledged: boolean; socket?: WebSocket }> {
  return new Promise((resolve) => {
    const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
    let acknowledged = false;
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: params })));
    socket.on('message', (data: Buffer) => {
      acknowledged ||= (JSON.parse(data.toString()) as { type: string }).type === 'connection_ack';
      if (acknowledged && keep) resolve({ acknowledged, socket });
      else socket.close(1000);
    });
    socket.on('error', () => undefined);
    socket.on('close', (code: number) => resolve({ code, acknowledged }));
  });
}

function firstResult(client: Client, query: string): Promise<unknown> {
  return new Promise((resolve) => {
    client.subscribe({ query }, { next: resolve, error: (error) => resolve({ errors: Array.isArray(error) ? error : [error] }), complete: () => undefined });
  });
}
