import { describe, expect, it } from 'vitest';
import { inFields, splitProblems } from './field-problems';

describe('field problems', () => {
  it("keep the API's problems with fields the form has, and list the others", () => {
    expect(splitProblems({ 'names.kk': 'too long', centreId: 'closed', capacity: undefined }, inFields(['names', 'capacity']))).toEqual({
      atFields: { 'names.kk': 'too long' },
      elsewhere: ['closed'],
    });
  });

  it('count a path inside a field as that field, and nothing that only starts alike', () => {
    const isShown = inFields(['names', 'mentors']);
    expect(['names', 'names.kk', 'mentors.0.fullName'].every(isShown)).toBe(true);
    expect(isShown('namesakes')).toBe(false);
  });
});
