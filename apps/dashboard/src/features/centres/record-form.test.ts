import { describe, expect, it } from 'vitest';
import { createI18n } from '../../app/i18n/i18n';
import { centreInput, centreValues, contactsInput, validateCentre } from './centre-form';
import { TEMIRTAU } from './centre.fixtures';
import { parseWholeNumber } from './record-form';

const { t } = createI18n('en', { browserLanguages: [] });

describe('the network forms', () => {
  it('read whole numbers within the limits only', () => {
    const limits = { min: 1, max: 10_000 };
    expect(parseWholeNumber(' 40 ', limits, t)).toEqual({ value: 40 });
    for (const text of ['0', '10001', '4.5', '-3', '1e3', 'forty']) {
      expect(parseWholeNumber(text, limits, t)).toEqual({ problem: 'Enter a whole number from 1 to 10000.' });
    }
    expect(parseWholeNumber('', limits, t)).toEqual({ problem: 'Fill this in.' });
  });
});

describe('the centre form', () => {
  const values = centreValues(TEMIRTAU);

  it('sends a coordinator the contacts only, and an administrator everything', () => {
    expect(Object.keys(contactsInput('c-3', values)).sort()).toEqual(['address', 'email', 'id', 'phone']);
    expect(centreInput('c-3', { ...values, latitude: '50,5', phone: '' })).toMatchObject({ latitude: 50.5, longitude: 72.9646, phone: null, parentId: 'c-0' });
  });

  it('needs both coordinates or neither, within range', () => {
    expect(validateCentre({ ...values, longitude: '' }, t)).toEqual({ longitude: 'Give the latitude and the longitude together, or neither.' });
    expect(validateCentre({ ...values, latitude: '91' }, t)).toEqual({ latitude: 'Enter a number from -90 to 90.' });
    expect(validateCentre({ ...values, latitude: '', longitude: '' }, t)).toEqual({});
  });
});
