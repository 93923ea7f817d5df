/**
 * The vocabulary of the network: what a centre has (spaces, equipment), the club catalogue and
 * programs. Shared by the API (GraphQL enums, database CHECKs) and the dashboard (labels, forms).
 */

/** Rooms of a centre that young people use or book. */
export const SPACE_KINDS = ['COWORKING', 'PODCAST_STUDIO', 'DESIGN_STUDIO', 'LECTURE_HALL', 'PHOTO_STUDIO', 'SOUND_STUDIO', 'OTHER'] as const;
export type SpaceKind = (typeof SPACE_KINDS)[number];

/** Equipment a centre lends to young people. */
export const EQUIPMENT_KINDS = ['LIGHT', 'CAMERA', 'SOUND', 'COMPUTER', 'OTHER'] as const;
export type EquipmentKind = (typeof EQUIPMENT_KINDS)[number];

/**
 * Where a club stands. PLANNED before its first meeting, ACTIVE while it meets, PAUSED for a
 * break, CLOSED when it stopped (a closed club keeps its history and can be reopened).
 */
export const CLUB_STATUSES = ['PLANNED', 'ACTIVE', 'PAUSED', 'CLOSED'] as const;
export type ClubStatus = (typeof CLUB_STATUSES)[number];

/** The statuses an editor may set directly; CLOSED comes only from closing the club. */
export const OPEN_CLUB_STATUSES = ['PLANNED', 'ACTIVE', 'PAUSED'] as const satisfies readonly ClubStatus[];

export const PROGRAM_KINDS = ['PODCAST', 'TRAINING', 'BUSINESS', 'ANALYTICS', 'RURAL_YOUTH', 'PREVENTION', 'SUPPORT_GROUP', 'OTHER'] as const;
export type ProgramKind = (typeof PROGRAM_KINDS)[number];

/** Levels of education, lowest first: a program's minimum admits this level and every one after it. */
export const EDUCATION_LEVELS = ['NONE', 'SECONDARY', 'VOCATIONAL', 'BACHELOR', 'MASTER', 'DOCTORATE'] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];

export function meetsEducation(level: EducationLevel, minimum: EducationLevel): boolean {
  return EDUCATION_LEVELS.indexOf(level) >= EDUCATION_LEVELS.indexOf(minimum);
}

/** Everyone aged 14 to 35 uses the centres for free; programs admit this range unless they say why not. */
export const YOUTH_AGE = { min: 14, max: 35 } as const;

/** Ages outside any program's reach: a typo guard, not policy. */
export const AGE_LIMITS = { min: 0, max: 120 } as const;

/**
 * What is wrong with a program's age range, per field (empty when it is fine). A range reaching
 * outside 14–35 needs a reason, such as a support group for relatives of any age.
 */
export function ageRangeProblems(minAge: number, maxAge: number, exceptionReason: string | null | undefined): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!Number.isInteger(minAge) || minAge < AGE_LIMITS.min || minAge > AGE_LIMITS.max) {
    problems.minAge = `must be a whole number from ${AGE_LIMITS.min} to ${AGE_LIMITS.max}`;
  }
  if (!Number.isInteger(maxAge) || maxAge < AGE_LIMITS.min || maxAge > AGE_LIMITS.max) {
    problems.maxAge = `must be a whole number from ${AGE_LIMITS.min} to ${AGE_LIMITS.max}`;
  } else if (!problems.minAge && maxAge < minAge) {
    problems.maxAge = 'must not be below the minimum age';
  }
  const outsideYouth = minAge < YOUTH_AGE.min || maxAge > YOUTH_AGE.max;
  if (Object.keys(problems).length === 0 && outsideYouth && !exceptionReason?.trim()) {
    problems.ageExceptionReason = `is needed for ages outside ${YOUTH_AGE.min}–${YOUTH_AGE.max}`;
  }
  return problems;
}

/** The contact fields of a centre, which its own coordinator may keep up to date. */
export const CENTRE_CONTACT_FIELDS = ['phone', 'email', 'address'] as const;

/** Where a program run stands on a day, from its dates alone (nobody has to remember to flip it). */
export const PROGRAM_RUN_STATUSES = ['PLANNED', 'RUNNING', 'FINISHED', 'CANCELLED'] as const;
export type ProgramRunStatus = (typeof PROGRAM_RUN_STATUSES)[number];

export interface ProgramRunDates {
  startsOn: string;
  endsOn: string | null;
  closedOn: string | null;
}

/** Days are 'YYYY-MM-DD' strings, which compare in calendar order. */
export function programRunStatus(run: ProgramRunDates, today: string): ProgramRunStatus {
  if (run.closedOn !== null && run.closedOn <= today) return 'CANCELLED';
  if (run.startsOn > today) return 'PLANNED';
  if (run.endsOn !== null && run.endsOn < today) return 'FINISHED';
  return 'RUNNING';
}

/** The last day of a run that starts on a day and lasts whole weeks (a five-week school ends on the 35th day). */
export function lastDayOfWeeks(startsOn: string, weeks: number): string {
  const day = new Date(`${startsOn}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + weeks * 7 - 1);
  return day.toISOString().slice(0, 10);
}
