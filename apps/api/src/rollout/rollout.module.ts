import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { LiveEventsModule } from '../graphql/live-events.js';
import { RolloutProgressService } from './progress.service.js';
import { RolloutLoader } from './rollout.loader.js';
import { CentreRolloutItemsResolver, CentreRolloutResolver, ClubTypeRolloutResolver, RolloutResolver } from './rollout.resolver.js';
import { RolloutService } from './rollout.service.js';

/** The rollout of club types to the districts: the plan, its gates, progress, forecast and live changes. */
@Module({
  imports: [AuditModule, LiveEventsModule],
  providers: [RolloutService, RolloutProgressService, RolloutLoader, RolloutResolver, ClubTypeRolloutResolver, CentreRolloutResolver, CentreRolloutItemsResolver],
  exports: [RolloutLoader],
})
export class RolloutModule {}
