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

// Per app: suites may run on databases of their own, with other ids and other secrets.
const adminHeaders = new WeakMap<TestApp, Promise<Record<string, string>>>();
const centreIds = new WeakMap<TestApp, Promise<Map<string, string>>>();

/** A centre's id by its code (seed data: `temirtau`, `balkhash`, …). */
export async function centreId(api: TestApp, code: string): Promise<string> {
  if (!centreIds.has(api)) {
    const ids = api.dataSource.query<{ id: string; code: string }[]>('SELECT id, code FROM centre');
    centreIds.set(api, ids.then((rows) => new Map(rows.map((row) => [row.code, row.id]))));
  }
  const id = (await centreIds.get(api)!).get(code);
  if (!id) throw new Error(`No centre with code ${code}`);
  return id;
}

/** A fresh account, created the way an administrator creates one (through the API). */
export async function createAccount(api: TestApp, role: Role, centreCode?: string): Promise<TestAccount> {
  if (!adminHeaders.has(api)) adminHeaders.set(api, api.signIn(DEMO.admin));
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
    await adminHeaders.get(api)!,
  );
  const id = body.data?.createUser.user.id;
  if (!id) throw new Error(`createAccount failed: ${JSON.stringify(body.errors)}`);
  return { id, ...account };
}
