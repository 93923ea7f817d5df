/**
 * What level of the network a centre serves. The network is a tree, so a national deployment
 * (region → district → village) adds kinds, not tables.
 */
export const CENTRE_KINDS = ['REGIONAL', 'CITY', 'CITY_DISTRICT', 'RURAL_DISTRICT'] as const;
export type CentreKind = (typeof CENTRE_KINDS)[number];
