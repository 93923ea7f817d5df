import { describe, expect, it } from 'vitest';
import { ageRangeProblems, lastDayOfWeeks, meetsEducation, programRunStatus } from './network.js';

describe('ageRangeProblems', () => {
  it('accepts the youth range and anything inside it', () => {
    expect(ageRangeProblems(14, 35, null)).toEqual({});
    expect(ageRangeProblems(18, 29, undefined)).toEqual({});
  });

  it('asks for a reason when the range reaches outside 14–35', () => {
    expect(ageRangeProblems(12, 35, null)).toEqual({ ageExceptionReason: 'is needed for ages outside 14–35' });
    expect(ageRangeProblems(18, 80, '  ')).toEqual({ ageExceptionReason: 'is needed for ages outside 14–35' });
    expect(ageRangeProblems(18, 80, 'Relatives of any adult age')).toEqual({});
  });

  it('refuses an upside-down or impossible range, per field', () => {
    expect(ageRangeProblems(30, 20, null)).toEqual({ maxAge: 'must not be below the minimum age' });
    expect(ageRangeProblems(-1, 20, 'x')).toEqual({ minAge: 'must be a whole number from 0 to 120' });
    expect(ageRangeProblems(14.5, 200, 'x')).toEqual({
      minAge: 'must be a whole number from 0 to 120',
      maxAge: 'must be a whole number from 0 to 120',
    });
  });
});

describe('meetsEducation', () => {
  it('admits the minimum and every level above it', () => {
    expect(meetsEducation('MASTER', 'MASTER')).toBe(true);
    expect(meetsEducation('DOCTORATE', 'MASTER')).toBe(true);
    expect(meetsEducation('BACHELOR', 'MASTER')).toBe(false);
    expect(meetsEducation('NONE', 'NONE')).toBe(true);
  });
});

describe('programRunStatus', () => {
  const run = { startsOn: '2026-11-03', endsOn: '2026-12-07', closedOn: null };

  it('follows the dates', () => {
    expect(programRunStatus(run, '2026-11-02')).toBe('PLANNED');
    expect(programRunStatus(run, '2026-11-03')).toBe('RUNNING');
    expect(programRunStatus(run, '2026-12-07')).toBe('RUNNING');
    expect(programRunStatus(run, '2026-12-08')).toBe('FINISHED');
    expect(programRunStatus({ ...run, endsOn: null }, '2030-01-01')).toBe('RUNNING');
  });

  it('is CANCELLED from the day it was stopped, not before', () => {
    expect(programRunStatus({ ...run, closedOn: '2026-11-20' }, '2026-11-19')).toBe('RUNNING');
    expect(programRunStatus({ ...run, closedOn: '2026-11-20' }, '2026-11-20')).toBe('CANCELLED');
  });
});

describe('lastDayOfWeeks', () => {
  it('counts whole weeks from the first day, across months and leap days', () => {
    expect(lastDayOfWeeks('2025-11-03', 5)).toBe('2025-12-07');
    expect(lastDayOfWeeks('2028-02-25', 1)).toBe('2028-03-02');
  });
});
