import { AGE_LIMITS, ageRangeProblems, YOUTH_AGE } from '@mrc/domain';
import type { TFunction } from 'i18next';
import type { CreateProgramInput, EducationLevel, ProgramDetailFieldsFragment, ProgramKind } from '../../gql/graphql';
import type { FieldProblems } from '../../app/ui/field-problems';
import { anyText, EMPTY_LOCALISED, hasText, localisedInput, localisedValues, type LocalisedValues } from '../../app/ui/localised-text';
import { CODE_PATTERN } from '../catalogue/form-problems';

/** The API's bounds on a run's length in weeks. */
export const MAX_DURATION_WEEKS = 520;

/** One row of a list editor; `key` keeps React's idea of the row while rows are added and removed. */
export interface PartnerValues {
  key: number;
  names: LocalisedValues;
}

export interface MentorValues {
  key: number;
  fullName: string;
  expertises: LocalisedValues;
}

/** The program form as typed: numbers stay text until they are checked, so a half-typed age is kept. */
export interface ProgramValues {
  code: string;
  kind: ProgramKind;
  names: LocalisedValues;
  descriptions: LocalisedValues;
  minAge: string;
  maxAge: string;
  ageExceptionReason: LocalisedValues;
  minEducation: EducationLevel;
  ruralOnly: boolean;
  anonymous: boolean;
  durationWeeks: string;
  partners: PartnerValues[];
  mentors: MentorValues[];
}

let lastRowKey = 0;

export function newRowKey(): number {
  lastRowKey += 1;
  return lastRowKey;
}

export function emptyPartner(): PartnerValues {
  return { key: newRowKey(), names: EMPTY_LOCALISED };
}

export function emptyMentor(): MentorValues {
  return { key: newRowKey(), fullName: '', expertises: EMPTY_LOCALISED };
}

/** A new program starts open to every young person the centres serve. */
export function emptyProgram(): ProgramValues {
  return {
    code: '',
    kind: 'TRAINING',
    names: EMPTY_LOCALISED,
    descriptions: EMPTY_LOCALISED,
    minAge: String(YOUTH_AGE.min),
    maxAge: String(YOUTH_AGE.max),
    ageExceptionReason: EMPTY_LOCALISED,
    minEducation: 'NONE',
    ruralOnly: false,
    anonymous: false,
    durationWeeks: '',
    partners: [],
    mentors: [],
  };
}

export function programValues(program: ProgramDetailFieldsFragment): ProgramValues {
  return {
    code: program.code,
    kind: program.kind,
    names: localisedValues(program.names),
    descriptions: localisedValues(program.descriptions),
    minAge: String(program.minAge),
    maxAge: String(program.maxAge),
    ageExceptionReason: localisedValues(program.ageExceptionReasons),
    minEducation: program.minEducation,
    ruralOnly: program.ruralOnly,
    anonymous: program.anonymous,
    durationWeeks: program.durationWeeks === null ? '' : String(program.durationWeeks),
    partners: program.partners.map((partner) => ({ key: newRowKey(), names: localisedValues(partner.names) })),
    mentors: program.mentors.map((mentor) => ({ key: newRowKey(), fullName: mentor.fullName, expertises: localisedValues(mentor.expertises) })),
  };
}

/** A typed number, or NaN when the text is not one ('' included, which Number() would read as 0). */
function typedNumber(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text);
}

/**
 * Whether the typed range reaches outside 14–35, so the form asks why. Decided on what is typed so
 * far: the question appears as soon as one end is outside, while the other is still being typed.
 */
export function needsAgeReason(values: Pick<ProgramValues, 'minAge' | 'maxAge'>): boolean {
  const min = typedNumber(values.minAge);
  const max = typedNumber(values.maxAge);
  return min < YOUTH_AGE.min || max > YOUTH_AGE.max;
}

function isWholeAge(value: number): boolean {
  return Number.isInteger(value) && value >= AGE_LIMITS.min && value <= AGE_LIMITS.max;
}

/**
 * What can be told before asking the server. The age range goes through the domain's
 * ageRangeProblems, the rule the API applies, so both refuse the same ranges; the words are ours.
 */
export function validateProgram(values: ProgramValues, t: TFunction): FieldProblems {
  const problems: FieldProblems = {};
  const code = values.code.trim();
  if (code === '') problems['code'] = t('form.required');
  else if (!CODE_PATTERN.test(code)) problems['code'] = t('catalogue.form.codeInvalid');
  if (!hasText(values.names)) problems['names'] = t('catalogue.form.nameRequired');

  if (values.minAge.trim() === '') problems['minAge'] = t('form.required');
  if (values.maxAge.trim() === '') problems['maxAge'] = t('form.required');
  if (!problems['minAge'] && !problems['maxAge']) {
    const min = typedNumber(values.minAge);
    const max = typedNumber(values.maxAge);
    const reason = needsAgeReason(values) ? anyText(values.ageExceptionReason) : null;
    const ageInvalid = t('programs.form.ageInvalid', { min: AGE_LIMITS.min, max: AGE_LIMITS.max });
    for (const field of Object.keys(ageRangeProblems(min, max, reason))) {
      if (field === 'minAge') problems['minAge'] = ageInvalid;
      else if (field === 'maxAge') problems['maxAge'] = isWholeAge(max) ? t('programs.form.maxBelowMin') : ageInvalid;
      else if (field === 'ageExceptionReason') {
        problems['ageExceptionReason'] = t('programs.form.reasonRequired', { min: YOUTH_AGE.min, max: YOUTH_AGE.max });
      }
    }
  }

  if (values.durationWeeks.trim() !== '') {
    const weeks = typedNumber(values.durationWeeks);
    if (!Number.isInteger(weeks) || weeks < 1 || weeks > MAX_DURATION_WEEKS) {
      problems['durationWeeks'] = t('programs.form.durationInvalid', { max: MAX_DURATION_WEEKS });
    }
  }
  values.partners.forEach((partner, index) => {
    if (!hasText(partner.names)) problems[`partners.${index}`] = t('programs.form.partnerNameRequired');
  });
  values.mentors.forEach((mentor, index) => {
    if (mentor.fullName.trim() === '') problems[`mentors.${index}.fullName`] = t('form.required');
  });
  return problems;
}

/**
 * The input for createProgram, and with an id for updateProgram. Blank optional texts go as null,
 * which clears them on an update; the reason goes only while the range needs one.
 */
export function programInput(values: ProgramValues): CreateProgramInput {
  return {
    code: values.code.trim(),
    kind: values.kind,
    names: localisedInput(values.names),
    descriptions: hasText(values.descriptions) ? localisedInput(values.descriptions) : null,
    minAge: Number(values.minAge),
    maxAge: Number(values.maxAge),
    ageExceptionReason: needsAgeReason(values) ? localisedInput(values.ageExceptionReason) : null,
    minEducation: values.minEducation,
    ruralOnly: values.ruralOnly,
    anonymous: values.anonymous,
    durationWeeks: values.durationWeeks.trim() === '' ? null : Number(values.durationWeeks),
    partners: values.partners.map((partner) => localisedInput(partner.names)),
    mentors: values.mentors.map((mentor) => ({
      fullName: mentor.fullName.trim(),
      expertises: hasText(mentor.expertises) ? localisedInput(mentor.expertises) : null,
    })),
  };
}

/** The field paths the program form shows an error at; anything else is told in the summary. */
export function isProgramField(key: string): boolean {
  return (
    /^(code|kind|minAge|maxAge|minEducation|ruralOnly|anonymous|durationWeeks|partners|mentors)$/.test(key) ||
    /^(names|descriptions|ageExceptionReason)(\.(kk|ru|en))?$/.test(key) ||
    /^partners\.\d+(\.(kk|ru|en))?$/.test(key) ||
    /^mentors\.\d+\.(fullName|expertises(\.(kk|ru|en))?)$/.test(key)
  );
}
