/** What a record's page says after it was created or changed elsewhere (router state, set by the form pages). */
export interface CatalogueRecordNotice {
  created?: string;
  saved?: boolean;
}

export function recordNotice(state: unknown): CatalogueRecordNotice {
  if (typeof state !== 'object' || state === null) return {};
  const notice: CatalogueRecordNotice = {};
  if ('created' in state && typeof state.created === 'string') notice.created = state.created;
  if ('saved' in state && state.saved === true) notice.saved = true;
  return notice;
}
