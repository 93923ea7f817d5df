import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  createCentre,
  createClub,
  createClubType,
  createEquipmentItem,
  createProgram,
  createProgramRun,
  createSpace,
} from './factories/network.js';
import { insertReport, reportPeriod, submitInput } from './factories/reports.js';
import { insertRolloutItem } from './factories/rollout.js';
import { insertSavedQuery } from './factories/saved-queries.js';
import { centreId, createAccount, type TestAccount } from './factories/users.js';
import { startTestApp, type GraphqlResponse, type TestApp } from './utils/test-app.js';

/**
 * Every mutation of the schema × every kind of caller, with the expected answer, and the audit
 * trail checked each time: an accepted mutation leaves exactly one entry, a refused one none.
 * The table must name every mutation the schema has: a new mutation without a row (and so
 * without a decided policy) fails the first test.
 */
type Caller = 'anonymous' | 'admin' | 'coordinatorOfA_onA' | 'coordinatorOfA_onB' | 'analyst';
type Outcome = 'ALLOW' | 'UNAUTHENTICATED' | 'FORBIDDEN';

interface Scene {
  api: TestApp;
  /** Headers of the caller (empty for anonymous). */
  as: Record<string, string>;
  /** The caller's own account (undefined for anonymous). */
  self?: TestAccount;
  /** An account in the centre the case acts on: A (Temirtau) or B (Balkhash). */
  target: TestAccount;
}

interface Case {
  run(scene: Scene): Promise<GraphqlResponse>;
  expect: Record<Caller, Outcome>;
}

const ADMIN_ONLY: Record<Caller, Outcome> = {
  anonymous: 'UNAUTHENTICATED',
  admin: 'ALLOW',
  coordinatorOfA_onA: 'FORBIDDEN',
  coordinatorOfA_onB: 'FORBIDDEN',
  analyst: 'FORBIDDEN',
};
const ANY_SIGNED_IN: Record<Caller, Outcome> = {
  anonymous: 'UNAUTHENTICATED',
  admin: 'ALLOW',
  coordinatorOfA_onA: 'ALLOW',
  coordinatorOfA_onB: 'ALLOW',
  analyst: 'ALLOW',
};
const EVERYONE: Record<Caller, Outcome> = {
  anonymous: 'ALLOW',
  admin: 'ALLOW',
  coordinatorOfA_onA: 'ALLOW',
  coordinatorOfA_onB: 'ALLOW',
  analyst: 'ALLOW',
};

/** The workbench's saved queries: analysts and administrators, never district coordinators. */
const ANALYSTS_AND_ADMINS: Record<Caller, Outcome> = {
  anonymous: 'UNAUTHENTICATED',
  admin: 'ALLOW',
  coordinatorOfA_onA: 'FORBIDDEN',
  coordinatorOfA_onB: 'FORBIDDEN',
  analyst: 'ALLOW',
};

/** Records of one centre: administrators anywhere, a coordinator only at their own centre. */
const CENTRE_OWNED: Record<Caller, Outcome> = {
  anonymous: 'UNAUTHENTICATED',
  admin: 'ALLOW',
  coordinatorOfA_onA: 'ALLOW',
  coordinatorOfA_onB: 'FORBIDDEN',
  analyst: 'FORBIDDEN',
};

/** A mutation taking `input` and answering `{ <payload> { id } }`, for network records. */
const networkCase = (
  mutation: string,
  inputType: string,
  payload: string,
  expect: Record<Caller, Outcome>,
  input: (api: TestApp, centre: string) => Promise<Record<string, unknown>>,
): Case => ({
  async run({ api, as, target }) {
    const variables = { input: await input(api, target.centreId!) };
    return api.graphql(`mutation($input: ${inputType}!) { ${mutation}(input: $input) { ${payload} { id } } }`, variables, as);
  },
  expect,
});

const idInput = (mutation: string) => ({
  run: ({ api, as, target }: Scene) =>
    api.graphql(`mutation($input: UserIdInput!) { ${mutation}(input: $input) { user { id } } }`, { input: { id: target.id } }, as),
  expect: ADMIN_ONLY,
});

const CASES: Record<string, Case> = {
  login: {
    run: ({ api, as, target }) =>
      api.graphql(`mutation($input: LoginInput!) { login(input: $input) { accessToken } }`, { input: { email: target.email, password: target.password } }, as),
    expect: EVERYONE,
  },
  refreshSession: {
    async run({ api, as, target }) {
      const login = await fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: `mutation($input: LoginInput!) { login(input: $input) { accessToken } }`, variables: { input: { email: target.email, password: target.password } } }),
      });
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
      return api.graphql(`mutation { refreshSession { accessToken } }`, {}, { ...as, cookie });
    },
    expect: EVERYONE,
  },
  logout: {
    run: ({ api, as }) => api.graphql(`mutation { logout { ok } }`, {}, as),
    expect: ANY_SIGNED_IN,
  },
  createUser: {
    run: ({ api, as, target }) =>
      api.graphql(
        `mutation($input: CreateUserInput!) { createUser(input: $input) { user { id } } }`,
        { input: { email: `new-${Date.now()}-${Math.random()}@mrc.test`, displayName: 'New coordinator', role: 'DISTRICT_COORDINATOR', centreId: target.centreId, password: 'Lantern-steppe-river-91' } },
        as,
      ),
    expect: ADMIN_ONLY,
  },
  updateUser: {
    run: ({ api, as, target }) =>
      api.graphql(`mutation($input: UpdateUserInput!) { updateUser(input: $input) { user { id } } }`, { input: { id: target.id, displayName: 'Renamed' } }, as),
    expect: ADMIN_ONLY,
  },
  deactivateUser: idInput('deactivateUser'),
  activateUser: idInput('activateUser'),
  resetUserPassword: {
    run: ({ api, as, target }) =>
      api.graphql(
        `mutation($input: ResetUserPasswordInput!) { resetUserPassword(input: $input) { user { id } } }`,
        { input: { id: target.id, newPassword: 'Another-lantern-steppe-7' } },
        as,
      ),
    expect: ADMIN_ONLY,
  },
  changeMyPassword: {
    run: ({ api, as, self }) =>
      api.graphql(
        `mutation($input: ChangeMyPasswordInput!) { changeMyPassword(input: $input) { user { id } } }`,
        { input: { currentPassword: self?.password ?? 'whatever-it-was', newPassword: 'Fresh-lantern-steppe-42' } },
        as,
      ),
    expect: ANY_SIGNED_IN,
  },
  updateMyPreferences: {
    run: ({ api, as }) =>
      api.graphql(`mutation($input: UpdateMyPreferencesInput!) { updateMyPreferences(input: $input) { user { id } } }`, { input: { preferredLanguage: 'KK' } }, as),
    expect: ANY_SIGNED_IN,
  },
  createCentre: networkCase('createCentre', 'CreateCentreInput', 'centre', ADMIN_ONLY, async (api) => ({
    code: `matrix-${Date.now()}-${Math.floor(Math.random() * 1e6)}`,
    kind: 'RURAL_DISTRICT',
    parentId: await centreId(api, 'karaganda-region'),
    names: { ru: 'Новый центр' },
  })),
  // The contacts of a centre are its coordinator's to keep.
  updateCentre: networkCase('updateCentre', 'UpdateCentreInput', 'centre', CENTRE_OWNED, async (_api, centre) => ({
    id: centre,
    phone: `+7 7212 ${Math.floor(100000 + Math.random() * 899999)}`,
  })),
  closeCentre: networkCase('closeCentre', 'CloseRecordInput', 'centre', ADMIN_ONLY, async (api) => ({ id: await createCentre(api) })),
  reopenCentre: networkCase('reopenCentre', 'ReopenRecordInput', 'centre', ADMIN_ONLY, async (api) => ({ id: await createCentre(api, { closedOn: '2026-06-01' }) })),
  createSpace: networkCase('createSpace', 'CreateSpaceInput', 'space', CENTRE_OWNED, async (_api, centre) => ({
    centreId: centre,
    kind: 'LECTURE_HALL',
    names: { kk: 'Дәріс залы' },
    capacity: 60,
  })),
  updateSpace: networkCase('updateSpace', 'UpdateSpaceInput', 'space', CENTRE_OWNED, async (api, centre) => ({ id: await createSpace(api, centre), capacity: 20 })),
  closeSpace: networkCase('closeSpace', 'CloseRecordInput', 'space', CENTRE_OWNED, async (api, centre) => ({ id: await createSpace(api, centre) })),
  reopenSpace: networkCase('reopenSpace', 'ReopenRecordInput', 'space', CENTRE_OWNED, async (api, centre) => ({ id: await createSpace(api, centre, { closed: true }) })),
  createEquipmentItem: networkCase('createEquipmentItem', 'CreateEquipmentItemInput', 'equipmentItem', CENTRE_OWNED, async (_api, centre) => ({
    centreId: centre,
    kind: 'SOUND',
    names: { en: 'Field recorder' },
    quantity: 2,
  })),
  updateEquipmentItem: networkCase('updateEquipmentItem', 'UpdateEquipmentItemInput', 'equipmentItem', CENTRE_OWNED, async (api, centre) => ({
    id: await createEquipmentItem(api, centre),
    quantity: 3,
  })),
  closeEquipmentItem: networkCase('closeEquipmentItem', 'CloseRecordInput', 'equipmentItem', CENTRE_OWNED, async (api, centre) => ({
    id: await createEquipmentItem(api, centre),
  })),
  reopenEquipmentItem: networkCase('reopenEquipmentItem', 'ReopenRecordInput', 'equipmentItem', CENTRE_OWNED, async (api, centre) => ({
    id: await createEquipmentItem(api, centre, { closed: true }),
  })),
  createClubType: networkCase('createClubType', 'CreateClubTypeInput', 'clubType', ADMIN_ONLY, async () => ({
    code: `matrix-${Date.now()}-${Math.floor(Math.random() * 1e6)}`,
    names: { kk: 'Шахмат', ru: 'Шахматы', en: 'Chess' },
  })),
  updateClubType: networkCase('updateClubType', 'UpdateClubTypeInput', 'clubType', ADMIN_ONLY, async (api) => ({
    id: await createClubType(api),
    descriptions: { en: 'Weekly games' },
  })),
  closeClubType: networkCase('closeClubType', 'CloseRecordInput', 'clubType', ADMIN_ONLY, async (api) => ({ id: await createClubType(api) })),
  reopenClubType: networkCase('reopenClubType', 'ReopenRecordInput', 'clubType', ADMIN_ONLY, async (api) => ({ id: await createClubType(api, { closedOn: '2026-06-01' }) })),
  createClub: networkCase('createClub', 'CreateClubInput', 'club', CENTRE_OWNED, async (api, centre) => ({
    centreId: centre,
    clubTypeId: await createClubType(api),
    status: 'PLANNED',
  })),
  updateClub: networkCase('updateClub', 'UpdateClubInput', 'club', CENTRE_OWNED, async (api, centre) => ({ id: await createClub(api, centre), leaderName: 'Айгерим Нурланова' })),
  closeClub: networkCase('closeClub', 'CloseRecordInput', 'club', CENTRE_OWNED, async (api, centre) => ({ id: await createClub(api, centre) })),
  reopenClub: networkCase('reopenClub', 'ReopenRecordInput', 'club', CENTRE_OWNED, async (api, centre) => ({ id: await createClub(api, centre, { closed: true }) })),
  createProgram: networkCase('createProgram', 'CreateProgramInput', 'program', ADMIN_ONLY, async () => ({
    code: `matrix-${Date.now()}-${Math.floor(Math.random() * 1e6)}`,
    kind: 'TRAINING',
    names: { ru: 'Школа волонтёров' },
  })),
  updateProgram: networkCase('updateProgram', 'UpdateProgramInput', 'program', ADMIN_ONLY, async (api) => ({ id: await createProgram(api), durationWeeks: 6 })),
  closeProgram: networkCase('closeProgram', 'CloseRecordInput', 'program', ADMIN_ONLY, async (api) => ({ id: await createProgram(api) })),
  reopenProgram: networkCase('reopenProgram', 'ReopenRecordInput', 'program', ADMIN_ONLY, async (api) => ({ id: await createProgram(api, { closedOn: '2026-06-01' }) })),
  createProgramRun: networkCase('createProgramRun', 'CreateProgramRunInput', 'programRun', CENTRE_OWNED, async (api, centre) => ({
    programId: await createProgram(api),
    centreId: centre,
    startsOn: '2026-12-01',
  })),
  updateProgramRun: networkCase('updateProgramRun', 'UpdateProgramRunInput', 'programRun', CENTRE_OWNED, async (api, centre) => ({
    id: await createProgramRun(api, centre),
    endsOn: '2026-05-15',
  })),
  closeProgramRun: networkCase('closeProgramRun', 'CloseRecordInput', 'programRun', CENTRE_OWNED, async (api, centre) => ({ id: await createProgramRun(api, centre) })),
  reopenProgramRun: networkCase('reopenProgramRun', 'ReopenRecordInput', 'programRun', CENTRE_OWNED, async (api, centre) => ({
    id: await createProgramRun(api, centre, { closed: true }),
  })),
  // A centre's reports are its coordinator's to write; reviewing them is the region's.
  createReport: networkCase('createReport', 'CreateReportInput', 'report', CENTRE_OWNED, async (_api, centre) => ({
    centreId: centre,
    period: reportPeriod(),
    eventsHeld: 2,
  })),
  updateReport: networkCase('updateReport', 'UpdateReportInput', 'report', CENTRE_OWNED, async (api, centre) => ({
    id: (await insertReport(api, centre)).id,
    version: 1,
    eventsHeld: 4,
  })),
  submitReport: networkCase('submitReport', 'SubmitReportInput', 'report', CENTRE_OWNED, async (_api, centre) => submitInput(centre, reportPeriod())),
  approveReport: networkCase('approveReport', 'ApproveReportInput', 'report', ADMIN_ONLY, async (api, centre) => ({
    id: (await insertReport(api, centre, { state: 'SUBMITTED' })).id,
    version: 1,
  })),
  returnReport: networkCase('returnReport', 'ReturnReportInput', 'report', ADMIN_ONLY, async (api, centre) => ({
    id: (await insertReport(api, centre, { state: 'SUBMITTED' })).id,
    version: 1,
    comment: 'Check the reach by age band.',
  })),
  reopenReport: networkCase('reopenReport', 'ReturnReportInput', 'report', ADMIN_ONLY, async (api, centre) => ({
    id: (await insertReport(api, centre, { state: 'APPROVED' })).id,
    version: 1,
    comment: 'The attendance of the dombra club was counted twice.',
  })),
  // The region plans the rollout; a district runs its own items.
  planRollout: networkCase('planRollout', 'PlanRolloutInput', 'rolloutItem', ADMIN_ONLY, async (api, centre) => ({
    clubTypeId: await createClubType(api),
    centreId: centre,
    plannedOn: '2027-04-01',
  })),
  updateRolloutItem: networkCase('updateRolloutItem', 'UpdateRolloutItemInput', 'rolloutItem', CENTRE_OWNED, async (api, centre) => ({
    id: await insertRolloutItem(api, centre),
    version: 1,
    gates: ['SPACE_READY'],
  })),
  advanceRollout: networkCase('advanceRollout', 'AdvanceRolloutInput', 'rolloutItem', CENTRE_OWNED, async (api, centre) => ({
    id: await insertRolloutItem(api, centre),
    version: 1,
    action: 'PREPARE',
  })),
  // A saved query is its owner's: each caller acts on one of their own (anonymous callers on someone's).
  saveQuery: {
    run: ({ api, as }) =>
      api.graphql(
        `mutation($input: SaveQueryInput!) { saveQuery(input: $input) { savedQuery { id } } }`,
        { input: { title: 'Centres by kind', document: '{ centres { nodes { code kind } } }', variables: '{}' } },
        as,
      ),
    expect: ANALYSTS_AND_ADMINS,
  },
  updateSavedQuery: {
    async run({ api, as, self, target }) {
      const id = await insertSavedQuery(api, (self ?? target).id);
      return api.graphql(`mutation($input: UpdateSavedQueryInput!) { updateSavedQuery(input: $input) { savedQuery { id } } }`, { input: { id, version: 1, shared: true } }, as);
    },
    expect: ANALYSTS_AND_ADMINS,
  },
  deleteSavedQuery: {
    async run({ api, as, self, target }) {
      const id = await insertSavedQuery(api, (self ?? target).id);
      return api.graphql(`mutation($input: DeleteSavedQueryInput!) { deleteSavedQuery(input: $input) { id } }`, { input: { id } }, as);
    },
    expect: ANALYSTS_AND_ADMINS,
  },
};

const CALLERS: Caller[] = ['anonymous', 'admin', 'coordinatorOfA_onA', 'coordinatorOfA_onB', 'analyst'];

describe('access matrix: every mutation × every caller', () => {
  let api: TestApp;
  beforeAll(async () => {
    // Its own database: the rows add centres, clubs and programs that other suites would count.
    api = await startTestApp({}, { ownDatabase: true });
  });
  afterAll(() => api.close());

  it('has a decided row for every mutation in the schema, and none for a mutation that is gone', () => {
    const mutations = Object.keys(api.app.get(GraphQLSchemaHost).schema.getMutationType()?.getFields() ?? {});
    expect(mutations.filter((name) => !(name in CASES))).toEqual([]);
    expect(Object.keys(CASES).filter((name) => !mutations.includes(name))).toEqual([]);
  });

  const callers = new Map<Caller, Promise<TestAccount>>();
  const newCaller = (caller: Caller) =>
    createAccount(api, caller === 'admin' ? 'REGIONAL_ADMIN' : caller === 'analyst' ? 'ANALYST' : 'DISTRICT_COORDINATOR', 'temirtau');
  const callerAccount = (caller: Caller) => {
    if (!callers.has(caller)) callers.set(caller, newCaller(caller));
    return callers.get(caller)!;
  };

  const auditCount = async () => Number((await api.dataSource.query<{ n: string }[]>('SELECT count(*) AS n FROM audit_entry'))[0]!.n);

  for (const [mutation, testCase] of Object.entries(CASES)) {
    for (const caller of CALLERS) {
      const expected = testCase.expect[caller];
      it(`${mutation} as ${caller}: ${expected}`, async () => {
        // Callers are made once per kind; changing one's own password needs an account of its own.
        const self = caller === 'anonymous' ? undefined : mutation === 'changeMyPassword' ? await newCaller(caller) : await callerAccount(caller);
        const target = await createAccount(api, 'DISTRICT_COORDINATOR', caller === 'coordinatorOfA_onB' ? 'balkhash' : 'temirtau');
        const as = self ? await api.signIn(self) : {};

        const before = await auditCount();
        const { body } = await testCase.run({ api, as, self, target });
        const after = await auditCount();

        if (expected === 'ALLOW') {
          expect(body.errors).toBeUndefined();
          expect(after - before).toBe(mutation === 'refreshSession' ? 2 : 1); // refresh: its own login, then itself
        } else {
          expect(body.errors?.[0]?.extensions?.code).toBe(expected);
          expect(after - before).toBe(mutation === 'refreshSession' ? 1 : 0);
        }
      });
    }
  }
});

/**
 * The same for queries: every query of the schema, as every kind of caller. `user(id)` names someone
 * else's account, so only administrators may read it.
 */
type QueryCase = {
  document: (api: TestApp, other: TestAccount) => Promise<[string, Record<string, unknown>]>;
  expect: Record<Exclude<Caller, 'coordinatorOfA_onB'>, Outcome>;
};

/** The network and its catalogue are open to every signed-in role, another centre's records included. */
const readByAll = (document: string, variables: (api: TestApp) => Promise<Record<string, unknown>> = async () => ({})): QueryCase => ({
  document: async (api) => [document, await variables(api)],
  expect: { anonymous: 'UNAUTHENTICATED', admin: 'ALLOW', coordinatorOfA_onA: 'ALLOW', analyst: 'ALLOW' },
});

const QUERY_CASES: Record<string, QueryCase> = {
  centres: { document: async () => ['{ centres { totalCount } }', {}], expect: { anonymous: 'UNAUTHENTICATED', admin: 'ALLOW', coordinatorOfA_onA: 'ALLOW', analyst: 'ALLOW' } },
  centre: {
    document: async (api) => ['query($id: ID!) { centre(id: $id) { code } }', { id: await centreId(api, 'balkhash') }],
    expect: { anonymous: 'UNAUTHENTICATED', admin: 'ALLOW', coordinatorOfA_onA: 'ALLOW', analyst: 'ALLOW' },
  },
  spaces: readByAll('{ spaces { totalCount } }'),
  space: readByAll('query($id: ID!) { space(id: $id) { name } }', async (api) => ({ id: await createSpace(api, await centreId(api, 'balkhash')) })),
  equipmentItems: readByAll('{ equipmentItems { totalCount } }'),
  equipmentItem: readByAll('query($id: ID!) { equipmentItem(id: $id) { name } }', async (api) => ({
    id: await createEquipmentItem(api, await centreId(api, 'balkhash')),
  })),
  clubTypes: readByAll('{ clubTypes { totalCount } }'),
  clubType: readByAll('query($id: ID!) { clubType(id: $id) { name } }', async (api) => ({ id: await createClubType(api) })),
  clubs: readByAll('{ clubs { totalCount } }'),
  club: readByAll('query($id: ID!) { club(id: $id) { status } }', async (api) => ({ id: await createClub(api, await centreId(api, 'balkhash')) })),
  programs: readByAll('{ programs { totalCount } }'),
  program: readByAll('query($id: ID!) { program(id: $id) { name } }', async (api) => ({ id: await createProgram(api) })),
  programRuns: readByAll('{ programRuns { totalCount } }'),
  programRun: readByAll('query($id: ID!) { programRun(id: $id) { status } }', async (api) => ({ id: await createProgramRun(api, await centreId(api, 'balkhash')) })),
  me: { document: async () => ['{ me { email } }', {}], expect: { anonymous: 'UNAUTHENTICATED', admin: 'ALLOW', coordinatorOfA_onA: 'ALLOW', analyst: 'ALLOW' } },
  users: { document: async () => ['{ users { totalCount } }', {}], expect: { anonymous: 'UNAUTHENTICATED', admin: 'ALLOW', coordinatorOfA_onA: 'FORBIDDEN', analyst: 'FORBIDDEN' } },
  user: {
    document: async (_api, other) => ['query($id: ID!) { user(id: $id) { email } }', { id: other.id }],
    expect: { anonymous: 'UNAUTHENTICATED', admin: 'ALLOW', coordinatorOfA_onA: 'FORBIDDEN', analyst: 'FORBIDDEN' },
  },
  auditEntries: { document: async () => ['{ auditEntries { totalCount } }', {}], expect: { anonymous: 'UNAUTHENTICATED', admin: 'ALLOW', coordinatorOfA_onA: 'FORBIDDEN', analyst: 'FORBIDDEN' } },
  reportingSettings: readByAll('{ reportingSettings { periodType deadlineDay } }'),
  rolloutItems: readByAll('{ rolloutItems { totalCount } }'),
  rolloutItem: readByAll('query($id: ID!) { rolloutItem(id: $id) { status } }', async (api) => ({ id: await insertRolloutItem(api, await centreId(api, 'balkhash')) })),
  rolloutProgress: readByAll('{ rolloutProgress { network { share } } }'),
  // A coordinator lists and sees the completeness of their own centre only; that is tested in reports.e2e-spec.
  reports: readByAll('{ reports { totalCount } }'),
  reportCompleteness: readByAll('{ reportCompleteness { periods } }'),
  // Aggregates over the whole network: analysts and administrators, not a district's coordinator.
  analytics: {
    document: async () => ['{ analytics(metrics: [YOUNG_PEOPLE_REACHED]) { rowCount } }', {}],
    expect: { anonymous: 'UNAUTHENTICATED', admin: 'ALLOW', coordinatorOfA_onA: 'FORBIDDEN', analyst: 'ALLOW' },
  },
  // Another centre's report: not for a coordinator.
  report: {
    document: async (api) => ['query($id: ID!) { report(id: $id) { state } }', { id: (await insertReport(api, await centreId(api, 'balkhash'))).id }],
    expect: { anonymous: 'UNAUTHENTICATED', admin: 'ALLOW', coordinatorOfA_onA: 'FORBIDDEN', analyst: 'ALLOW' },
  },
  // The workbench: its examples are for everyone signed in, saved queries for analysts and administrators.
  workbenchExamples: readByAll('{ workbenchExamples { id title } }'),
  savedQueries: {
    document: async () => ['{ savedQueries { totalCount } }', {}],
    expect: { anonymous: 'UNAUTHENTICATED', admin: 'ALLOW', coordinatorOfA_onA: 'FORBIDDEN', analyst: 'ALLOW' },
  },
  // Someone else's shared query.
  savedQuery: {
    document: async (api, other) => ['query($id: ID!) { savedQuery(id: $id) { title } }', { id: await insertSavedQuery(api, other.id, { shared: true }) }],
    expect: { anonymous: 'UNAUTHENTICATED', admin: 'ALLOW', coordinatorOfA_onA: 'FORBIDDEN', analyst: 'ALLOW' },
  },
};

describe('access matrix: every query × every caller', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  it('has a decided row for every query in the schema', () => {
    const queries = Object.keys(api.app.get(GraphQLSchemaHost).schema.getQueryType()?.getFields() ?? {});
    expect(queries.filter((name) => !(name in QUERY_CASES))).toEqual([]);
    expect(Object.keys(QUERY_CASES).filter((name) => !queries.includes(name))).toEqual([]);
  });

  // Queries change nothing: one signed-in caller of each kind and one other account serve every row.
  const sessions = new Map<Caller, Promise<Record<string, string>>>();
  const headersOf = (caller: Caller) => {
    if (caller === 'anonymous') return Promise.resolve({});
    if (!sessions.has(caller)) {
      const role = caller === 'admin' ? 'REGIONAL_ADMIN' : caller === 'analyst' ? 'ANALYST' : 'DISTRICT_COORDINATOR';
      sessions.set(caller, createAccount(api, role, 'temirtau').then((account) => api.signIn(account)));
    }
    return sessions.get(caller)!;
  };
  let other: Promise<TestAccount> | undefined;

  for (const [query, testCase] of Object.entries(QUERY_CASES)) {
    for (const [caller, expected] of Object.entries(testCase.expect) as [Caller, Outcome][]) {
      it(`${query} as ${caller}: ${expected}`, async () => {
        other ??= createAccount(api, 'DISTRICT_COORDINATOR', 'balkhash');
        const [document, variables] = await testCase.document(api, await other);
        const { body } = await api.graphql(document, variables, await headersOf(caller));
        if (expected === 'ALLOW') expect(body.errors).toBeUndefined();
        else expect(body.errors?.[0]?.extensions?.code).toBe(expected);
      });
    }
  }
});
