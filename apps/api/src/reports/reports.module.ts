import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { CompletenessService } from './completeness.service.js';
import { IdempotencyKeysSweeper } from './idempotency-keys.sweeper.js';
import { CentreReportsResolver, ClubFiguresResolver, CompletenessResolver, ProgramRunFiguresResolver, ReportsResolver } from './reports.resolver.js';
import { ReportsLoader } from './reports.loader.js';
import { ReportsService } from './reports.service.js';

/** Activity reports of the centres, their review, and completeness and timeliness of reporting. */
@Module({
  imports: [AuditModule],
  providers: [ReportsService, CompletenessService, IdempotencyKeysSweeper, ReportsLoader, ReportsResolver, CompletenessResolver, CentreReportsResolver, ClubFiguresResolver, ProgramRunFiguresResolver],
  exports: [ReportsLoader],
})
export class ReportsModule {}
