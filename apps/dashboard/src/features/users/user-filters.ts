import { ROLES, type Role } from '@mrc/domain';
import type { UserFilter } from '../../gql/graphql';

export type UserStatusFilter = '' | 'active' | 'inactive';

/** The users list's filters as the URL holds them (`/users?role=ANALYST&status=active`). */
export interface UserFilterState {
  role: Role | '';
  centre: string;
  /** With `centre`: its coordinators and those of every centre under it (`below=1`). */
  below: boolean;
  status: UserStatusFilter;
  q: string;
}

export function readUserFilters(params: URLSearchParams): UserFilterState {
  const role = params.get('role') ?? '';
  const status = params.get('status') ?? '';
  return {
    role: (ROLES as readonly string[]).includes(role) ? (role as Role) : '',
    centre: params.get('centre') ?? '',
    below: params.get('below') === '1',
    status: status === 'active' || status === 'inactive' ? status : '',
    q: params.get('q') ?? '',
  };
}

export function writeUserFilters(state: UserFilterState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.role) params.set('role', state.role);
  if (state.centre) params.set('centre', state.centre);
  if (state.centre && state.below) params.set('below', '1');
  if (state.status) params.set('status', state.status);
  if (state.q.trim()) params.set('q', state.q.trim());
  return params;
}

/** The API's UserFilter, or undefined when nothing is filtered (the whole list). */
export function toUserFilter(state: UserFilterState): UserFilter | undefined {
  const filter: UserFilter = {};
  if (state.role) filter.role = state.role;
  if (state.centre) filter.centreId = state.centre;
  if (state.centre && state.below) filter.includeSubtree = true;
  if (state.status) filter.active = state.status === 'active';
  if (state.q.trim()) filter.search = state.q.trim();
  return Object.keys(filter).length > 0 ? filter : undefined;
}

export function hasUserFilters(state: UserFilterState): boolean {
  return toUserFilter(state) !== undefined;
}
