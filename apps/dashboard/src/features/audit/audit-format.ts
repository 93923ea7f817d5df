import { isLanguage, ROLES, type Role } from '@mrc/domain';
import type { TFunction } from 'i18next';

/** The actions the API records today; another one shows as its code until it is named here. */
const ACTIONS = [
  'LOGIN',
  'REFRESH_SESSION',
  'LOGOUT',
  'CREATE_USER',
  'UPDATE_USER',
  'DEACTIVATE_USER',
  'ACTIVATE_USER',
  'RESET_PASSWORD',
  'CHANGE_OWN_PASSWORD',
  'UPDATE_OWN_PREFERENCES',
] as const;

/** The kinds of record the audit trail names; offered in the filter. */
export const ENTITY_TYPES = ['User', 'Session', 'Centre'] as const;

/** Fields of the records above, as the API names them in `changes`. */
const FIELDS = ['email', 'displayName', 'role', 'centreId', 'active', 'preferredLanguage', 'passwordHash'] as const;

function isOneOf<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}

export function actionLabel(action: string, t: TFunction): string {
  return isOneOf(ACTIONS, action) ? t(`audit.action.${action}`) : action;
}

export function entityTypeLabel(entityType: string, t: TFunction): string {
  return isOneOf(ENTITY_TYPES, entityType) ? t(`audit.entity.${entityType}`) : entityType;
}

export function fieldLabel(field: string, t: TFunction): string {
  return isOneOf(FIELDS, field) ? t(`audit.field.${field}`) : field;
}

/**
 * One side of a change (`before` or `after`, JSON text) in words: roles, languages and yes/no as the
 * UI names them, a centre by its name when `centreName` knows it, secrets never shown.
 */
export function formatChangeValue(
  field: string,
  json: string | null,
  t: TFunction,
  centreName: (id: string) => string | undefined = () => undefined,
): string {
  if (json === null) return t('audit.value.none');
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    // Not JSON after all: show the text as the API sent it.
    value = json;
  }
  if (field === 'passwordHash' || value === '(secret)') return t('audit.value.secret');
  if (value === null || value === '') return t('audit.value.none');
  if (typeof value === 'boolean') {
    if (field === 'active') return value ? t('users.status.active') : t('users.status.inactive');
    return value ? t('audit.value.yes') : t('audit.value.no');
  }
  if (typeof value === 'string') {
    if (field === 'role' && isOneOf<Role>(ROLES, value)) return t(`role.${value}`);
    const lower = value.toLowerCase();
    if (field === 'preferredLanguage' && isLanguage(lower)) return t(`language.${lower}`);
    if (field === 'centreId') return centreName(value) ?? value;
    return value;
  }
  if (typeof value === 'number') return String(value);
  return JSON.stringify(value);
}
