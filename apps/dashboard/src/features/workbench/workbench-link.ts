/**
 * The workbench opened on a query: `/workbench?query=…&variables=…` (also `?example=<id>` and
 * `?saved=<id>`). The analytics page links here with the query it ran.
 */
export function workbenchLink({ query, variables }: { query: string; variables?: Record<string, unknown> | undefined }): string {
  const params = new URLSearchParams();
  params.set('query', query);
  if (variables && Object.keys(variables).length > 0) params.set('variables', JSON.stringify(variables, null, 2));
  return `/workbench?${params.toString()}`;
}

/** What the address asks the workbench to open. */
export type WorkbenchSource = { kind: 'example'; id: string } | { kind: 'saved'; id: string } | { kind: 'text'; query: string; variables: string } | { kind: 'none' };

export function readWorkbenchSource(params: URLSearchParams): WorkbenchSource {
  const saved = params.get('saved');
  if (saved) return { kind: 'saved', id: saved };
  const example = params.get('example');
  if (example) return { kind: 'example', id: example };
  const query = params.get('query');
  if (query !== null) return { kind: 'text', query, variables: params.get('variables') ?? '' };
  return { kind: 'none' };
}
