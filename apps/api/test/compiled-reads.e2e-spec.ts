import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { pino } from 'pino';
import { COMPILED_READS_APPLICATION_NAME, CompiledStatements } from '../src/graphql/compiled-reads/prepared-statements.js';
import { createAccount } from './factories/users.js';
import { createCentre } from './factories/network.js';
import { insertReport } from './factories/reports.js';
import { DEMO, startTestApp, type TestApp } from './utils/test-app.js';

/**
 * Compiled reads (src/graphql/compiled-reads/) answer the network's nested reads with one SQL
 * statement. They must answer exactly what the resolvers answer: two apps on one database, one
 * compiling and one not, are asked the same random documents over every compilable field (aliases,
 * fragments, languages, filters, orders, each role) and must give the same answer.
 */
describe('compiled reads', () => {
  let compiled: TestApp;
  let resolvers: TestApp;
  const callers: Record<string, Record<string, string>> = {};
  const periods = ['2026-03', '2026-04', '2026-05', '2026-10', '2026-13'];
  let parentId: string;

  beforeAll(async () => {
    // One secret: a token either app signs is good at both.
    const AUTH_SECRET = 'compiled-reads-suite-0123456789abcdef0123456789';
    // Aliases enough for an object of more fields than one SQL function call could build.
    const GRAPHQL_MAX_ALIASES = '100';
    compiled = await startTestApp({ AUTH_SECRET, GRAPHQL_MAX_ALIASES }, { ownDatabase: true });
    resolvers = await startTestApp({ AUTH_SECRET, GRAPHQL_MAX_ALIASES, COMPILED_READS: 'false' }, { sameDatabase: compiled });
    callers.admin = await compiled.signIn(DEMO.admin);
    callers.analyst = await compiled.signIn(DEMO.analyst);
    callers.coordinator = await compiled.signIn(DEMO.temirtau);
    callers.secondAdmin = await compiled.signIn(await createAccount(compiled, 'REGIONAL_ADMIN'));

    // Texts where SQL and JavaScript could part: blanks, whitespace JavaScript trims and btrim does
    // not by default, a missing language, quotes and control characters, a fraction in a float.
    const odd = await createCentre(compiled);
    parentId = await createCentre(compiled);
    await createCentre(compiled, { parentId });
    await createCentre(compiled, { closedOn: '2026-09-01' });
    const q = (sql: string, params: unknown[]) => compiled.dataSource.query(sql, params);
    await q(
      `UPDATE centre SET name_ru = $2, name_kk = $3, name_en = NULL, town_kk = $4, town_ru = '  ', address = $5, phone = '+7 (7212) 41-00-00',
         email = 'odd@mrc.test', latitude = 49.80123456789, longitude = 73.1 WHERE id = $1`,
      [odd, ' \t', '\u00a0Қарағанды «Жастар»\u3000', 'Теміртау\n', JSON.stringify({ kk: ' ', ru: 'ул. "Ерубаева", 1\t', en: null })],
    );
    const [type] = await q(`INSERT INTO club_type (code, name_kk, name_en, description) VALUES ('odd-type', ' Домбыра ', '', $1) RETURNING id`, [
      JSON.stringify({ en: 'Strings\u0001 and "quotes"' }),
    ]);
    await q(
      `INSERT INTO club (club_type_id, centre_id, status, started_on, closed_on, leader_name, schedule) VALUES
         ($1, $2, 'ACTIVE', '2025-09-01', NULL, 'Айгерім', $3), ($1, $2, 'CLOSED', '2024-01-10', '2025-06-30', NULL, NULL)`,
      [type.id, odd, JSON.stringify({ kk: 'Дс, Ср 18:00', ru: '' })],
    );
    // A type named in Kazakh and Russian only: English falls back to Russian first, then Kazakh.
    const [twoLanguages] = await q(`INSERT INTO club_type (code, name_kk, name_ru) VALUES ('two-languages', 'Шахмат', 'Шахматы') RETURNING id`, []);
    await q(`INSERT INTO club (club_type_id, centre_id, status, started_on) VALUES ($1, $2, 'ACTIVE', '2025-01-15')`, [twoLanguages.id, odd]);
    const reports = [
      { period: '2026-03', state: 'APPROVED', highlights: 'A "great" month\nwith a new line', comment: null },
      { period: '2026-04', state: 'RETURNED', highlights: null, comment: 'Check the "reach"' },
      { period: '2026-05', state: 'DRAFT', highlights: '\u0007 bell', comment: null },
    ] as const;
    for (const { period, state, highlights, comment } of reports) {
      const { id } = await insertReport(compiled, odd, { period, state });
      await q(`UPDATE activity_report SET highlights = $2, review_comment = $3, reached_total = CASE WHEN state = 'DRAFT' THEN NULL ELSE reached_total END WHERE id = $1`, [
        id,
        highlights,
        comment,
      ]);
    }
    // Reports at the seeded district centres too, so the network's lists carry some.
    for (const period of ['2026-04', '2026-05']) {
      const districts = await q(
        `SELECT id FROM centre c WHERE parent_id IS NOT NULL AND code <> 'temirtau' AND id <> $1 AND closed_on IS NULL
           AND NOT EXISTS (SELECT 1 FROM activity_report r WHERE r.centre_id = c.id AND r.period = $2)`,
        [odd, period],
      );
      for (const { id } of districts as { id: string }[]) await insertReport(compiled, id, { period, state: 'SUBMITTED' });
    }
  });
  afterAll(async () => {
    await resolvers?.close();
    await compiled?.close();
  });

  const NETWORK = `query($parentId: ID, $period: String!) {
    centres(first: 100, filter: { parentId: $parentId }) {
      totalCount
      nodes { id code name kind clubs { id status startedOn type { id code name } } report(period: $period) { id period state reachedTotal eventsHeld } }
    }
  }`;

  it('answers the nested network read with one statement (and the session check), where the resolvers send more', async () => {
    const variables = { period: '2026-05' };
    const fast = await compiled.graphql(NETWORK, variables, callers.admin);
    const slow = await resolvers.graphql(NETWORK, variables, callers.admin);
    expect(fast.body.errors).toBeUndefined();
    expect(fast.body).toEqual(slow.body);
    expect(fast.sqlStatements).toBeLessThanOrEqual(2);
    expect(slow.sqlStatements).toBeGreaterThan(3);
  });

  it('answers a question asked again and again the same, with other values too, once it is a prepared statement', async () => {
    // The third run of a shape names it (prepared-statements.ts), and PostgreSQL plans it once for
    // all values: the compiled reads' own pool asks for generic plans.
    for (let run = 0; run < 9; run++) {
      const variables = { period: run % 2 === 0 ? '2026-05' : '2026-04', ...(run % 3 === 0 ? {} : { parentId }) };
      const [fast, slow] = [await compiled.graphql(NETWORK, variables, callers.admin), await resolvers.graphql(NETWORK, variables, callers.admin)];
      expect(fast.body.errors).toBeUndefined();
      expect({ run, body: fast.body }).toEqual({ run, body: slow.body });
      expect(fast.sqlStatements).toBeLessThanOrEqual(2);
    }
    const onTheirPool = await compiled.dataSource.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()`, [COMPILED_READS_APPLICATION_NAME]);
    expect(onTheirPool[0].n).toBeGreaterThan(0);
  });

  it('plans compiled statements once on a pool of their own, and leaves TypeORM\'s statements planned with their values', async () => {
    const statements = CompiledStatements.beside(compiled.dataSource, pino({ level: 'silent' }));
    try {
      const setting = `SELECT current_setting('plan_cache_mode') AS mode`;
      expect(await statements.query(setting, [])).toEqual([{ mode: 'force_generic_plan' }]);
      expect(await compiled.dataSource.query(setting)).toEqual([{ mode: 'auto' }]);
    } finally {
      await statements.end();
    }
  });

  it('goes on with new connections when one of the compiled reads fails mid-statement', async () => {
    const statements = CompiledStatements.beside(compiled.dataSource, pino({ level: 'silent' }));
    const running = `FROM pg_stat_activity WHERE application_name = '${COMPILED_READS_APPLICATION_NAME}' AND query LIKE 'SELECT pg_sleep(30)%' AND state = 'active'`;
    try {
      const sleeping = statements.query(`SELECT pg_sleep(30) AS slept`, []);
      const refused = expect(sleeping).rejects.toThrow();
      for (let tries = 0; (await compiled.dataSource.query(`SELECT count(*)::int AS n ${running}`))[0].n === 0; tries++) {
        if (tries > 100) throw new Error('the statement never started');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await compiled.dataSource.query(`SELECT pg_terminate_backend(pid) ${running}`);
      await refused;
      expect(await statements.query(`SELECT current_setting('plan_cache_mode') AS mode`, [])).toEqual([{ mode: 'force_generic_plan' }]);
    } finally {
      await statements.end();
    }
  });

  it('compiles an object of more than 50 fields, more than json_build_object could take (100 arguments)', async () => {
    const many = Array.from({ length: 26 }, (_, index) => `c${index}: code n${index}: name`).join(' ');
    // With the clubs, the resolvers need a statement more than the compiled read.
    const query = `{ centres(first: 2) { nodes { ${many} clubs { id } } } }`;
    const [fast, slow] = [await compiled.graphql(query, {}, callers.admin), await resolvers.graphql(query, {}, callers.admin)];
    expect(fast.body.errors).toBeUndefined();
    expect(fast.body).toEqual(slow.body);
    expect(fast.sqlStatements).toBeLessThan(slow.sqlStatements);
  });

  it("steps aside where the resolvers decide per record: a coordinator reading others' reports gets FORBIDDEN for those", async () => {
    const variables = { period: '2026-05' };
    const fast = await compiled.graphql(NETWORK, variables, callers.coordinator);
    const slow = await resolvers.graphql(NETWORK, variables, callers.coordinator);
    expect(fast.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(fast.body).toEqual(slow.body);
  });

  it('leaves refused arguments to the resolvers and their BAD_USER_INPUT', async () => {
    for (const [document, variables] of [
      [NETWORK, { period: '2026-5' }],
      [NETWORK, { period: '2026-05', parentId: 'not-an-id' }],
      ['{ centres(first: 101) { nodes { id } } }', {}],
      ['{ centres(after: "nonsense") { nodes { id } } }', {}],
    ] as const) {
      const fast = await compiled.graphql(document, variables, callers.admin);
      const slow = await resolvers.graphql(document, variables, callers.admin);
      expect(fast.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(fast.body).toEqual(slow.body);
    }
  });

  it('gives the same answer as the resolvers with every compilable field, to each role in each language', async () => {
    const texts = (lang: string) => ['name', 'town', 'address'].map((field) => `${field}${lang}: ${field}${lang ? `(lang: ${lang.toUpperCase()})` : ''}`).join(' ');
    const every = (lang: string) => `${texts(lang)} id code kind phone email latitude longitude openedOn closedOn __typename
      clubs(includeClosed: true) { id status startedOn closedOn leaderName name${lang}: name${lang ? `(lang: ${lang.toUpperCase()})` : ''} schedule __typename
        type { id code closedOn name description(lang: ${lang ? lang.toUpperCase() : 'KK'}) __typename } }
      open: clubs { id }
      ${periods.map((period, index) => `r${index}: report(period: "${period}") { id period periodType state version eventsHeld reachedTotal highlights reviewComment __typename }`).join(' ')}`;
    for (const caller of ['admin', 'analyst', 'coordinator']) {
      for (const lang of ['', 'kk', 'ru', 'en']) {
        for (const acceptLanguage of ['kk', 'ru', 'en']) {
          // The coordinator's reports are the resolvers' to answer; the rest of the document is compiled.
          const shown = caller === 'coordinator' ? every(lang).replace(/r\d: report[^}]*}/g, '') : every(lang).replace(/r4: report[^}]*}/, '');
          const query = `{ centres(first: 100) { totalCount nodes { ${shown} } } }`;
          const headers = { ...callers[caller]!, 'accept-language': acceptLanguage };
          const [fast, slow] = [await compiled.graphql(query, {}, headers), await resolvers.graphql(query, {}, headers)];
          expect(fast.body.errors).toBeUndefined();
          expect({ caller, lang, acceptLanguage, body: fast.body }).toEqual({ caller, lang, acceptLanguage, body: slow.body });
          expect(fast.sqlStatements).toBeLessThanOrEqual(2);
        }
      }
    }
  });

  it('gives the same answer as the resolvers to random documents over every compilable field', async () => {
    const language = fc.constantFrom(undefined, 'KK', 'RU', 'EN');
    const field = (name: string, args = '') => fc.tuple(fc.option(fc.constantFrom('a', 'b', 'other'), { nil: undefined }), fc.constant(`${name}${args}`));
    const scalars = (names: string[]) => names.map((name) => field(name));
    const localised = (name: string) => language.chain((lang) => field(name, lang ? `(lang: ${lang})` : ''));
    const selection = (parts: fc.Arbitrary<[string | undefined, string]>[]) =>
      fc.subarray(parts, { minLength: 1 }).chain((chosen) => fc.tuple(...chosen)).map((fields) => {
        // One alias per response key: a key asked twice is merged by graphql-js, and left to it.
        const seen = new Set<string>();
        return fields
          .map(([alias, text]) => {
            const key = alias ? `${alias}${seen.size}` : text.split('(')[0]!.split(' ')[0]!;
            if (seen.has(key)) return '';
            seen.add(key);
            return alias ? `${key}: ${text}` : text;
          })
          .join(' ');
      });
    const clubType = selection([...scalars(['id', 'code', 'closedOn', '__typename']), localised('name'), localised('description')]);
    const club = clubType.chain((typeFields) =>
      selection([
        ...scalars(['id', 'status', 'startedOn', 'closedOn', 'leaderName', '__typename']),
        localised('name'),
        localised('schedule'),
        field(`type { ${typeFields} }`),
      ]),
    );
    const report = selection(scalars(['id', 'period', 'periodType', 'state', 'version', 'eventsHeld', 'reachedTotal', 'highlights', 'reviewComment', '__typename']));
    const centre = fc.tuple(club, report, fc.boolean(), fc.constantFrom(...periods)).chain(([clubFields, reportFields, includeClosed, period]) =>
      selection([
        ...scalars(['id', 'code', 'kind', 'phone', 'email', 'latitude', 'longitude', 'openedOn', 'closedOn', '__typename']),
        localised('name'),
        localised('town'),
        localised('address'),
        field(`clubs${includeClosed ? '(includeClosed: true)' : ''} { ${clubFields} }`),
        field(`report(period: "${period}") { ${reportFields} }`),
      ]),
    );
    const filter = fc.record(
      {
        parentId: fc.constant('$parent'),
        kinds: fc.subarray(['CITY', 'CITY_DISTRICT', 'RURAL_DISTRICT', 'REGIONAL'], { minLength: 1 }).map((kinds) => `[${kinds.join(', ')}]`),
        open: fc.boolean().map(String),
        search: fc.constantFrom('"а"', '"Test"', '"Қ"'),
      },
      { requiredKeys: [] },
    );
    const root = fc.record({
      centre,
      asFragment: fc.boolean(),
      totalCount: fc.boolean(),
      first: fc.option(fc.integer({ min: 1, max: 100 }), { nil: undefined }),
      filter: fc.option(filter, { nil: undefined }),
      orderBy: fc.option(fc.constantFrom('{ field: NAME, direction: DESC }', '{ field: CODE }', '{ field: CODE, direction: DESC }'), { nil: undefined }),
      caller: fc.constantFrom('admin', 'analyst', 'coordinator', 'secondAdmin'),
      acceptLanguage: fc.constantFrom(undefined, 'kk', 'ru', 'en-GB'),
    });

    let fewerStatements = 0;
    await fc.assert(
      fc.asyncProperty(root, async (doc) => {
        const args = [
          doc.first ? `first: ${doc.first}` : '',
          doc.filter ? `filter: { ${Object.entries(doc.filter).map(([key, value]) => `${key}: ${value}`).join(', ')} }` : '',
          doc.orderBy ? `orderBy: ${doc.orderBy}` : '',
        ].filter(Boolean);
        const nodes = doc.asFragment ? '...Shown' : doc.centre;
        const query = `query($parent: ID) { centres${args.length ? `(${args.join(', ')})` : ''} { ${doc.totalCount ? 'totalCount ' : ''}nodes { ${nodes} } } }${
          doc.asFragment ? ` fragment Shown on Centre { ${doc.centre} }` : ''
        }`;
        const headers = { ...callers[doc.caller]!, ...(doc.acceptLanguage ? { 'accept-language': doc.acceptLanguage } : {}) };
        const variables = { parent: parentId };
        const [fast, slow] = [await compiled.graphql(query, variables, headers), await resolvers.graphql(query, variables, headers)];
        expect({ query, status: fast.status, body: fast.body }).toEqual({ query, status: slow.status, body: slow.body });
        // Compiled unless the resolvers must decide: a coordinator's reports, a period the pipe refuses.
        const compiles = !(doc.caller === 'coordinator' && query.includes('report(')) && !query.includes('2026-13');
        if (compiles) expect({ query, atMostTwo: fast.sqlStatements <= 2 }).toEqual({ query, atMostTwo: true });
        if (fast.sqlStatements < slow.sqlStatements) fewerStatements += 1;
      }),
      { numRuns: 120 },
    );
    // The comparison means something only when the compiled path answered: most documents are nested.
    expect(fewerStatements).toBeGreaterThan(20);
  });
});
