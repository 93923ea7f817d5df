import { describe, expect, it } from 'vitest';
import { createI18n } from '../../app/i18n/i18n';
import { emptyMentor, emptyPartner, emptyProgram, isProgramField, needsAgeReason, programInput, validateProgram, type ProgramValues } from './program-form';

const { t } = createI18n('en', { browserLanguages: [] });

function program(overrides: Partial<ProgramValues> = {}): ProgramValues {
  return { ...emptyProgram(), code: 'stand-up', names: { kk: '', ru: 'Стендап', en: '' }, ...overrides };
}

describe('the program form', () => {
  it('asks why only when the ages reach outside 14–35', () => {
    expect(needsAgeReason({ minAge: '14', maxAge: '35' })).toBe(false);
    expect(needsAgeReason({ minAge: '18', maxAge: '29' })).toBe(false);
    expect(needsAgeReason({ minAge: '12', maxAge: '35' })).toBe(true);
    expect(needsAgeReason({ minAge: '18', maxAge: '80' })).toBe(true);
    // While the other end is still being typed, the question stays.
    expect(needsAgeReason({ minAge: '', maxAge: '80' })).toBe(true);
  });

  it('refuses what the API refuses about ages, in the UI language', () => {
    expect(validateProgram(program({ maxAge: '80' }), t)).toEqual({ ageExceptionReason: 'Give the reason: ages outside 14–35 need one.' });
    expect(validateProgram(program({ maxAge: '80', ageExceptionReason: { kk: '', ru: '', en: 'Relatives' } }), t)).toEqual({});
    expect(validateProgram(program({ minAge: '30', maxAge: '20' }), t)).toEqual({ maxAge: 'The oldest age is below the youngest.' });
    expect(validateProgram(program({ minAge: '14.5', maxAge: '' }), t)).toEqual({ maxAge: 'Fill this in.' });
    expect(validateProgram(program({ minAge: '-1', maxAge: '200' }), t)).toEqual({
      minAge: 'Enter a whole number of years from 0 to 120.',
      maxAge: 'Enter a whole number of years from 0 to 120.',
    });
  });

  it('checks the name, code, length and each partner and mentor', () => {
    const problems = validateProgram(
      program({
        code: 'Stand Up',
        names: { kk: ' ', ru: '', en: '' },
        durationWeeks: '0',
        partners: [emptyPartner()],
        mentors: [emptyMentor()],
      }),
      t,
    );
    expect(problems).toEqual({
      code: 'Use 2–63 lower-case Latin letters, digits or dashes, starting with a letter or digit.',
      names: 'Fill in the name in at least one language.',
      durationWeeks: 'Enter a whole number of weeks from 1 to 520, or leave it empty.',
      'partners.0': "Fill in the partner's name in at least one language, or remove the partner.",
      'mentors.0.fullName': 'Fill this in.',
    });
  });

  it('sends blanks as null, and a reason only while the range needs one', () => {
    const values = program({
      maxAge: '29',
      ageExceptionReason: { kk: '', ru: '', en: 'left over from 18–80' },
      durationWeeks: ' ',
      partners: [{ key: 1, names: { kk: '', ru: ' Атамекен ', en: '' } }],
      mentors: [{ key: 2, fullName: ' Saule ', expertises: { kk: '', ru: '', en: '' } }],
    });
    expect(programInput(values)).toEqual({
      code: 'stand-up',
      kind: 'TRAINING',
      names: { kk: null, ru: 'Стендап', en: null },
      descriptions: null,
      minAge: 14,
      maxAge: 29,
      ageExceptionReason: null,
      minEducation: 'NONE',
      ruralOnly: false,
      anonymous: false,
      durationWeeks: null,
      partners: [{ kk: null, ru: 'Атамекен', en: null }],
      mentors: [{ fullName: 'Saule', expertises: null }],
    });
  });

  it('knows which of the API\'s field paths it shows at a field', () => {
    for (const key of ['code', 'names', 'names.kk', 'ageExceptionReason.en', 'partners', 'partners.3', 'partners.0.ru', 'mentors.1.fullName', 'mentors.0.expertises.en']) {
      expect(isProgramField(key), key).toBe(true);
    }
    for (const key of ['id', 'programId', 'names.de', 'mentors.0']) expect(isProgramField(key), key).toBe(false);
  });
});
