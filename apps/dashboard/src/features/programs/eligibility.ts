import { YOUTH_AGE } from '@mrc/domain';
import type { TFunction } from 'i18next';
import type { EducationLevel } from '../../gql/graphql';

/** What decides who may take part in a program. */
export interface Eligibility {
  minAge: number;
  maxAge: number;
  ageExceptionReason?: string | null;
  minEducation: EducationLevel;
  ruralOnly: boolean;
  anonymous: boolean;
}

/** Who may take part, in plain sentences, one per rule: the program page lists them. */
export function eligibilityLines(program: Eligibility, t: TFunction): string[] {
  const ages = { min: program.minAge, max: program.maxAge };
  const reason = program.ageExceptionReason?.trim();
  const lines = [
    reason
      ? t('programs.eligibility.agesException', { ...ages, youthMin: YOUTH_AGE.min, youthMax: YOUTH_AGE.max, reason })
      : t('programs.eligibility.ages', ages),
    program.minEducation === 'NONE'
      ? t('programs.eligibility.anyEducation')
      : t('programs.eligibility.education', { level: t(`enums.educationLevel.${program.minEducation}`) }),
    program.ruralOnly ? t('programs.eligibility.ruralOnly') : t('programs.eligibility.everyone'),
  ];
  if (program.anonymous) lines.push(t('programs.eligibility.anonymous'));
  return lines;
}

/** The same rules in a few words, for a row of the programs list ("18–80 · villages only"). */
export function eligibilitySummary(program: Eligibility, t: TFunction): string {
  const parts = [`${program.minAge}–${program.maxAge}`];
  if (program.minEducation !== 'NONE') {
    parts.push(t('programs.eligibility.educationShort', { level: t(`enums.educationLevel.${program.minEducation}`) }));
  }
  if (program.ruralOnly) parts.push(t('programs.eligibility.ruralOnlyShort'));
  if (program.anonymous) parts.push(t('programs.eligibility.anonymousShort'));
  return parts.join(' · ');
}

export function durationText(weeks: number | null, t: TFunction): string {
  return weeks === null ? t('programs.durationOngoing') : t('programs.duration', { count: weeks });
}
