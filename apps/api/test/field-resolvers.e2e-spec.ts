import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import type { GraphQLObjectType, GraphQLResolveInfo } from 'graphql';
import { DEMO, startTestApp, type TestApp } from './utils/test-app.js';

/**
 * Field resolvers asked of every row of a long list (a centre's name on each row of an analytics
 * table) are called straight from graphql-js when their parameters allow it
 * (patches/@nestjs__graphql@14.0.3.patch): Nest's usual path made each call async and held about
 * 8 kB per row until the list was done, and a national table of 98,000 rows with names ran the API
 * out of heap. Arguments other than enums, and custom parameter decorators, keep Nest's path.
 * Compiled reads are off here: the resolvers answer every field.
 */
describe('field resolvers asked of every row', () => {
  let api: TestApp;
  let centre: GraphQLObjectType;
  beforeAll(async () => {
    api = await startTestApp({ COMPILED_READS: 'false' });
    centre = api.app.get(GraphQLSchemaHost).schema.getType('Centre') as GraphQLObjectType;
  });
  afterAll(() => api.close());

  const infoOf = (type: GraphQLObjectType, fieldName: string) => ({ parentType: type, fieldName }) as GraphQLResolveInfo;
  const karaganda = { id: 'a', parentId: null, names: { kk: 'Қарағанды', ru: 'Караганда', en: 'Karaganda' } };

  it('answers a centre\'s name synchronously, in the language asked or the caller\'s', () => {
    const resolve = centre.getFields()['name']!.resolve!;
    expect(resolve(karaganda, { lang: 'kk' }, { language: 'en' }, infoOf(centre, 'name'))).toBe('Қарағанды');
    expect(resolve(karaganda, {}, { language: 'ru' }, infoOf(centre, 'name'))).toBe('Караганда');
  });

  it('answers a field without arguments synchronously too (a regional centre has no parent)', () => {
    expect(centre.getFields()['parent']!.resolve!(karaganda, {}, {}, infoOf(centre, 'parent'))).toBeNull();
  });

  it('answers a failure as a rejected promise, as Nest does: thrown, it would leave the promises of a list\'s earlier rows unhandled', async () => {
    const answer = centre.getFields()['name']!.resolve!({ id: 'b', names: undefined }, {}, { language: 'ru' }, infoOf(centre, 'name'));
    expect(answer).toBeInstanceOf(Promise);
    await expect(answer).rejects.toThrow(TypeError);
  });

  it('keeps Nest\'s path for a custom parameter decorator (the caller, @CurrentActor)', async () => {
    const item = api.app.get(GraphQLSchemaHost).schema.getType('RolloutItem') as GraphQLObjectType;
    const answer = item.getFields()['allowedActions']!.resolve!({ id: 'c' }, {}, { actor: null }, infoOf(item, 'allowedActions'));
    expect(answer).toBeInstanceOf(Promise);
    await expect(answer).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('answers a list of centres with their names and parents in each language over HTTP', async () => {
    const caller = await api.signIn(DEMO.analyst);
    const query = `query Names($lang: Language) { centres(first: 100) { nodes { code name(lang: $lang) inCallerLanguage: name parent { code name } } } }`;
    for (const [lang, header] of [['KK', 'ru'], [null, 'en']] as const) {
      const { body } = await api.graphql<{ centres: { nodes: { code: string; name: string; inCallerLanguage: string; parent: { code: string; name: string } | null }[] } }>(
        query,
        { lang },
        { ...caller, 'accept-language': header },
      );
      expect(body.errors).toBeUndefined();
      const nodes = body.data!.centres.nodes;
      // The seeded centres, named in all three languages (no fallback to another language).
      const rows = (await api.dataSource.query(
        `SELECT code, name_kk, name_ru, name_en FROM centre WHERE btrim(name_kk) <> '' AND btrim(name_ru) <> '' AND btrim(name_en) <> ''`,
      )) as { code: string; name_kk: string; name_ru: string; name_en: string }[];
      const named = nodes.filter((node) => rows.some((row) => row.code === node.code));
      expect(named.length).toBeGreaterThanOrEqual(15);
      for (const node of named) {
        const row = rows.find((candidate) => candidate.code === node.code)!;
        expect(node.name).toBe((lang === 'KK' ? row.name_kk : row.name_en).trim());
        expect(node.inCallerLanguage).toBe((header === 'ru' ? row.name_ru : row.name_en).trim());
      }
      expect(nodes.filter((node) => node.parent === null).map((node) => node.code)).toEqual(['karaganda-region']);
    }
  });
});
