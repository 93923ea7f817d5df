import { Module } from '@nestjs/common';
import { ExportsModule } from '../exports/exports.module.js';
import { TabularSources } from '../exports/tabular-source.js';
import { openAnalyticsTable } from './analytics-export.js';
import { AnalyticsResolver, AnalyticsTableResolver } from './analytics.resolver.js';
import { AnalyticsService } from './analytics.service.js';

/** The analysts' aggregates over the read model, with small-number protection; downloadable through POST /exports. */
@Module({
  imports: [ExportsModule],
  providers: [AnalyticsService, AnalyticsResolver, AnalyticsTableResolver],
  exports: [AnalyticsService],
})
export class AnalyticsModule {
  constructor(sources: TabularSources) {
    sources.register('analytics', openAnalyticsTable);
  }
}
