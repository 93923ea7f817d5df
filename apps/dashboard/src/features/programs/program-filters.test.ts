import { describe, expect, it } from 'vitest';
import { readProgramFilters, toProgramFilter, writeProgramFilters } from './program-filters';

describe('the programs list filters', () => {
  it('round-trip through the URL and become the API filter', () => {
    const state = readProgramFilters(new URLSearchParams('q=%20school%20&kind=ANALYTICS&rural=open&retired=1'));
    expect(state).toEqual({ q: ' school ', kind: 'ANALYTICS', rural: 'open', retired: true });
    expect(toProgramFilter(state)).toEqual({ search: 'school', kinds: ['ANALYTICS'], ruralOnly: false, includeClosed: true });
    expect(writeProgramFilters(state).toString()).toBe('q=school&kind=ANALYTICS&rural=open&retired=1');
  });

  it('asks for rural programs only with rural=only', () => {
    expect(toProgramFilter(readProgramFilters(new URLSearchParams('rural=only')))).toEqual({ ruralOnly: true });
  });

  it('ignore values that are not ours, and filter nothing when empty', () => {
    const state = readProgramFilters(new URLSearchParams('kind=KARAOKE&rural=maybe&retired=true'));
    expect(state).toEqual({ q: '', kind: '', rural: '', retired: false });
    expect(toProgramFilter(state)).toBeUndefined();
    expect(writeProgramFilters(state).toString()).toBe('');
  });
});
