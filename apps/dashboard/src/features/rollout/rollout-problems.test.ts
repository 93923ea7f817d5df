import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../app/i18n/i18n';
import { detailItem, matrixItem, CENTRES, TYPES } from './rollout.fixtures';
import { changedInput } from './RolloutDetailsForm';
import { historyValue } from './RolloutHistory';
import { gateNames, rolloutProblems } from './rollout-problems';

const { t } = createI18n('en', { browserLanguages: [] });

function refusal(extensions: Record<string, unknown>) {
  return new CombinedGraphQLErrors({ data: null, errors: [{ message: 'Not for people', extensions: { code: 'BAD_USER_INPUT', ...extensions } }] });
}

describe("a refusal's problems", () => {
  it('words the problems it knows by their codes, naming gates in the UI language', () => {
    const problems = rolloutProblems(
      refusal({
        fields: { action: 'a club cannot run while these gates are open: LEADER_ASSIGNED, FIRST_MEETING_HELD', reason: 'say why' },
        problems: { action: { code: 'gatesOpen', params: { gates: 'LEADER_ASSIGNED, FIRST_MEETING_HELD' } }, reason: { code: 'reasonNeeded' } },
      }),
      t,
    );

    expect(problems).toEqual({
      action: 'The club cannot run while these gates are open: Leader assigned, First meeting held.',
      reason: 'Say why.',
    });
  });

  it("keeps the API's words for the rest", () => {
    const problems = rolloutProblems(refusal({ fields: { 'input.notes': 'must be shorter than or equal to 4000 characters' } }), t);

    expect(problems).toEqual({ notes: 'Must be shorter than or equal to 4000 characters.' });
  });

  it('names gates it does not know as the API sent them', () => {
    expect(gateNames('SPACE_READY,ROOF_FIXED', t)).toBe('Space ready, ROOF_FIXED');
  });
});

describe('the changes the details form sends', () => {
  const item = detailItem(matrixItem(CENTRES.temirtau, TYPES.dombra, { gates: ['SPACE_READY'], responsibleName: 'Дана Ахметова' }));
  const same = { gates: ['SPACE_READY' as const], responsibleName: 'Дана Ахметова', notes: '', plannedOn: '2027-03-01' };

  it('are only the fields that changed, with the version the edit started from', () => {
    expect(changedInput(item, { ...same, gates: ['LEADER_ASSIGNED', 'SPACE_READY'] }, 4)).toEqual({ id: item.id, version: 4, gates: ['SPACE_READY', 'LEADER_ASSIGNED'] });
    expect(changedInput(item, same, 4)).toEqual({ id: item.id, version: 4 });
  });

  it('clear a responsible person or notes left blank, and trim what is typed', () => {
    expect(changedInput(item, { ...same, responsibleName: '  ', notes: ' Room 12 ' }, 1)).toEqual({ id: item.id, version: 1, responsibleName: null, notes: 'Room 12' });
  });
});

describe("the history's values", () => {
  it('say statuses, gates and days in words', () => {
    expect(historyValue('status', 'PREPARING', t)).toBe('Preparing');
    expect(historyValue('gates', 'SPACE_READY,LEADER_ASSIGNED', t)).toBe('Space ready, Leader assigned');
    expect(historyValue('gates', null, t)).toBe('no gates');
    expect(historyValue('launchedOn', '2026-11-02', t)).toBe('2 November 2026');
    expect(historyValue('notes', null, t)).toBe('none');
    expect(historyValue('responsibleName', 'Дана Ахметова', t)).toBe('Дана Ахметова');
  });
});
