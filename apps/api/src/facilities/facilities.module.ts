import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { EquipmentItemEntity } from './equipment-item.entity.js';
import { FacilitiesLoader } from './facilities.loader.js';
import { CentreFacilitiesResolver, EquipmentItemsResolver, SpacesResolver } from './facilities.resolver.js';
import { FacilitiesService } from './facilities.service.js';
import { SpaceEntity } from './space.entity.js';

/** What a centre has: its spaces and the equipment it lends. */
@Module({
  imports: [TypeOrmModule.forFeature([SpaceEntity, EquipmentItemEntity]), AuditModule],
  providers: [FacilitiesService, FacilitiesLoader, SpacesResolver, EquipmentItemsResolver, CentreFacilitiesResolver],
  exports: [FacilitiesLoader],
})
export class FacilitiesModule {}
