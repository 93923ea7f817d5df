import {
  EDUCATION_LEVELS,
  type EducationLevel,
  PROGRAM_KINDS,
  PROGRAM_RUN_STATUSES,
  type ProgramKind,
  type ProgramRunStatus,
} from '@mrc/domain';
import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GraphQLDate } from 'graphql-scalars';
import { LocalisedText } from '../../common/localisation.js';
import { enumOf } from '../../graphql/enum-of.js';

export const ProgramKindEnum = enumOf(PROGRAM_KINDS);
registerEnumType(ProgramKindEnum, {
  name: 'ProgramKind',
  description: 'What kind of offer a program is.',
  valuesMap: {
    PODCAST: { description: 'Podcast recordings with guests.' },
    TRAINING: { description: 'A training course, e.g. for stand-up artists.' },
    BUSINESS: { description: 'Entrepreneurship, e.g. the business club with "Atameken".' },
    ANALYTICS: { description: 'Analysis and policy advice, e.g. the School of Analytics.' },
    RURAL_YOUTH: { description: 'For young people in villages, e.g. "Ұлт қазынасы".' },
    PREVENTION: { description: 'Prevention of drug use, e.g. the "Esbol qory" front office.' },
    SUPPORT_GROUP: { description: 'A support group whose members are never named; only counts are kept.' },
    OTHER: { description: 'Anything else.' },
  },
});

export const EducationLevelEnum = enumOf(EDUCATION_LEVELS);
registerEnumType(EducationLevelEnum, {
  name: 'EducationLevel',
  description: 'A level of completed education, lowest first; a minimum admits that level and every higher one.',
  valuesMap: {
    NONE: { description: 'No requirement.' },
    SECONDARY: { description: 'Completed secondary school.' },
    VOCATIONAL: { description: 'Technical and vocational education (колледж).' },
    BACHELOR: { description: 'A bachelor\'s degree.' },
    MASTER: { description: 'A master\'s degree.' },
    DOCTORATE: { description: 'A doctorate (PhD or candidate of sciences).' },
  },
});

export const ProgramRunStatusEnum = enumOf(PROGRAM_RUN_STATUSES);
registerEnumType(ProgramRunStatusEnum, {
  name: 'ProgramRunStatus',
  description: 'Where a program run stands today (Kazakhstan time), worked out from its dates.',
  valuesMap: {
    PLANNED: { description: 'Starts later.' },
    RUNNING: { description: 'Started and not ended (or has no end).' },
    FINISHED: { description: 'Ended.' },
    CANCELLED: { description: 'Cancelled or stopped early (see `closedOn`).' },
  },
});

@ObjectType('ProgramPartner', { description: 'An organisation a program works with.' })
export class ProgramPartner {
  @Field(() => LocalisedText, { description: 'The organisation\'s name in all three languages.' })
  names!: LocalisedText;
}

@ObjectType('Mentor', { description: 'A specialist who mentors a program\'s participants.' })
export class Mentor {
  @Field({ description: 'The mentor\'s full name.' })
  fullName!: string;

  @Field(() => LocalisedText, { description: 'The mentor\'s field, in all three languages.' })
  expertises!: LocalisedText;
}

@ObjectType('Program', {
  description: 'A structured, time-bound offer with its own eligibility, partners and mentors, run at one or more centres (see `runs`).',
})
export class Program {
  @Field(() => ID, { description: 'Opaque, stable identifier.' })
  id!: string;

  @Field({ description: 'Short stable key, e.g. `school-of-analytics`; unique.' })
  code!: string;

  @Field(() => ProgramKindEnum, { description: 'What kind of offer it is.' })
  kind!: ProgramKind;

  @Field(() => LocalisedText, { description: 'The name in all three languages.' })
  names!: LocalisedText;

  @Field(() => LocalisedText, { description: 'What the program offers, in all three languages.' })
  descriptions!: LocalisedText;

  @Field(() => Int, { description: 'Youngest age admitted, on the day of each session (14 unless a reason is given).' })
  minAge!: number;

  @Field(() => Int, { description: 'Oldest age admitted, on the day of each session (35 unless a reason is given).' })
  maxAge!: number;

  @Field(() => LocalisedText, { description: 'Why the age range reaches outside 14–35, in all three languages; empty when it does not.' })
  ageExceptionReasons!: LocalisedText;

  @Field(() => EducationLevelEnum, { description: 'The least education a participant needs (MASTER for the School of Analytics).' })
  minEducation!: EducationLevel;

  @Field({ description: 'True when only young people from villages may take part.' })
  ruralOnly!: boolean;

  @Field({ description: 'True for support groups: members are never named, only counted, and small counts are suppressed in analytics.' })
  anonymous!: boolean;

  @Field(() => Int, { nullable: true, description: 'How long one run lasts, in weeks; null when it is ongoing or varies.' })
  durationWeeks!: number | null;

  @Field(() => GraphQLDate, { nullable: true, description: 'The day the program was retired; null while new runs may start.' })
  closedOn!: string | null;
}

@ObjectType('ProgramRun', { description: 'A program held at one centre between two days.' })
export class ProgramRun {
  @Field(() => ID, { description: 'Opaque, stable identifier.' })
  id!: string;

  @Field(() => GraphQLDate, { description: 'The first day.' })
  startsOn!: string;

  @Field(() => GraphQLDate, { nullable: true, description: 'The last day; null for an ongoing run.' })
  endsOn!: string | null;

  @Field(() => GraphQLDate, { nullable: true, description: 'The day the run was cancelled or stopped early; null otherwise.' })
  closedOn!: string | null;

  @Field(() => ProgramRunStatusEnum, { description: 'Where the run stands today, from its dates.' })
  status!: ProgramRunStatus;

  /** Not fields: `program` and `centre` resolve them through DataLoaders. */
  programId!: string;
  centreId!: string;
}
