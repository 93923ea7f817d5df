import { PROGRAM_KINDS } from '@mrc/domain';
import type { ProgramFilter, ProgramKind } from '../../gql/graphql';
import { catalogueSearchFilter, filterOrNothing, readCatalogueSearch, writeCatalogueSearch, type CatalogueSearch } from '../catalogue/catalogue-filters';

export type RuralFilter = '' | 'only' | 'open';

/** The programs list's filters as the URL holds them (`/catalogue/programs?kind=TRAINING&rural=only`). */
export interface ProgramFilterState extends CatalogueSearch {
  kind: ProgramKind | '';
  /** Only programs for rural youth, only those open to all, or both. */
  rural: RuralFilter;
}

export function readProgramFilters(params: URLSearchParams): ProgramFilterState {
  const kind = params.get('kind') ?? '';
  const rural = params.get('rural') ?? '';
  return {
    ...readCatalogueSearch(params),
    kind: (PROGRAM_KINDS as readonly string[]).includes(kind) ? (kind as ProgramKind) : '',
    rural: rural === 'only' || rural === 'open' ? rural : '',
  };
}

export function writeProgramFilters(state: ProgramFilterState): URLSearchParams {
  return writeCatalogueSearch(state, { kind: state.kind, rural: state.rural });
}

/** The API's ProgramFilter, or undefined for every current program. */
export function toProgramFilter(state: ProgramFilterState): ProgramFilter | undefined {
  return filterOrNothing<ProgramFilter>({
    ...catalogueSearchFilter(state),
    ...(state.kind ? { kinds: [state.kind] } : {}),
    ...(state.rural ? { ruralOnly: state.rural === 'only' } : {}),
  });
}
