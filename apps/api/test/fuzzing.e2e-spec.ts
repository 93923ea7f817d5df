import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ERROR_CODES } from '@mrc/domain';
import { createTestDatabase, type TestDatabase } from '@mrc/local-postgres';
import fc from 'fast-check';
import { buildClientSchema, getIntrospectionQuery, type GraphQLSchema, type IntrospectionQuery } from 'graphql';
import pg from 'pg';
import { type ApiProcess, assertFreshBuild, signInAt, startApi, stopApi } from './utils/api-process.js';
import { documentFor, type FuzzPools, operationFor, variablesFor } from './utils/fuzz.js';
import { DEMO } from './utils/test-app.js';

/**
 * Property-based fuzzing (fast-check) of the built API, run as its own process on a database of its
 * own: the variables of every mutation, and random documents. Whatever comes in, the answer is never
 * a 500 and never INTERNAL_SERVER_ERROR: every error carries one of the stable codes; and the process
 * neither crashes (an unhandled rejection ends a Node process) nor logs an unexpected failure.
 *
 * The seed is random unless FUZZ_SEED is set, and printed on failure with the counterexample, so a
 * failure reproduces with `FUZZ_SEED=<seed> pnpm test -- test/fuzzing.e2e-spec.ts`.
 */
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : randomInt(2 ** 31 - 1);
/** Runs per mutation (each one HTTP request), and random documents in all. */
const RUNS_PER_MUTATION = Number(process.env.FUZZ_RUNS_PER_MUTATION ?? 12);
const DOCUMENT_RUNS = Number(process.env.FUZZ_DOCUMENT_RUNS ?? 300);

const STABLE_CODES = new Set<string>(ERROR_CODES.filter((code) => code !== 'INTERNAL_SERVER_ERROR'));

type Caller = 'admin' | 'coordinator' | 'analyst' | 'anonymous';
const CALLERS: Caller[] = ['admin', 'coordinator', 'analyst', 'anonymous'];
/** Who sends a fuzzed request: mostly those allowed to change things, so requests reach the services. */
const callerArbitrary = fc.constantFrom<Caller>('admin', 'admin', 'admin', 'admin', 'coordinator', 'coordinator', 'coordinator', 'analyst', 'anonymous');

/** What is wrong with an answer, or undefined when it is a clean success or a coded refusal. */
function defectOf(status: number, text: string): string | undefined {
  if (status >= 500) return `HTTP ${status}: ${text.slice(0, 500)}`;
  let body: { data?: unknown; errors?: { message?: unknown; extensions?: { code?: unknown } }[] };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    return `HTTP ${status} with a body that is not JSON: ${text.slice(0, 300)}`;
  }
  if (status !== 200 && !body.errors?.length) return `HTTP ${status} without errors: ${text.slice(0, 300)}`;
  for (const error of body.errors ?? []) {
    const code = error.extensions?.code;
    if (typeof code !== 'string' || !STABLE_CODES.has(code)) return `an error without a stable code (HTTP ${status}): ${JSON.stringify(error).slice(0, 500)}`;
    if (typeof error.message !== 'string' || error.message.length === 0) return `an error without a message: ${JSON.stringify(error).slice(0, 300)}`;
  }
  return undefined;
}

describe('fuzzing the API with fast-check', () => {
  let database: TestDatabase;
  let api: ApiProcess | undefined;
  let schema: GraphQLSchema;
  let pools: FuzzPools;
  const sessions = new Map<Caller, Record<string, string>>();
  /** Where the API's own output stood before a property ran: what it logs during the run is checked. */
  let outputMark = 0;

  /** Signs the caller in as a new account of its role (made by the DEMO administrator, who is never fuzzed with). */
  let manager: Record<string, string> = {};
  let temirtau = '';
  let accounts = 0;
  const signIn = async (caller: Caller) => {
    if (caller === 'anonymous') return sessions.set(caller, {});
    const role = { admin: 'REGIONAL_ADMIN', coordinator: 'DISTRICT_COORDINATOR', analyst: 'ANALYST' }[caller];
    // A new account each time: the fuzzer's wrong passwords (changeMyPassword) may have locked the last one.
    const account = { email: `fuzz-${caller}-${++accounts}-${SEED}@mrc.test`, password: 'Quiet-Balkhash-shore-2026' };
    const created = await send(
      {
        query: 'mutation($input: CreateUserInput!) { createUser(input: $input) { user { id } } }',
        variables: { input: { ...account, displayName: `Fuzz ${caller}`, role, centreId: caller === 'coordinator' ? temirtau : null } },
      },
      manager,
    );
    if (!created.text.includes('"id"')) throw new Error(`Could not create an account to fuzz with: ${created.text}`);
    sessions.set(caller, await signInAt(api!.url, account));
  };

  const send = async (body: unknown, caller: Caller | Record<string, string>): Promise<{ status: number; text: string }> => {
    const response = await fetch(`${api!.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(typeof caller === 'string' ? sessions.get(caller) : caller) },
      body: JSON.stringify(body),
    });
    return { status: response.status, text: await response.text() };
  };

  /** Crashes and unexpected failures the API logged since the mark (it runs with LOG_LEVEL=error). */
  const processDefects = (): string | undefined => {
    if (api!.child.exitCode !== null || api!.child.signalCode !== null) return `the API exited (${api!.child.exitCode ?? api!.child.signalCode}):\n${api!.output.join('').slice(-4_000)}`;
    const logged = api!.output.slice(outputMark).join('').trim();
    return logged ? `the API logged:\n${logged.slice(0, 4_000)}` : undefined;
  };

  /** Runs a property; on failure, the message has the seed, the path and the smallest counterexample found. */
  const check = async <T>(name: string, property: fc.IAsyncProperty<T>, numRuns: number, seed: number): Promise<string | undefined> => {
    outputMark = api!.output.length;
    const startedAt = Date.now();
    const details = await fc.check(property, { numRuns, seed, endOnFailure: false });
    if (process.env.FUZZ_VERBOSE) console.warn(`${name}: ${numRuns} runs in ${Date.now() - startedAt} ms`);
    const crash = processDefects();
    if (!details.failed && !crash) return undefined;
    return [
      `${name}: ${details.failed ? `failed after ${details.numRuns} runs` : 'passed, but'}`,
      details.failed ? `  reproduce with FUZZ_SEED=${SEED} (property seed ${details.seed}, path "${details.counterexamplePath}")` : '',
      details.failed ? `  counterexample: ${JSON.stringify(details.counterexample).slice(0, 2_000)}` : '',
      details.failed ? `  ${details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance)}` : '',
      crash ?? '',
    ]
      .filter(Boolean)
      .join('\n');
  };

  beforeAll(async () => {
    assertFreshBuild();
    database = await createTestDatabase('mrc_fuzz', process.env.MRC_TEST_DATABASE_URL);
    api = await startApi({
      DATABASE_URL: database.url,
      NODE_ENV: 'production',
      // Only what goes wrong: a line at this level during a run is a defect.
      LOG_LEVEL: 'error',
      SEED_DEMO_USERS: 'true',
      REQUESTS_PER_MINUTE: '1000000',
      LOGIN_MAX_ATTEMPTS_PER_IP: '10000',
    });
    manager = await signInAt(api!.url, DEMO.admin);
    const db = new pg.Client({ connectionString: database.url });
    await db.connect();
    let records: Omit<FuzzPools['ids'], 'user'>;
    try {
      temirtau = (await db.query<{ id: string }>(`SELECT id FROM centre WHERE code = 'temirtau'`)).rows[0]!.id;
      const some = async (table: string, order: string, limit: number) => (await db.query<{ id: string }>(`SELECT id FROM ${table} ORDER BY ${order} LIMIT ${limit}`)).rows.map((row) => row.id);
      records = {
        centre: await some('centre', 'code', 6),
        clubType: await some('club_type', 'code', 4),
        club: await some('club', 'id', 6),
        program: await some('program', 'code', 3),
        programRun: await some('program_run', 'id', 4),
        space: await some('space', 'id', 3),
        equipmentItem: await some('equipment_item', 'id', 3),
        report: await some('activity_report', 'centre_id, period DESC', 8),
        rolloutItem: await some('rollout_item', 'id', 6),
      };
    } finally {
      await db.end();
    }
    for (const caller of CALLERS) await signIn(caller);

    const introspection = (await send({ query: getIntrospectionQuery() }, manager)).text;
    schema = buildClientSchema((JSON.parse(introspection) as { data: IntrospectionQuery }).data);

    // Accounts the fuzzer may change (deactivate, rename, reset): never the callers'.
    const victims: { id: string; email: string }[] = [];
    for (let n = 0; n < 3; n++) {
      const email = `fuzz-victim-${n}-${SEED}@mrc.test`;
      const created = await send(
        {
          query: 'mutation($input: CreateUserInput!) { createUser(input: $input) { user { id } } }',
          variables: { input: { email, displayName: `Victim ${n}`, role: 'ANALYST', centreId: null, password: 'Lantern-steppe-river-91' } },
        },
        manager,
      );
      const id = (JSON.parse(created.text) as { data?: { createUser: { user: { id: string } } } }).data?.createUser.user.id;
      if (!id) throw new Error(`Could not create an account to fuzz with: ${created.text}`);
      victims.push({ id, email });
    }
    pools = { ids: { ...records, user: victims.map((victim) => victim.id) }, emails: victims.map((victim) => victim.email) };
    for (const [kind, ids] of Object.entries(pools.ids)) if (ids.length === 0) throw new Error(`No ${kind} in the seeded database to fuzz with`);
  }, 120_000);

  afterAll(async () => {
    await stopApi(api).catch(() => undefined);
    await database?.close();
  });

  // Inputs that fuzzing once turned into failures, kept as fixed cases: each must stay a coded refusal
  // (or a success), with nothing logged as unexpected.
  it.each([
    ['a name cleared with null', 'mutation($input: UpdateMyPreferencesInput!) { updateMyPreferences(input: $input) { user { id } } }', { input: { displayName: null } }, 'displayName'],
    ['half a surrogate pair in a name', 'mutation($input: UpdateMyPreferencesInput!) { updateMyPreferences(input: $input) { user { id } } }', { input: { displayName: '\udfff\ud800' } }, 'displayName'],
    ['a NUL character in a name', 'mutation($input: UpdateMyPreferencesInput!) { updateMyPreferences(input: $input) { user { id } } }', { input: { displayName: 'a\u0000b' } }, 'displayName'],
    ['a language cleared with null', 'mutation($input: UpdateMyPreferencesInput!) { updateMyPreferences(input: $input) { user { id } } }', { input: { preferredLanguage: null } }, 'preferredLanguage'],
  ])('refuses %s at its field', async (_case, query, variables, field) => {
    outputMark = api!.output.length;
    const { status, text } = await send({ query, variables }, 'admin');
    expect(defectOf(status, text)).toBeUndefined();
    const error = (JSON.parse(text) as { errors: { extensions: { code: string; fields?: Record<string, string> } }[] }).errors[0]!;
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    expect(error.extensions.fields).toHaveProperty(field);
    expect(processDefects()).toBeUndefined();
  });

  it('takes an id in capitals as the same record (it once saved the record, then failed to find its centre)', async () => {
    outputMark = api!.output.length;
    const centre = pools.ids.centre[0]!;
    const { status, text } = await send(
      {
        query: 'mutation($input: CreateEquipmentItemInput!) { createEquipmentItem(input: $input) { equipmentItem { id centre { id } } } }',
        variables: { input: { centreId: centre.toUpperCase(), kind: 'CAMERA', names: { ru: 'Камера' }, quantity: 1 } },
      },
      'admin',
    );
    expect(defectOf(status, text)).toBeUndefined();
    expect(JSON.parse(text)).toMatchObject({ data: { createEquipmentItem: { equipmentItem: { centre: { id: centre } } } } });
    expect(processDefects()).toBeUndefined();
  });

  it('answers a body that is not JSON with a coded 400', async () => {
    for (const body of ['{"query": ', '""', '42', 'null']) {
      const response = await fetch(`${api!.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      const text = await response.text();
      expect(response.status).toBe(400);
      expect(defectOf(response.status, text)).toBeUndefined();
    }
  });

  it('answers every mutation, whatever its variables, with data or coded errors, never a 500', async () => {
    const mutations = Object.values(schema.getMutationType()!.getFields()).filter((field) => field.args.length > 0);
    expect(mutations.length).toBeGreaterThan(40);
    const failures: string[] = [];
    const outcomes = new Map<string, number>();
    for (const [index, mutation] of mutations.entries()) {
      const query = operationFor('mutation', mutation, schema);
      const property = fc.asyncProperty(variablesFor(mutation, pools), callerArbitrary, async (variables, caller) => {
        const { status, text } = await send({ query, variables }, caller);
        const defect = defectOf(status, text);
        if (defect) throw new Error(`${mutation.name} as ${caller}: ${defect}`);
        const code = (JSON.parse(text) as { errors?: { extensions: { code: string } }[] }).errors?.[0]?.extensions.code ?? 'OK';
        outcomes.set(code, (outcomes.get(code) ?? 0) + 1);
      });
      const failure = await check(mutation.name, property, RUNS_PER_MUTATION, SEED + index);
      if (failure) failures.push(failure);
      if (processDefects()?.startsWith('the API exited')) break;
    }
    if (failures.length > 0) throw new Error(`Seed ${SEED}:\n${failures.join('\n\n')}`);
    // Some changes went through: the fuzzer reached the services, not only the validation.
    expect(outcomes.get('OK') ?? 0).toBeGreaterThan(0);
    if (process.env.FUZZ_VERBOSE) console.warn(`${mutations.length} mutations × ${RUNS_PER_MUTATION} runs, seed ${SEED}: ${JSON.stringify(Object.fromEntries(outcomes))}`);
  }, 180_000);

  it('answers random documents with data or coded errors, never a 500', async () => {
    const outcomes = new Map<string, number>();
    let signOuts = 0;
    const property = fc.asyncProperty(documentFor(schema, pools), callerArbitrary, async (document, caller) => {
      const { status, text } = await send(document, caller);
      const defect = defectOf(status, text);
      if (defect) throw new Error(`as ${caller}: ${defect}\n${document.query}`);
      const code = (JSON.parse(text) as { errors?: { extensions: { code: string } }[] }).errors?.[0]?.extensions.code ?? 'OK';
      outcomes.set(code, (outcomes.get(code) ?? 0) + 1);
      // A document may sign its caller out: sign in again.
      if (caller !== 'anonymous' && /\blogout\b|refreshSession/.test(document.query)) {
        signOuts += 1;
        await signIn(caller);
      }
    });
    const failure = await check('random documents', property, DOCUMENT_RUNS, SEED);
    if (failure) throw new Error(`Seed ${SEED}:\n${failure}`);
    expect(outcomes.get('OK') ?? 0).toBeGreaterThan(0);
    if (process.env.FUZZ_VERBOSE) console.warn(`${DOCUMENT_RUNS} documents, seed ${SEED}, ${signOuts} signed in again: ${JSON.stringify(Object.fromEntries(outcomes))}`);
  }, 180_000);

  it('answers request bodies of any shape with a coded 400, never a 500', async () => {
    const body = fc.oneof(
      fc.jsonValue(),
      fc.record({ query: fc.jsonValue(), variables: fc.jsonValue(), operationName: fc.jsonValue() }, { requiredKeys: [] }),
      fc.record({ query: fc.constant('query($n: Int) { centres(first: $n) { totalCount } }'), variables: fc.jsonValue() }),
    );
    const property = fc.asyncProperty(body, callerArbitrary, async (payload, caller) => {
      const { status, text } = await send(payload, caller);
      const defect = defectOf(status, text);
      if (defect) throw new Error(`as ${caller}: ${defect}\n${JSON.stringify(payload).slice(0, 500)}`);
    });
    const failure = await check('request bodies', property, 100, SEED);
    if (failure) throw new Error(`Seed ${SEED}:\n${failure}`);
  }, 120_000);
});
