import { describe, expect, it } from '@jest/globals';
import catalogue from './data/catalogue.json' with { type: 'json' };
import facilities from './data/centre-facilities.json' with { type: 'json' };
import clubsAndRuns from './data/clubs-and-runs.json' with { type: 'json' };
import karagandaNetwork from './data/karaganda-network.json' with { type: 'json' };
import { checkSeedReferences, type SeedData, SeedDataError } from './seed-network.js';

/** The seed files as shipped, copied so a test can spoil one row. */
function shippedData(): SeedData {
  return structuredClone({
    network: karagandaNetwork,
    facilities,
    catalogue,
    clubsAndRuns,
  }) as unknown as SeedData;
}

describe('the seed data files', () => {
  it('refer only to centres, club types and programs they define', () => {
    expect(() => checkSeedReferences(shippedData())).not.toThrow();
  });

  it('stop the seed at an unknown code, naming the file, the row and the code', () => {
    const data = shippedData();
    data.clubsAndRuns.clubs[2]!.centre = 'karaganda-regoin';
    data.clubsAndRuns.clubs[5]!.type = 'accordion';
    data.clubsAndRuns.programRuns[1]!.program = 'school-of-analytic';
    data.facilities.equipment[0]!.centre = 'temirtua';

    let thrown: unknown;
    try {
      checkSeedReferences(data);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(SeedDataError);
    const lines = (thrown as Error).message.split('\n').slice(1);
    // Every problem at once, so one run finds every typo.
    expect(lines).toEqual([
      'centre-facilities.json equipment[0]: unknown centre code "temirtua" (not in karaganda-network.json)',
      'clubs-and-runs.json clubs[2]: unknown centre code "karaganda-regoin" (not in karaganda-network.json)',
      'clubs-and-runs.json clubs[5]: unknown club type code "accordion" (not in catalogue.json)',
      'clubs-and-runs.json programRuns[1]: unknown program code "school-of-analytic" (not in catalogue.json)',
    ]);
  });

  it('find a centre dropped from the network file wherever a row still names it', () => {
    const data = shippedData();
    data.network.children = data.network.children.filter((centre) => centre.code !== 'shet');
    expect(() => checkSeedReferences(data)).toThrow(/"shet"/);
  });
});
