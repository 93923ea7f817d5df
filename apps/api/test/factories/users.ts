import { randomUUID } from 'node:crypto';
import type { Role } from '@mrc/domain';
import { DEMO, type TestApp } from '../utils/test-app.js';

export interface TestAccount {
  id: string;
  email: string;
  password: string;
  role: Role;
  centreId: string | null;
}

let adminHeaders: Promise<Record<string, string>> | undefined;
let centreIds: Promise<Map<string, string>> | undefined;

/** A centre's id by its code (seed data: `temirtau`, `balkhash`, …). */
export async function centreId(api: TestApp, code: string): Promise<string> {
  centreIds ??= api.dataSource
    .query<{ id: string; code: string }[]>('SELECT id, code FROM centre')
    .then((rows) => new Map(rows.map((row) => [row.code, row.id])));
  const id = (await centreIds).get(code);
  if (!id) throw new Error(`No centre with code ${code}`);
  return id;
}

/** A fresh account, created the way an administrator creates one (through the API). */
export async function createAccount(api: TestApp, role: Role, centreCode?: string): Promise<TestAccount> {
  adminHeaders ??= api.signIn(DEMO.admin);
  const centre = role === 'DISTRICT_COORDINATOR' ? await centreId(api, centreCode ?? 'temirtau') : null;
  const account = {
    email: `test-${randomUUID()}@mrc.test`,
    password: `Lantern-${randomUUID().slice(0, 8)}-steppe`,
    role,
    centreId: centre,
  };
  const { body } = await api.graphql<{ createUser: { user: { id: string } } }>(
    `mutation($input: CreateUserInput!) { createUser(input: $input) { user { id } } }`,
    { input: { email: account.email, displayName: `Test ${role.toLowerCase()}`, role, centreId: centre, password: account.password } },
    await adminHeaders,
  );
  const id = body.data?.createUser.user.id;
  if (!id) throw new Error(`createAccount failed: ${JSON.stringify(body.errors)}`);
  return { id, ...account };
}

/** Forget the cached administrator session (a new app instance, a new secret). */
export function resetFactories(): void {
  adminHeaders = undefined;
  centreIds = undefined;
}
