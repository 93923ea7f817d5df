import { describe, expect, it } from 'vitest';
import { figureProblems, parseFigure, reportFigures, reportLines, reportValues, savableFigures, withValue } from './report-form';
import { toCsv } from './csv';
import { completeReport, TEMIRTAU_REPORTING } from './reports.fixtures';

describe('a typed figure', () => {
  it('is empty, a number (spaces between thousands allowed), or not a number to be pointed out', () => {
    expect(parseFigure('')).toBeNull();
    expect(parseFigure('  ')).toBeNull();
    expect(parseFigure('1 200')).toBe(1200);
    expect(parseFigure('-3')).toBe(-3);
    expect(parseFigure('2,5')).toBe(2.5);
    expect(parseFigure('12o')).toBeNaN();
  });
});

describe("a report's lines", () => {
  it('are the clubs that met and the runs that ran in the period, and any the report already has', () => {
    const october = reportLines(TEMIRTAU_REPORTING, '2026-10', 'MONTHLY', null);
    expect(october.clubs.map((line) => line.id)).toEqual(['club-dombra', 'club-oratory']);
    expect(october.programRuns.map((line) => [line.id, line.anonymous])).toEqual([
      ['run-podcast', false],
      ['run-codependents', true],
    ]);
    // The podcast run started in October; Togyz kumalak still met in July.
    const july = reportLines(TEMIRTAU_REPORTING, '2026-07', 'MONTHLY', null);
    expect(july.clubs.map((line) => line.id)).toEqual(['club-chess']);
    expect(july.programRuns.map((line) => line.id)).toEqual(['run-codependents']);

    const withOldLine = completeReport({
      clubs: [{ __typename: 'ClubFigure', club: { __typename: 'Club', id: 'club-chess' }, meetings: 1, attendance: 4 }],
    });
    const kept = reportLines(TEMIRTAU_REPORTING, '2026-10', 'MONTHLY', withOldLine);
    expect(kept.clubs.map((line) => [line.id, line.expected])).toEqual([
      ['club-dombra', true],
      ['club-oratory', true],
      ['club-chess', false],
    ]);
  });
});

describe('the values of the form', () => {
  const lines = reportLines(TEMIRTAU_REPORTING, '2026-10', 'MONTHLY', null);

  it("start from the report's figures and go back to the same figures", () => {
    const values = reportValues(completeReport(), lines);
    expect(values.reach['AGE_18_24.MALE']).toBe('9');
    expect(values.clubs['club-dombra']).toEqual({ meetings: '8', attendance: '96' });
    expect(figureProblems(reportFigures(values), lines, true)).toEqual({});
  });

  it('change one field by its input path', () => {
    let values = reportValues(null, lines);
    values = withValue(values, 'reach.AGE_25_35.FEMALE', '4');
    values = withValue(values, 'clubs.club-oratory.attendance', '30');
    values = withValue(values, 'prevention.raids', '1');
    values = withValue(values, 'eventsHeld', '2');
    expect(values.reach['AGE_25_35.FEMALE']).toBe('4');
    expect(values.clubs['club-oratory']).toEqual({ meetings: '', attendance: '30' });
    expect(values.prevention.raids).toBe('1');
    expect(values.eventsHeld).toBe('2');
  });

  it('are saved without the figures that have a problem', () => {
    let values = reportValues(completeReport(), lines);
    values = withValue(values, 'reachedTotal', '60');
    values = withValue(values, 'prevention.onlineShopsBlocked', '9');
    const figures = reportFigures(values);
    const problems = figureProblems(figures, lines, false);
    expect(Object.keys(problems)).toEqual(['reachedTotal', 'prevention.onlineShopsBlocked']);

    const saving = savableFigures(figures, problems);
    expect(saving.withheld).toBe(2);
    expect(saving.figures.reachedTotal).toBeNull();
    expect(saving.figures.prevention).toMatchObject({ onlineShopsFound: 3, onlineShopsBlocked: null });
    expect(saving.figures.eventsHeld).toBe(7);
    expect(figureProblems(saving.figures, lines, false)).toEqual({});
  });
});

describe('CSV', () => {
  it('quotes what needs it and leads with a byte-order mark for spreadsheets', () => {
    expect(toCsv([['Centre', 'Note'], ['Теміртау', 'said "late", twice'], ['Saran', null]])).toBe('\uFEFFCentre,Note\r\nТеміртау,"said ""late"", twice"\r\nSaran,\r\n');
  });
});
