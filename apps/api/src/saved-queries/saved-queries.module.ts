import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { SavedQueriesResolver } from './saved-queries.resolver.js';
import { SavedQueriesService } from './saved-queries.service.js';

/** The workbench's saved queries: each analyst's own, and those shared with all. */
@Module({
  imports: [AuditModule],
  providers: [SavedQueriesService, SavedQueriesResolver],
})
export class SavedQueriesModule {}
