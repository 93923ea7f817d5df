import { describe, expect, it } from 'vitest';
import { anyText, hasText, localisedInput, localisedValues } from './localised-text';

describe('a text in three languages', () => {
  it('is sent trimmed, blanks as null', () => {
    expect(localisedInput({ kk: ' Теміртау ', ru: '', en: '  ' })).toEqual({ kk: 'Теміртау', ru: null, en: null });
  });

  it('is edited with missing languages as empty fields', () => {
    expect(localisedValues({ kk: null, ru: 'Темиртау' })).toEqual({ kk: '', ru: 'Темиртау', en: '' });
    expect(localisedValues(null)).toEqual({ kk: '', ru: '', en: '' });
  });

  it('counts as written when some language has more than spaces', () => {
    expect(hasText({ kk: ' ', ru: '', en: 'Temirtau' })).toBe(true);
    expect(hasText({ kk: ' ', ru: '', en: '' })).toBe(false);
    expect(anyText({ kk: ' ', ru: ' Темиртау ', en: 'Temirtau' })).toBe('Темиртау');
  });
});
