/**
 * What every catalogue list filters by, as the URL holds it (`/catalogue?q=dombra&retired=1`): a
 * search by name, and whether retired records show too. A list adds filters of its own (programs:
 * kind, rural youth).
 */
export interface CatalogueSearch {
  q: string;
  /** Also show records that left the catalogue. */
  retired: boolean;
}

export function readCatalogueSearch(params: URLSearchParams): CatalogueSearch {
  return { q: params.get('q') ?? '', retired: params.get('retired') === '1' };
}

/** The URL query: the search, then the list's own filters (those set), then "show retired". */
export function writeCatalogueSearch(search: CatalogueSearch, own: Record<string, string> = {}): URLSearchParams {
  const params = new URLSearchParams();
  if (search.q.trim()) params.set('q', search.q.trim());
  for (const [name, value] of Object.entries(own)) if (value) params.set(name, value);
  if (search.retired) params.set('retired', '1');
  return params;
}

/** The API filter's search fields (ClubTypeFilter and ProgramFilter share them). */
export function catalogueSearchFilter(search: CatalogueSearch): { search?: string; includeClosed?: boolean } {
  return {
    ...(search.q.trim() ? { search: search.q.trim() } : {}),
    ...(search.retired ? { includeClosed: true } : {}),
  };
}

/** A filter with nothing set is no filter: the API's default (every current record) is asked for without one. */
export function filterOrNothing<Filter extends object>(filter: Filter): Filter | undefined {
  return Object.keys(filter).length > 0 ? filter : undefined;
}
