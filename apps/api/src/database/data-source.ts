import type { DataSourceOptions } from 'typeorm';
import { AuditEntryEntity } from '../audit/audit-entry.entity.js';
import { SessionEntity } from '../auth/session.entity.js';
import { CentreEntity } from '../centres/centre.entity.js';
import { ClubTypeEntity } from '../clubs/club-type.entity.js';
import { ClubEntity } from '../clubs/club.entity.js';
import { EquipmentItemEntity } from '../facilities/equipment-item.entity.js';
import { SpaceEntity } from '../facilities/space.entity.js';
import { ProgramEntity, ProgramMentorEntity, ProgramPartnerEntity } from '../programs/program.entity.js';
import { ProgramRunEntity } from '../programs/program-run.entity.js';
import {
  ActivityReportEntity,
  IdempotencyKeyEntity,
  ReportClubEntity,
  ReportProgramRunEntity,
  ReportReachEntity,
} from '../reports/activity-report.entity.js';
import { RolloutChangeEntity, RolloutItemEntity } from '../rollout/rollout-item.entity.js';
import { SavedQueryEntity } from '../saved-queries/saved-query.entity.js';
import { UserEntity } from '../users/user.entity.js';
import { migrations } from './migrations/index.js';
import { SqlStatementCounter } from './sql-statement-counter.js';

/**
 * The one description of how the app talks to PostgreSQL. The app (database.module.ts) and the
 * TypeORM CLI (cli-data-source.ts) both build their DataSource from it, so they can never disagree
 * about entities or migrations.
 */
export function dataSourceOptions(url: string, poolSize = 10): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: [
      CentreEntity,
      SpaceEntity,
      EquipmentItemEntity,
      ClubTypeEntity,
      ClubEntity,
      ProgramEntity,
      ProgramPartnerEntity,
      ProgramMentorEntity,
      ProgramRunEntity,
      UserEntity,
      SessionEntity,
      AuditEntryEntity,
      ActivityReportEntity,
      ReportReachEntity,
      ReportClubEntity,
      ReportProgramRunEntity,
      IdempotencyKeyEntity,
      RolloutItemEntity,
      RolloutChangeEntity,
      SavedQueryEntity,
    ],
    migrations,
    migrationsTableName: 'schema_migration',
    // The schema changes only through migrations (conventions.md, habit 6).
    synchronize: false,
    migrationsRun: false,
    logger: new SqlStatementCounter(),
    extra: {
      max: poolSize,
      application_name: 'mrc-api',
      // Fail a request quickly when the database is down instead of queueing it forever.
      connectionTimeoutMillis: 5_000,
    },
  };
}
