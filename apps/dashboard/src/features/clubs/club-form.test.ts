import { describe, expect, it } from 'vitest';
import { createI18n } from '../../app/i18n/i18n';
import { club } from '../centres/centre.fixtures';
import { clubValues, createClubInput, NEW_CLUB, updateClubInput, validateClub } from './club-form';

const { t } = createI18n('en', { browserLanguages: [] });

describe('the club form', () => {
  it('needs a type for a new club, and a first meeting for one that has met', () => {
    expect(validateClub(NEW_CLUB, t, { isNew: true })).toEqual({ clubTypeId: 'Choose the club type.' });
    expect(validateClub({ ...NEW_CLUB, clubTypeId: 'x', status: 'PAUSED' }, t, { isNew: true })).toEqual({
      startedOn: 'Enter the day of the first meeting: an active or paused club has met.',
    });
    expect(validateClub({ ...NEW_CLUB, clubTypeId: 'x', status: 'ACTIVE', startedOn: '2026-01-01' }, t, { isNew: true })).toEqual({});
  });

  it('sends blanks as null and a schedule with no language at all as none', () => {
    expect(createClubInput('c-3', { ...NEW_CLUB, clubTypeId: 'type-debate', leaderName: '  ' })).toEqual({
      centreId: 'c-3',
      clubTypeId: 'type-debate',
      status: 'PLANNED',
      leaderName: null,
      schedules: null,
      startedOn: null,
    });
  });

  it('leaves the status and first meeting of a closed club alone', () => {
    const values = clubValues(club({ id: 'k', status: 'CLOSED', closedOn: '2026-06-30' }));
    expect(values.status).toBe('PLANNED');
    expect(updateClubInput('k', values, { closed: true })).toEqual({
      id: 'k',
      leaderName: 'Irina Kim',
      schedules: { kk: 'Сәрсенбі 18:00–19:30', ru: 'Ср 18:00–19:30', en: 'Wed 18:00–19:30' },
    });
    expect(updateClubInput('k', { ...values, status: 'ACTIVE' }, { closed: false })).toMatchObject({ status: 'ACTIVE', startedOn: '2026-09-09' });
  });
});
