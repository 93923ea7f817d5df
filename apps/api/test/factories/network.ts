import type { TestApp } from '../utils/test-app.js';
import { centreId } from './users.js';

/**
 * Network records written straight into the test database: the state a test starts from, not the
 * thing it tests (that goes through the API). Codes are unique per call so tests never collide.
 */
let serial = 0;
const unique = (prefix: string) => `${prefix}-${process.pid}-${++serial}`;

async function insert(api: TestApp, sql: string, params: unknown[]): Promise<string> {
  const rows = await api.dataSource.query<{ id: string }[]>(`${sql} RETURNING id`, params);
  return rows[0]!.id;
}

/** A district centre under the regional centre (or under `parentId`), open unless `closedOn` is given. */
export async function createCentre(api: TestApp, options: { closedOn?: string; parentId?: string } = {}): Promise<string> {
  const code = unique('centre');
  return insert(
    api,
    `INSERT INTO centre (code, kind, parent_id, name_ru, name_en, opened_on, closed_on) VALUES ($1, 'RURAL_DISTRICT', $2, $3, $3, '2020-01-01', $4)`,
    [code, options.parentId ?? (await centreId(api, 'karaganda-region')), `Test centre ${code}`, options.closedOn ?? null],
  );
}

export async function createClubType(api: TestApp, options: { closedOn?: string } = {}): Promise<string> {
  const code = unique('type');
  return insert(api, `INSERT INTO club_type (code, name_ru, name_en, closed_on) VALUES ($1, $2, $2, $3)`, [code, `Test club ${code}`, options.closedOn ?? null]);
}

/** A club of a fresh type at a centre: ACTIVE, or CLOSED with `closed`. */
export async function createClub(api: TestApp, centre: string, options: { closed?: boolean } = {}): Promise<string> {
  return insert(
    api,
    `INSERT INTO club (club_type_id, centre_id, status, started_on, closed_on) VALUES ($1, $2, $3, '2026-01-15', $4)`,
    [await createClubType(api), centre, options.closed ? 'CLOSED' : 'ACTIVE', options.closed ? '2026-06-01' : null],
  );
}

export async function createSpace(api: TestApp, centre: string, options: { closed?: boolean } = {}): Promise<string> {
  return insert(api, `INSERT INTO space (centre_id, kind, name_ru, capacity, closed_on) VALUES ($1, 'COWORKING', 'Тестовый коворкинг', 12, $2)`, [
    centre,
    options.closed ? '2026-06-01' : null,
  ]);
}

export async function createEquipmentItem(api: TestApp, centre: string, options: { closed?: boolean } = {}): Promise<string> {
  return insert(api, `INSERT INTO equipment_item (centre_id, kind, name_ru, quantity, closed_on) VALUES ($1, 'CAMERA', 'Тестовая камера', 2, $2)`, [
    centre,
    options.closed ? '2026-06-01' : null,
  ]);
}

export async function createProgram(api: TestApp, options: { closedOn?: string } = {}): Promise<string> {
  const code = unique('program');
  return insert(api, `INSERT INTO program (code, kind, name_ru, name_en, closed_on) VALUES ($1, 'TRAINING', $2, $2, $3)`, [
    code,
    `Test program ${code}`,
    options.closedOn ?? null,
  ]);
}

export async function createProgramRun(api: TestApp, centre: string, options: { closed?: boolean } = {}): Promise<string> {
  return insert(api, `INSERT INTO program_run (program_id, centre_id, starts_on, ends_on, closed_on) VALUES ($1, $2, '2026-03-01', '2026-04-30', $3)`, [
    await createProgram(api),
    centre,
    options.closed ? '2026-03-10' : null,
  ]);
}
