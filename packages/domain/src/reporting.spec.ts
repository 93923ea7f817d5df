import { describe, expect, it } from 'vitest';
import {
  ageBandOf,
  allowedReportActions,
  expectedPeriods,
  isPeriod,
  nextPeriod,
  nextReportState,
  previousPeriod,
  periodDays,
  periodOf,
  reportDeadline,
} from './reporting.js';

const admin = { id: 'a', role: 'REGIONAL_ADMIN' as const, centreId: null };
const temirtau = { id: 't', role: 'DISTRICT_COORDINATOR' as const, centreId: 'temirtau' };
const analyst = { id: 'x', role: 'ANALYST' as const, centreId: null };

describe('the report workflow', () => {
  it('moves DRAFT → SUBMITTED → APPROVED, or back through RETURNED', () => {
    expect(nextReportState('DRAFT', 'SUBMIT')).toBe('SUBMITTED');
    expect(nextReportState('SUBMITTED', 'APPROVE')).toBe('APPROVED');
    expect(nextReportState('SUBMITTED', 'RETURN')).toBe('RETURNED');
    expect(nextReportState('RETURNED', 'SUBMIT')).toBe('SUBMITTED');
    expect(nextReportState('APPROVED', 'REOPEN')).toBe('RETURNED');
  });

  it('refuses what the workflow does not allow', () => {
    expect(nextReportState('DRAFT', 'APPROVE')).toBeNull();
    expect(nextReportState('APPROVED', 'EDIT')).toBeNull();
    expect(nextReportState('APPROVED', 'SUBMIT')).toBeNull();
    expect(nextReportState('SUBMITTED', 'EDIT')).toBeNull();
  });

  it('lets a coordinator write and submit only their own centre\'s report, and only administrators review', () => {
    const own = { state: 'DRAFT' as const, centreId: 'temirtau' };
    expect(allowedReportActions(own, temirtau)).toEqual(['EDIT', 'SUBMIT']);
    expect(allowedReportActions({ ...own, centreId: 'balkhash' }, temirtau)).toEqual([]);
    expect(allowedReportActions({ ...own, state: 'SUBMITTED' }, temirtau)).toEqual([]);
    expect(allowedReportActions({ ...own, state: 'SUBMITTED' }, admin)).toEqual(['APPROVE', 'RETURN']);
    expect(allowedReportActions({ ...own, state: 'APPROVED' }, admin)).toEqual(['REOPEN']);
    expect(allowedReportActions({ ...own, state: 'APPROVED' }, temirtau)).toEqual([]);
    expect(allowedReportActions({ ...own, state: 'SUBMITTED', submittedById: admin.id }, admin)).toEqual(['RETURN']);
    expect(allowedReportActions(own, analyst)).toEqual([]);
    expect(allowedReportActions(own, null)).toEqual([]);
  });
});

describe('periods', () => {
  it('names months and quarters by their first month', () => {
    expect(periodOf('2026-11-26', 'MONTHLY')).toBe('2026-11');
    expect(periodOf('2026-11-26', 'QUARTERLY')).toBe('2026-10');
    expect(isPeriod('2026-10', 'QUARTERLY')).toBe(true);
    expect(isPeriod('2026-11', 'QUARTERLY')).toBe(false);
    expect(isPeriod('2026-13', 'MONTHLY')).toBe(false);
  });

  it('knows the days of a period, leap Februaries included, and its deadline in the next period', () => {
    expect(periodDays('2028-02', 'MONTHLY')).toEqual({ first: '2028-02-01', last: '2028-02-29' });
    expect(periodDays('2026-10', 'QUARTERLY')).toEqual({ first: '2026-10-01', last: '2026-12-31' });
    expect(reportDeadline('2026-12', 'MONTHLY')).toBe('2027-01-05');
    expect(reportDeadline('2026-10', 'QUARTERLY', 10)).toBe('2027-01-10');
  });

  it('expects reports only for the periods a centre was open', () => {
    const openedMidYear = { openedOn: '2026-06-15', closedOn: null };
    expect(expectedPeriods(openedMidYear, '2026-01', '2026-08', 'MONTHLY')).toEqual(['2026-06', '2026-07', '2026-08']);
    const closedInSpring = { openedOn: '2020-01-01', closedOn: '2026-04-01' };
    expect(expectedPeriods(closedInSpring, '2026-01', '2026-06', 'MONTHLY')).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(expectedPeriods({ openedOn: null, closedOn: null }, '2026-01', '2026-12', 'QUARTERLY')).toEqual(['2026-01', '2026-04', '2026-07', '2026-10']);
  });
});

describe('age bands', () => {
  it('puts 14–35 year olds in one band each, and nobody else', () => {
    expect([14, 17, 18, 24, 25, 35].map(ageBandOf)).toEqual(['AGE_14_17', 'AGE_14_17', 'AGE_18_24', 'AGE_18_24', 'AGE_25_35', 'AGE_25_35']);
    expect(ageBandOf(13)).toBeNull();
    expect(ageBandOf(36)).toBeNull();
  });
});

describe('period names', () => {
  it('takes periods of this century only, and steps across years', () => {
    expect(isPeriod('2026-10', 'MONTHLY')).toBe(true);
    expect(isPeriod('0998-12', 'MONTHLY')).toBe(false);
    expect(isPeriod('2100-01', 'MONTHLY')).toBe(false);
    expect(isPeriod('2026-02', 'QUARTERLY')).toBe(false);
    expect(nextPeriod('2025-12', 'MONTHLY')).toBe('2026-01');
    expect(previousPeriod('2026-01', 'QUARTERLY')).toBe('2025-10');
  });
});
