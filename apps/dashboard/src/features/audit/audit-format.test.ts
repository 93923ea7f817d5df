import { describe, expect, it } from 'vitest';
import { createI18n } from '../../app/i18n/i18n';
import { actionLabel, entityTypeLabel, fieldLabel, formatChangeValue } from './audit-format';

const { t } = createI18n('en', { browserLanguages: [] });

describe('formatChangeValue', () => {
  it('names roles, languages, status and centres as the UI does', () => {
    expect(formatChangeValue('role', '"ANALYST"', t)).toBe('Analyst');
    expect(formatChangeValue('preferredLanguage', '"kk"', t)).toBe('Қазақша');
    expect(formatChangeValue('preferredLanguage', '"RU"', t)).toBe('Русский');
    expect(formatChangeValue('active', 'false', t)).toBe('Deactivated');
    expect(formatChangeValue('centreId', '"c-3"', t, (id) => (id === 'c-3' ? 'Temirtau' : undefined))).toBe('Temirtau');
    expect(formatChangeValue('centreId', '"c-9"', t, () => undefined)).toBe('c-9');
  });

  it('shows plain values, nothing and secrets in words', () => {
    expect(formatChangeValue('displayName', '"Aida"', t)).toBe('Aida');
    expect(formatChangeValue('displayName', null, t)).toBe('(none)');
    expect(formatChangeValue('centreId', 'null', t)).toBe('(none)');
    expect(formatChangeValue('passwordHash', '"(secret)"', t)).toBe('(hidden)');
    expect(formatChangeValue('note', 'not json', t)).toBe('not json');
  });
});

describe('labels', () => {
  it('name known actions, records and fields, and pass unknown ones through', () => {
    expect(actionLabel('CREATE_USER', t)).toBe('Created an account');
    expect(actionLabel('PUBLISH_REPORT', t)).toBe('PUBLISH_REPORT');
    expect(entityTypeLabel('User', t)).toBe('Account');
    expect(entityTypeLabel('Club', t)).toBe('Club');
    expect(fieldLabel('centreId', t)).toBe('Centre');
    expect(fieldLabel('budget', t)).toBe('budget');
  });
});
