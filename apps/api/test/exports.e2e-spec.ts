import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parse as parseSync } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { TestApp } from './utils/test-app.js';
import { loadInProductionMode } from './utils/graphql-production-mode.js';

/**
 * POST /exports: lists as CSV and XLSX, streamed page by page through the real GraphQL server under
 * the caller's permissions. The large export runs on a database of its own (100,000 audit entries
 * would disturb every other suite's counts).
 */
interface ErrorBody {
  errors?: { message: string; extensions?: Record<string, unknown> & { code?: string } }[];
}

const ROWS = Number(process.env.EXPORT_TEST_ROWS ?? 100_000);

// The app (and with it graphql-js) is loaded here, in production mode: see the helper for why.
const { DEMO, startTestApp } = await loadInProductionMode(() => import('./utils/test-app.js'));
const { centreId, createAccount } = await import('./factories/users.js');
/** The entity type of the generated entries: only they match the export's filter. */
const BULK_TYPE = 'ExportBulk';
/** Texts that must survive the trip: Kazakh and Russian letters, a quote, a comma and a line break. */
const KAZAKH = 'Қарағанды облысы — жастар орталығы: ұйымдастыру, өңір';
const RUSSIAN = 'Молодёжный центр «Жастар», ул. Ерубаева, "офис 5"\nвторой этаж';

async function exportFile(api: TestApp, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${api.url}/exports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/**
 * Reads a CSV response as it arrives and parses it back with csv-parse, a batch of complete records
 * at a time (its synchronous parser: the streaming one costs several times more under Jest), so the
 * rows are counted and checked without holding the file. A record ends at a line break outside
 * quotes; doubled quotes inside a field flip the state twice and leave it as it was.
 */
async function readCsv(response: Response, onRecord: (record: string[], index: number) => void): Promise<{ header: string[]; rows: number; bom: boolean; firstByteAt: number }> {
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  let firstByteAt = 0;
  let pending = '';
  let header: string[] = [];
  let rows = 0;
  let bom: boolean | undefined;
  const take = (text: string) => {
    for (const record of parseSync(text, { bom: true, record_delimiter: '\r\n' }) as string[][]) {
      if (header.length === 0) header = record;
      else onRecord(record, rows++);
    }
  };
  for await (const chunk of Readable.fromWeb(response.body as import('node:stream/web').ReadableStream<Uint8Array>)) {
    const bytes = chunk as Uint8Array;
    firstByteAt ||= Date.now();
    bom ??= bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    pending += decoder.decode(bytes, { stream: true });
    if (pending.length < 1 << 20) continue;
    let inQuotes = false;
    let end = -1;
    for (let i = 0; i < pending.length; i++) {
      const char = pending.charCodeAt(i);
      if (char === 34) inQuotes = !inQuotes;
      else if (char === 10 && !inQuotes) end = i + 1;
    }
    if (end > 0) {
      take(pending.slice(0, end));
      pending = pending.slice(end);
    }
  }
  pending += decoder.decode();
  if (pending) take(pending);
  return { header, rows, bom: bom === true, firstByteAt };
}

/** Peak resident memory of this process (the API runs in it) while `work` runs, sampled every 20 ms. */
async function peakMemoryDuring<T>(work: () => Promise<T>): Promise<{ result: T; baseline: number; peak: number }> {
  global.gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  try {
    const result = await work();
    return { result, baseline, peak: Math.max(peak, process.memoryUsage().rss) };
  } finally {
    clearInterval(timer);
  }
}

describe('exports', () => {
  let api: TestApp;
  let admin: Record<string, string>;
  let analyst: Record<string, string>;
  let temirtau: string;

  beforeAll(async () => {
    api = await startTestApp({}, { ownDatabase: true });
    admin = await api.signIn(DEMO.admin);
    analyst = await api.signIn(DEMO.analyst);
    temirtau = await centreId(api, 'temirtau');
  });
  afterAll(() => api.close());

  describe('a 100,000-row CSV', () => {
    const query = `
      query BulkAudit($type: String!, $first: Int = 10) {
        auditEntries(first: $first, filter: { entityType: $type }) {
          totalCount
          nodes { id occurredAt action requestId centre { code } }
        }
      }`;

    beforeAll(async () => {
      // Made by SQL in one statement: the generate_series numbers are the entries' order too.
      await api.dataSource.query(
        `INSERT INTO audit_entry (occurred_at, action, entity_type, centre_id, changes, request_id)
         SELECT timestamptz '2026-01-01T00:00:00Z' + make_interval(secs => i), 'BULK_' || (i % 7), $1, $2,
                jsonb_build_array(jsonb_build_object('field', 'note', 'before', null, 'after', i), jsonb_build_object('field', 'name', 'before', null, 'after', 'x')),
                CASE WHEN i % 1000 = 0 THEN $3 ELSE $4 || i END
         FROM generate_series(1, $5) AS i`,
        [BULK_TYPE, temirtau, RUSSIAN, `${KAZAKH} `, ROWS],
      );
      // What autovacuum would soon do: with the statistics of the table before the insert, the
      // planner sorts all 100,000 entries for every page (80 ms a page) instead of walking the index.
      await api.dataSource.query('ANALYZE audit_entry');
    }, 60_000);

    it('streams every row with flat memory and parses back: header, count, Cyrillic and Kazakh text', async () => {
      const started = Date.now();
      const cpuBefore = process.cpuUsage();
      const { result, baseline, peak } = await peakMemoryDuring(async () => {
        const response = await exportFile(api, { format: 'csv', query, variables: { type: BULK_TYPE } }, admin);
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
        expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="auditEntries-\d{4}-\d{2}-\d{2}\.csv"$/);
        // Counted here and checked after: an expect() per row would cost more than the export.
        const seen = { russian: 0, kazakh: 0, first: '', last: '', otherShape: 0 };
        const parsed = await readCsv(response, (record, index) => {
          if (record[3] === RUSSIAN) seen.russian++;
          else if (record[3]?.startsWith(`${KAZAKH} `)) seen.kazakh++;
          if (record.length !== 5 || record[4] !== 'temirtau' || !/^BULK_[0-6]$/.test(record[2]!)) seen.otherShape++;
          if (index === 0) seen.first = record[1]!;
          seen.last = record[1]!;
        });
        return { parsed, seen };
      });
      const seconds = (Date.now() - started) / 1000;
      const cpu = process.cpuUsage(cpuBefore);
      const { parsed, seen } = result;
      expect(parsed.bom).toBe(true);
      expect(parsed.header).toEqual(['id', 'occurredAt', 'action', 'requestId', 'centre.code']);
      expect(parsed.rows).toBe(ROWS);
      expect(seen.russian).toBe(ROWS / 1000);
      expect(seen.kazakh).toBe(ROWS - ROWS / 1000);
      expect(seen.otherShape).toBe(0);
      // Streamed: the first bytes came long before the last (a server building the file first would
      // send it all at the end).
      const firstByteMs = parsed.firstByteAt - started;
      expect(firstByteMs).toBeLessThan((seconds * 1000) / 4);
      // Newest first: the first row is the last entry made, the last row the first.
      expect(seen.first).toBe(new Date(Date.UTC(2026, 0, 1) + ROWS * 1000).toISOString());
      expect(seen.last).toBe('2026-01-01T00:00:01.000Z');
      // Memory is logged, not asserted: this process also reads and parses the file, and garbage
      // waits for the collector. The API's own figures, 10,000 against 100,000 rows after a full
      // collection, come from scripts/export-memory.mjs.
      const growthMb = (peak - baseline) / 2 ** 20;
      // Shown with the test's output: the figures are the point of this test.
      console.warn(`CSV export of ${ROWS} rows: ${seconds.toFixed(1)} s, first bytes after ${firstByteMs} ms (CPU of this process, server and reader: ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s), resident memory ${Math.round(baseline / 2 ** 20)} MB → peak ${Math.round(peak / 2 ** 20)} MB (+${growthMb.toFixed(0)} MB)`);
      // About 18 s of CPU (server and reader in this process): some 25 s on an idle 2-core machine.
      // The limit leaves room for a machine busy with other suites.
    }, 180_000);
  });

  it('writes XLSX with a bold frozen header and typed cells: numbers, booleans, dates, text', async () => {
    const query = `{
      reports(first: 3, filter: { centreId: "${temirtau}" }) {
        nodes { period eventsHeld reachedTotal onTime deadline firstSubmittedAt state centre { name(lang: KK) } reach { count } }
      }
    }`;
    const graphql = await api.graphql<{ reports: { totalCount: number } }>(`{ reports(filter: { centreId: "${temirtau}" }) { totalCount } }`, {}, admin);
    const response = await exportFile(api, { format: 'xlsx', query }, admin);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="reports-\d{4}-\d{2}-\d{2}\.xlsx"$/);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('reports')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const header = sheet.getRow(1);
    expect(header.values).toEqual([undefined, 'period', 'eventsHeld', 'reachedTotal', 'onTime', 'deadline', 'firstSubmittedAt', 'state', 'centre.name', 'reach.count']);
    expect(header.getCell(1).font?.bold).toBe(true);
    expect(sheet.rowCount - 1).toBe(graphql.body.data!.reports.totalCount);
    expect(sheet.rowCount - 1).toBeGreaterThan(3);

    const submitted = sheet.getRows(2, sheet.rowCount - 1)!.find((row) => row.getCell(6).value !== null)!;
    expect(submitted).toBeDefined();
    expect(typeof submitted.getCell(1).value).toBe('string');
    expect(typeof submitted.getCell(2).value).toBe('number');
    expect(typeof submitted.getCell(3).value).toBe('number');
    expect(typeof submitted.getCell(4).value).toBe('boolean');
    expect(submitted.getCell(5).value).toBeInstanceOf(Date);
    expect(submitted.getCell(5).numFmt).toBe('yyyy-mm-dd');
    expect(submitted.getCell(6).value).toBeInstanceOf(Date);
    expect(submitted.getCell(8).value).toBe('Теміртау қаласы');
    expect(String(submitted.getCell(9).value)).toMatch(/^\d+(; \d+){5}$/);
    // The deadline of a period is a plain day: the 5th of the month after it.
    const [year, month] = String(submitted.getCell(1).value).split('-').map(Number) as [number, number];
    expect((submitted.getCell(5).value as Date).toISOString().slice(0, 10)).toBe(new Date(Date.UTC(year, month, 5)).toISOString().slice(0, 10));
  });

  describe('permissions, as on /graphql', () => {
    it('a coordinator exporting reports gets only their own centre\'s', async () => {
      const coordinator = await api.signIn(DEMO.temirtau);
      const ownCount = await api.graphql<{ reports: { totalCount: number } }>('{ reports { totalCount } }', {}, coordinator);
      const allCount = await api.graphql<{ reports: { totalCount: number } }>('{ reports { totalCount } }', {}, admin);
      expect(ownCount.body.data!.reports.totalCount).toBeLessThan(allCount.body.data!.reports.totalCount);

      const response = await exportFile(api, { format: 'csv', query: '{ reports { nodes { id centre { code } } } }' }, coordinator);
      expect(response.status).toBe(200);
      const centres = new Set<string>();
      const { header, rows } = await readCsv(response, (record) => centres.add(record[1]!));
      expect(header).toEqual(['id', 'centre.code']);
      expect(rows).toBe(ownCount.body.data!.reports.totalCount);
      expect([...centres]).toEqual(['temirtau']);
    });

    it('an anonymous caller hears 401 UNAUTHENTICATED, as JSON', async () => {
      const response = await exportFile(api, { format: 'csv', query: '{ centres { nodes { code } } }' });
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      const body = (await response.json()) as ErrorBody;
      expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('a token that no longer holds hears 401 with "session has ended"', async () => {
      const response = await exportFile(api, { format: 'csv', query: '{ centres { nodes { code } } }' }, { authorization: 'Bearer not-a-token' });
      expect(response.status).toBe(401);
      const body = (await response.json()) as ErrorBody;
      expect(body.errors?.[0]).toMatchObject({ message: expect.stringMatching(/session has ended/), extensions: { code: 'UNAUTHENTICATED' } });
    });

    it('an analyst exporting users hears 403 FORBIDDEN, as JSON', async () => {
      const response = await exportFile(api, { format: 'xlsx', query: '{ users { nodes { email } } }' }, analyst);
      expect(response.status).toBe(403);
      const body = (await response.json()) as ErrorBody;
      expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });
  });

  describe('refusals before the first byte are JSON with 400, never a 500', () => {
    const cases: [string, string | Record<string, unknown>, RegExp][] = [
      ['a body that is not JSON', '{"format": "csv", "query": ', /JSON/],
      ['an unknown format', { format: 'pdf', query: '{ centres { nodes { code } } }' }, /format/],
      ['no query', { format: 'csv' }, /query/],
      ['variables that are not an object', { format: 'csv', query: '{ centres { nodes { code } } }', variables: [1] }, /variables/],
      ['a query that does not parse', { format: 'csv', query: '{ centres { nodes { code }' }, /Syntax Error/],
      ['a query not valid against the schema', { format: 'csv', query: '{ centres { nodes { colour } } }' }, /Cannot query field "colour"/],
      ['a root field that is not a list', { format: 'csv', query: '{ me { email } }' }, /me is not a list that exports\. Export one of: .*auditEntries.*centres.*clubs.*programs.*reports.*rolloutItems/],
      ['two root fields', { format: 'csv', query: '{ centres { nodes { code } } clubs { nodes { id } } }' }, /exactly one list/],
      ['a mutation', { format: 'csv', query: 'mutation { logout { ok } }' }, /queries only/],
      ['no row fields', { format: 'csv', query: '{ centres { totalCount } }' }, /nodes/],
      ['a first page refused by the resolver (a bad filter value)', { format: 'csv', query: '{ reports(filter: { periodFrom: "2026-13" }) { nodes { id } } }' }, /periodFrom|period/],
      ['variables of the wrong type', { format: 'csv', query: 'query($id: ID!) { clubs(filter: { centreId: $id }) { nodes { id } } }', variables: { id: 5.5 } }, /\$id/],
    ];
    for (const [name, body, message] of cases) {
      it(`${name}: 400 BAD_USER_INPUT`, async () => {
        const response = await exportFile(api, body, admin);
        const answer = (await response.json()) as ErrorBody;
        expect({ status: response.status, code: answer.errors?.[0]?.extensions?.code }).toEqual({ status: 400, code: 'BAD_USER_INPUT' });
        expect(answer.errors?.map((error) => error.message).join(' ')).toMatch(message);
      });
    }
  });

  it('takes every page whatever `first` and `after` the document gives, and joins lists of scalars', async () => {
    const count = await api.graphql<{ centres: { totalCount: number } }>('{ centres { totalCount } }', {}, admin);
    const response = await exportFile(
      api,
      { format: 'csv', query: 'query Centres($n: Int!, $after: String) { centres(first: $n, after: $after) { edges { node { code kind names { ru kk } } } } }', variables: { n: 2, after: 'junk' } },
      admin,
    );
    expect(response.status).toBe(200);
    const codes: string[] = [];
    const { header, rows } = await readCsv(response, (record) => codes.push(record[0]!));
    expect(header).toEqual(['code', 'kind', 'names.ru', 'names.kk']);
    expect(rows).toBe(count.body.data!.centres.totalCount);
    expect(new Set(codes).size).toBe(rows);
  });

  it('aborts the download when a later page fails, so a short file is never taken for a whole one', async () => {
    // The oldest entry has a change that is not an object: listing it fails (newest first, so on
    // page 21, when some 100 KB of the file have gone out). Failed pages are never cached.
    await api.dataSource.query(
      `INSERT INTO audit_entry (occurred_at, action, entity_type, changes)
       SELECT timestamptz '2026-02-01T00:00:00Z' + make_interval(secs => i), 'BROKEN', 'ExportBroken', '[]'::jsonb FROM generate_series(1, 2000) AS i
       UNION ALL SELECT timestamptz '2020-01-01T00:00:00Z', 'BROKEN', 'ExportBroken', '[null]'::jsonb`,
    );
    const query = '{ auditEntries(filter: { entityType: "ExportBroken" }) { nodes { id occurredAt action } } }';
    // Cut: the connection ends without the response's last chunk (or, should the file still have
    // been held back in its buffers, before the headers).
    const download = (format: string) =>
      exportFile(api, { format, query }, admin).then(
        (response) => response.arrayBuffer().then(() => `whole (${response.status})`, () => 'cut'),
        () => 'cut',
      );
    expect(await download('csv')).toBe('cut');
    expect(await download('xlsx')).toBe('cut');
    // The server goes on serving.
    const after = await exportFile(api, { format: 'csv', query: '{ centres(first: 1) { nodes { code } } }' }, admin);
    expect(after.status).toBe(200);
  });

  it('counts against the per-user request rate like /graphql: RATE_LIMITED with 429 and Retry-After', async () => {
    const limited = await startTestApp({ REQUESTS_PER_MINUTE: '3' });
    try {
      const account = await createAccount(limited, 'ANALYST');
      const headers = await limited.signIn(account);
      const statuses: number[] = [];
      let last: Response | undefined;
      for (let attempt = 0; attempt < 4; attempt++) {
        last = await exportFile(limited, { format: 'csv', query: '{ centres(first: 1) { nodes { code } } }' }, headers);
        statuses.push(last.status);
        if (last.status === 200) await last.arrayBuffer();
      }
      expect(statuses).toEqual([200, 200, 200, 429]);
      expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(((await last!.json()) as ErrorBody).errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    } finally {
      await limited.close();
    }
  });
});
