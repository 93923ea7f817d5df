import { describe, expect, it } from 'vitest';
import { emptyReportFigures, implausibleFigures, reachSum, type ReportFigures, reportFigureProblems } from './report-figures.js';
import { periodProblem, submittedOnTime } from './reporting.js';

/** A complete, consistent report of one club and one program run: 60 young people reached. */
function complete(): ReportFigures {
  const figures = emptyReportFigures(['club-1'], ['run-1']);
  figures.eventsHeld = 4;
  figures.reachedTotal = 60;
  figures.reach.forEach((entry, index) => (entry.count = [10, 12, 8, 9, 11, 10][index]!));
  figures.clubs = [{ clubId: 'club-1', meetings: 8, attendance: 90 }];
  figures.programRuns = [{ programRunId: 'run-1', sessions: 2, attendance: 30 }];
  figures.prevention = { raids: 1, sessions: 2, screenings: 0, onlineShopsFound: 3, onlineShopsBlocked: 2 };
  return figures;
}

const SUBMIT = { complete: true, expectedClubIds: ['club-1'], expectedProgramRunIds: ['run-1'] };
const DRAFT = { ...SUBMIT, complete: false };

describe('the figures of a report', () => {
  it('accepts a complete, consistent report, and an empty draft', () => {
    expect(reportFigureProblems(complete(), SUBMIT)).toEqual({});
    expect(reportFigureProblems(emptyReportFigures(['club-1'], ['run-1']), DRAFT)).toEqual({});
    expect(reachSum(complete().reach)).toBe(60);
  });

  it('asks for every figure before submitting', () => {
    const problems = reportFigureProblems(emptyReportFigures(['club-1'], []), { ...SUBMIT, expectedProgramRunIds: ['run-1'] });
    expect(problems['eventsHeld']).toEqual({ code: 'figureNeeded' });
    expect(problems['reach.AGE_14_17.FEMALE']).toEqual({ code: 'figureNeeded' });
    expect(problems['clubs.club-1.meetings']).toEqual({ code: 'figureNeeded' });
    expect(problems['programRuns.run-1']).toEqual({ code: 'programRunMissing' });
    expect(problems['prevention.raids']).toEqual({ code: 'figureNeeded' });
  });

  it('takes whole non-negative numbers only, below a million', () => {
    const figures = complete();
    figures.eventsHeld = -1;
    figures.prevention.raids = 2.5;
    figures.clubs[0]!.attendance = 2_000_000;
    const problems = reportFigureProblems(figures, DRAFT);
    expect(problems['eventsHeld']).toEqual({ code: 'wholeNonNegative' });
    expect(problems['prevention.raids']).toEqual({ code: 'wholeNonNegative' });
    expect(problems['clubs.club-1.attendance']).toEqual({ code: 'figureTooLarge', params: { max: 1_000_000 } });
  });

  it('checks that the reach by age band and sex adds up to the total', () => {
    const figures = complete();
    figures.reachedTotal = 61;
    expect(reportFigureProblems(figures, DRAFT)).toEqual({ reachedTotal: { code: 'partsDoNotAddUp', params: { sum: 60, total: 61 } } });
    figures.reach[0]!.count = null;
    expect(reportFigureProblems(figures, DRAFT)).toEqual({});
  });

  it('refuses attendance without meetings, more shops blocked than found, lines twice or of another centre', () => {
    const figures = complete();
    figures.clubs = [{ clubId: 'club-1', meetings: 0, attendance: 5 }, { clubId: 'club-1', meetings: 1, attendance: 1 }, { clubId: 'elsewhere', meetings: 1, attendance: 1 }];
    figures.prevention.onlineShopsBlocked = 4;
    expect(reportFigureProblems(figures, SUBMIT)).toEqual({
      'clubs.club-1.attendance': { code: 'attendanceWithoutMeetings' },
      'clubs.club-1': { code: 'listedTwice' },
      'clubs.elsewhere': { code: 'clubNotOfCentre' },
      'prevention.onlineShopsBlocked': { code: 'blockedMoreThanFound', params: { found: 3 } },
    });
  });

  it('lets a club closed before the period be reported when the centre had it, without asking for it', () => {
    const figures = complete();
    figures.clubs.push({ clubId: 'old-club', meetings: 1, attendance: 3 });
    expect(reportFigureProblems(figures, { ...SUBMIT, centreClubIds: ['old-club'] })).toEqual({});
  });
});

describe('implausible figures', () => {
  it('flags a figure ten times the median of the centre\'s earlier reports, once there are three', () => {
    const usual = complete();
    const spiked = complete();
    spiked.eventsHeld = 40;
    spiked.reachedTotal = 59;
    expect(implausibleFigures(spiked, [usual, usual])).toEqual([]);
    expect(implausibleFigures(spiked, [usual, usual, usual])).toEqual([{ path: 'eventsHeld', value: 40, usual: 4 }]);
    spiked.eventsHeld = 39;
    expect(implausibleFigures(spiked, [usual, usual, usual])).toEqual([]);
  });

  it('compares each club on its own, and flags nothing where the usual is zero', () => {
    const spiked = complete();
    spiked.prevention.screenings = 10;
    spiked.clubs[0]!.attendance = 900;
    expect(implausibleFigures(spiked, [complete(), complete(), complete()])).toEqual([{ path: 'clubs.club-1.attendance', value: 900, usual: 90 }]);
  });
});

describe('which periods a centre may report', () => {
  const centre = { openedOn: '2026-03-15', closedOn: null };
  it('refuses a period that has not begun, or before the centre opened; submitting waits for the last day', () => {
    expect(periodProblem('2026-12', 'MONTHLY', centre, '2026-11-26', false)).toEqual({ code: 'periodInFuture' });
    expect(periodProblem('2026-02', 'MONTHLY', centre, '2026-11-26', false)).toEqual({ code: 'beforeCentreOpened', params: { day: '2026-03-15' } });
    expect(periodProblem('2026-03', 'MONTHLY', centre, '2026-11-26', true)).toBeNull();
    expect(periodProblem('2026-11', 'MONTHLY', centre, '2026-11-26', false)).toBeNull();
    expect(periodProblem('2026-11', 'MONTHLY', centre, '2026-11-26', true)).toEqual({ code: 'periodNotOver', params: { day: '2026-11-30' } });
    expect(periodProblem('2026-11', 'MONTHLY', { openedOn: null, closedOn: '2026-11-01' }, '2026-11-26', false)).toEqual({ code: 'afterCentreClosed', params: { day: '2026-11-01' } });
  });

  it('counts a report on time when first submitted by the deadline day', () => {
    expect(submittedOnTime('2026-11-05', '2026-10', 'MONTHLY')).toBe(true);
    expect(submittedOnTime('2026-11-06', '2026-10', 'MONTHLY')).toBe(false);
    expect(submittedOnTime('2026-11-10', '2026-10', 'MONTHLY', 10)).toBe(true);
  });
});
