import type { TestApp } from '../utils/test-app.js';

/** A saved query written straight into the database, owned by `ownerId`. */
export async function insertSavedQuery(
  api: TestApp,
  ownerId: string,
  options: { title?: string; shared?: boolean; document?: string; variables?: Record<string, unknown> | null } = {},
): Promise<string> {
  const rows = await api.dataSource.query<{ id: string }[]>(
    `INSERT INTO saved_query (owner_id, title, document, variables, shared) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [
      ownerId,
      options.title ?? 'Centres by kind',
      options.document ?? 'query Centres { centres { nodes { code kind } } }',
      options.variables === undefined || options.variables === null ? null : JSON.stringify(options.variables),
      options.shared ?? false,
    ],
  );
  return rows[0]!.id;
}
