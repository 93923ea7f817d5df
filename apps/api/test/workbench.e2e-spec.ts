import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { Kind, type OperationDefinitionNode, parse, specifiedRules, validate } from 'graphql';
import { DEMO, startTestApp, type TestApp } from './utils/test-app.js';

/**
 * The query workbench: its library of example queries (each file parses, is described in three
 * languages, is valid against the running schema and runs on the seed data as an analyst, so an
 * example that breaks fails the tests), the explorer page, and who may introspect the schema.
 */
const API_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const EXAMPLES = resolve(API_ROOT, 'src/workbench/examples');
const files = readdirSync(EXAMPLES).filter((name) => name.endsWith('.graphql')).sort();

const INTROSPECTION = '{ __schema { queryType { name } types { name } } }';

describe('the example library', () => {
  let api: TestApp;
  let analyst: Record<string, string>;
  beforeAll(async () => {
    api = await startTestApp();
    analyst = await api.signIn(DEMO.analyst);
  });
  afterAll(() => api.close());

  it('has examples', () => {
    expect(files.length).toBeGreaterThanOrEqual(4);
  });

  for (const file of files) {
    describe(file, () => {
      const text = readFileSync(resolve(EXAMPLES, file), 'utf8');

      it('opens with its title and description in Kazakh, Russian and English, then one named query that runs as it is', () => {
        const header = text.split('\n').slice(0, 6);
        for (const kind of ['title', 'description']) {
          for (const language of ['en', 'ru', 'kk']) {
            expect(header.filter((line) => new RegExp(`^# ${kind}\\.${language}: \\S`).test(line))).toHaveLength(1);
          }
        }
        const document = parse(text);
        const operations = document.definitions.filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION);
        expect(operations).toHaveLength(1);
        expect(operations[0]!.name?.value).toMatch(/^[A-Z]\w+$/);
        expect(operations[0]!.operation).toBe('query');
        const needValues = (operations[0]!.variableDefinitions ?? []).filter((definition) => definition.type.kind === Kind.NON_NULL_TYPE && !definition.defaultValue);
        expect(needValues.map((definition) => definition.variable.name.value)).toEqual([]);
      });

      it('is valid against the running schema', () => {
        const errors = validate(api.app.get(GraphQLSchemaHost).schema, parse(text), specifiedRules);
        expect(errors.map((error) => error.message)).toEqual([]);
      });

      it('runs on the seed data as an analyst, without errors', async () => {
        const { status, body } = await api.graphql(text, {}, analyst);
        expect(body.errors).toBeUndefined();
        expect(status).toBe(200);
        expect(body.data).toBeTruthy();
      });
    });
  }

  it('workbenchExamples lists every file, in the caller\'s language or the one asked for', async () => {
    const { body } = await api.graphql<{ workbenchExamples: { id: string; title: string; description: string; english: string; document: string }[] }>(
      '{ workbenchExamples { id title description english: title(lang: EN) document } }',
      {},
      { ...analyst, 'accept-language': 'kk' },
    );
    expect(body.errors).toBeUndefined();
    const examples = body.data!.workbenchExamples;
    expect(examples.map((example) => `${example.id}.graphql`)).toEqual(files);
    for (const example of examples) {
      const text = readFileSync(resolve(EXAMPLES, `${example.id}.graphql`), 'utf8');
      expect(text).toContain(`# title.kk: ${example.title}\n`);
      expect(text).toContain(`# description.kk: ${example.description}\n`);
      expect(text).toContain(`# title.en: ${example.english}\n`);
      expect(example.document).toBe(text);
    }
  });

  it('workbenchExamples is for signed-in users: every role, and no one anonymous', async () => {
    for (const account of [DEMO.admin, DEMO.temirtau]) {
      const { body } = await api.graphql('{ workbenchExamples { id } }', {}, await api.signIn(account));
      expect(body.errors).toBeUndefined();
    }
    const { body } = await api.graphql('{ workbenchExamples { id } }');
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('the build copies the examples next to its JavaScript (node dist/main.js reads them there)', () => {
    // `pnpm test` builds first; a bare jest run on a tree never built has nothing to compare.
    const built = resolve(API_ROOT, 'dist/workbench/examples');
    if (!existsSync(resolve(API_ROOT, 'dist/main.js'))) return;
    expect(readdirSync(built).filter((name) => name.endsWith('.graphql')).sort()).toEqual(files);
  });
});

describe('the explorer and introspection', () => {
  describe('in development and tests', () => {
    let api: TestApp;
    beforeAll(async () => {
      api = await startTestApp();
    });
    afterAll(() => api.close());

    it('lets anyone introspect (tools and tests rely on it)', async () => {
      const { body } = await api.graphql<{ __schema: { queryType: { name: string } } }>(INTROSPECTION);
      expect(body.errors).toBeUndefined();
      expect(body.data?.__schema.queryType.name).toBe('Query');
    });

    it('serves the explorer to a browser without a session', async () => {
      const response = await fetch(`${api.url}/graphql`, { headers: { accept: 'text/html' } });
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('renderYogaGraphiQL');
    });
  });

  describe('in production', () => {
    let api: TestApp;
    beforeAll(async () => {
      api = await startTestApp({ NODE_ENV: 'production' });
    });
    afterAll(() => api.close());

    it('refuses introspection to anonymous callers: UNAUTHENTICATED, saying to sign in', async () => {
      for (const query of [INTROSPECTION, '{ __type(name: "Centre") { name fields { name } } }', 'query Q { centres { totalCount } ...Schema } fragment Schema on Query { __schema { types { name } } }']) {
        const { status, body } = await api.graphql(query);
        expect(status).toBe(401);
        expect(body.data).toBeUndefined();
        expect(body.errors?.[0]).toMatchObject({ message: expect.stringMatching(/Sign in/), extensions: { code: 'UNAUTHENTICATED' } });
      }
    });

    it('lets signed-in callers introspect, every role', async () => {
      for (const account of [DEMO.analyst, DEMO.temirtau]) {
        const { body } = await api.graphql<{ __schema: { types: { name: string }[] } }>(INTROSPECTION, {}, await api.signIn(account));
        expect(body.errors).toBeUndefined();
        expect(body.data?.__schema.types.map((type) => type.name)).toContain('SavedQuery');
      }
    });

    it('still answers anonymous sign-in and __typename, and suggests no field names', async () => {
      const typename = await api.graphql<{ __typename: string }>('{ __typename }');
      expect(typename.body.data?.__typename).toBe('Query');
      const login = await api.graphql('mutation($input: LoginInput!) { login(input: $input) { accessToken } }', { input: DEMO.analyst });
      expect(login.body.errors).toBeUndefined();
      const typo = await api.graphql('{ centres { nodes { nam } } }');
      expect(typo.body.errors?.[0]?.message).toMatch(/Cannot query field/);
      expect(JSON.stringify(typo.body.errors)).not.toMatch(/Did you mean/);
    });

    it('shows a browser without a session the sign-in page in Kazakh, Russian and English, not the explorer', async () => {
      const response = await fetch(`${api.url}/graphql`, { headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      const html = await response.text();
      expect(html).toContain('Алдымен тақтаға кіріңіз');
      expect(html).toContain('Сначала войдите в панель');
      expect(html).toContain('Sign in on the dashboard first');
      expect(html).toContain('href="/sign-in"');
      expect(html).not.toContain('renderYogaGraphiQL');
    });

    it('serves the explorer to a browser with the dashboard\'s session: self-contained, signing in, docs open, examples offered', async () => {
      const login = await fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: 'mutation($input: LoginInput!) { login(input: $input) { accessToken } }', variables: { input: DEMO.analyst } }),
      });
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
      expect(cookie).toMatch(/^mrc_refresh=/);

      const response = await fetch(`${api.url}/graphql`, { headers: { accept: 'text/html', cookie } });
      expect(response.status).toBe(200);
      const html = await response.text();
      // Nothing from elsewhere: no CDN is reachable from the users' offices.
      expect(html).not.toMatch(/<(script|link)[^>]+(src|href)="(https?:)?\/\//);
      expect(html).toContain('refreshSession');
      expect(html).toContain('Documentation Explorer');
      expect(html).toContain('workbenchExamples');
      // Its scripts compile (a syntax error would leave a blank page).
      const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((match) => match[1]!);
      expect(scripts).toHaveLength(2);
      for (const script of scripts) expect(() => new Script(script)).not.toThrow();

      // What the page does first: trade the cookie for a token, then read the library with it.
      const refresh = await fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify({ query: 'mutation ExplorerSession { refreshSession { accessToken accessTokenExpiresAt } }' }),
      });
      const token = ((await refresh.json()) as { data: { refreshSession: { accessToken: string } } }).data.refreshSession.accessToken;
      const examples = await api.graphql<{ workbenchExamples: unknown[] }>('{ workbenchExamples { id title } }', {}, { authorization: `Bearer ${token}` });
      expect(examples.body.data?.workbenchExamples).toHaveLength(files.length);
    });

    it('leaves GraphQL requests to /graphql alone (JSON GET, POST)', async () => {
      const get = await fetch(`${api.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, { headers: { accept: 'application/json', 'apollo-require-preflight': 'true' } });
      expect(((await get.json()) as { data: { __typename: string } }).data.__typename).toBe('Query');
    });
  });
});
