/**
 * The three scales of the network. `region` is the seeded Karaganda network's size (one regional centre
 * and 14 districts); `national` is about Kazakhstan (20 regions of about 15 centres under one national
 * centre); `national10` is ten times that, to see how cost grows with the data.
 */
export const SIZES = ['region', 'national', 'national10'] as const;
export type Size = (typeof SIZES)[number];

export interface SizeShape {
  /** Region-level centres under the root; 0: the root itself is the region. */
  regions: number;
  /** How many district centres the region with this index has. */
  districtsOf: (regionIndex: number) => number;
}

// 13..17 districts, 15 on average: 300 district centres for 20 regions.
const aboutFifteen = (index: number) => 13 + (index % 5);

export const SHAPES: Record<Size, SizeShape> = {
  region: { regions: 0, districtsOf: () => 14 },
  national: { regions: 20, districtsOf: aboutFifteen },
  national10: { regions: 200, districtsOf: aboutFifteen },
};

export function isSize(value: string): value is Size {
  return (SIZES as readonly string[]).includes(value);
}

/** Years of monthly reports the generator writes, up to the latest period that has ended. */
export const REPORT_YEARS = 5;
