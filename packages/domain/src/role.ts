/** The three kinds of people who use the platform (see shared/design/domain.md). */
export const ROLES = ['REGIONAL_ADMIN', 'DISTRICT_COORDINATOR', 'ANALYST'] as const;
export type Role = (typeof ROLES)[number];

/** Shortest password the platform accepts (the API also refuses common and guessable ones). */
export const MIN_PASSWORD_LENGTH = 10;
