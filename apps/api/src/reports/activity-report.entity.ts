import type { AgeBand, PeriodType, ReportState, ReportWarning, Sex } from '@mrc/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { RecordColumns } from '../database/record-columns.js';

/** A centre's activity in one reporting period, as stored; its lines live in the three tables below. */
@Entity({ name: 'activity_report' })
export class ActivityReportEntity extends RecordColumns {
  @Column({ name: 'centre_id', type: 'uuid' })
  centreId!: string;

  @Column({ name: 'period_type', type: 'text' })
  periodType!: PeriodType;

  /** 'YYYY-MM', the period's first month. */
  @Column({ type: 'text' })
  period!: string;

  @Column({ type: 'text' })
  state!: ReportState;

  @Column({ name: 'events_held', type: 'integer', nullable: true })
  eventsHeld!: number | null;

  @Column({ name: 'reached_total', type: 'integer', nullable: true })
  reachedTotal!: number | null;

  @Column({ name: 'prevention_raids', type: 'integer', nullable: true })
  preventionRaids!: number | null;

  @Column({ name: 'prevention_sessions', type: 'integer', nullable: true })
  preventionSessions!: number | null;

  @Column({ name: 'prevention_screenings', type: 'integer', nullable: true })
  preventionScreenings!: number | null;

  @Column({ name: 'online_shops_found', type: 'integer', nullable: true })
  onlineShopsFound!: number | null;

  @Column({ name: 'online_shops_blocked', type: 'integer', nullable: true })
  onlineShopsBlocked!: number | null;

  @Column({ type: 'text', nullable: true })
  highlights!: string | null;

  /** Figures far above the centre's usual, found when the report was last saved. */
  @Column({ type: 'jsonb', default: () => `'[]'` })
  warnings!: ReportWarning[];

  /** When the region first received it: timeliness counts from here, whatever happened after. */
  @Column({ name: 'first_submitted_at', type: 'timestamptz', nullable: true })
  firstSubmittedAt!: Date | null;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  @Column({ name: 'submitted_by', type: 'uuid', nullable: true })
  submittedBy!: string | null;

  @Column({ name: 'reviewed_at', type: 'timestamptz', nullable: true })
  reviewedAt!: Date | null;

  @Column({ name: 'reviewed_by', type: 'uuid', nullable: true })
  reviewedBy!: string | null;

  /** Why it was returned or reopened; cleared when it is approved. */
  @Column({ name: 'review_comment', type: 'text', nullable: true })
  reviewComment!: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;
}

@Entity({ name: 'activity_report_reach' })
export class ReportReachEntity {
  @PrimaryColumn({ name: 'report_id', type: 'uuid' })
  reportId!: string;

  @PrimaryColumn({ name: 'age_band', type: 'text' })
  ageBand!: AgeBand;

  @PrimaryColumn({ type: 'text' })
  sex!: Sex;

  @Column({ type: 'integer', nullable: true })
  count!: number | null;
}

@Entity({ name: 'activity_report_club' })
export class ReportClubEntity {
  @PrimaryColumn({ name: 'report_id', type: 'uuid' })
  reportId!: string;

  @PrimaryColumn({ name: 'club_id', type: 'uuid' })
  clubId!: string;

  @Column({ type: 'integer', nullable: true })
  meetings!: number | null;

  @Column({ type: 'integer', nullable: true })
  attendance!: number | null;
}

@Entity({ name: 'activity_report_program_run' })
export class ReportProgramRunEntity {
  @PrimaryColumn({ name: 'report_id', type: 'uuid' })
  reportId!: string;

  @PrimaryColumn({ name: 'program_run_id', type: 'uuid' })
  programRunId!: string;

  @Column({ type: 'integer', nullable: true })
  sessions!: number | null;

  @Column({ type: 'integer', nullable: true })
  attendance!: number | null;
}

/** A submission already answered: a retry with the same key gets the same record back. */
@Entity({ name: 'idempotency_key' })
export class IdempotencyKeyEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @PrimaryColumn({ type: 'text' })
  key!: string;

  @Column({ type: 'text' })
  operation!: string;

  @Column({ name: 'request_hash', type: 'text' })
  requestHash!: string;

  @Column({ name: 'record_id', type: 'uuid' })
  recordId!: string;

  /** The record's version in the first answer: a retry after it changed is told so, not shown a different record. */
  @Column({ name: 'record_version', type: 'integer' })
  recordVersion!: number;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
