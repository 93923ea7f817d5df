import type { EducationLevel, LocalisedText, ProgramKind } from '@mrc/domain';
import { Column, Entity } from 'typeorm';
import { NamedRecordColumns } from '../database/record-columns.js';

/** A program with its eligibility, as stored; partners and mentors are rows of their own. */
@Entity({ name: 'program' })
export class ProgramEntity extends NamedRecordColumns {
  @Column({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  kind!: ProgramKind;

  @Column({ type: 'jsonb', nullable: true })
  description!: LocalisedText | null;

  @Column({ name: 'min_age', type: 'integer' })
  minAge!: number;

  @Column({ name: 'max_age', type: 'integer' })
  maxAge!: number;

  @Column({ name: 'age_exception_reason', type: 'jsonb', nullable: true })
  ageExceptionReason!: LocalisedText | null;

  @Column({ name: 'min_education', type: 'text' })
  minEducation!: EducationLevel;

  @Column({ name: 'rural_only', type: 'boolean' })
  ruralOnly!: boolean;

  @Column({ type: 'boolean' })
  anonymous!: boolean;

  @Column({ name: 'duration_weeks', type: 'integer', nullable: true })
  durationWeeks!: number | null;

  @Column({ name: 'closed_on', type: 'date', nullable: true })
  closedOn!: string | null;
}

/** An organisation a program works with (e.g. the chamber of entrepreneurs "Atameken"). */
@Entity({ name: 'program_partner' })
export class ProgramPartnerEntity {
  @Column({ name: 'program_id', type: 'uuid', primary: true })
  programId!: string;

  @Column({ type: 'integer', primary: true })
  position!: number;

  @Column({ name: 'name_kk', type: 'text', nullable: true })
  nameKk!: string | null;

  @Column({ name: 'name_ru', type: 'text', nullable: true })
  nameRu!: string | null;

  @Column({ name: 'name_en', type: 'text', nullable: true })
  nameEn!: string | null;
}

/** A mentor of a program: a specialist who shares experience and helps build careers. */
@Entity({ name: 'program_mentor' })
export class ProgramMentorEntity {
  @Column({ name: 'program_id', type: 'uuid', primary: true })
  programId!: string;

  @Column({ type: 'integer', primary: true })
  position!: number;

  @Column({ name: 'full_name', type: 'text' })
  fullName!: string;

  @Column({ type: 'jsonb', nullable: true })
  expertise!: LocalisedText | null;
}
