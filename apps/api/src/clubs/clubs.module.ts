import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { ClubTypeEntity } from './club-type.entity.js';
import { ClubEntity } from './club.entity.js';
import { ClubsLoader } from './clubs.loader.js';
import { CentreClubsResolver, ClubsResolver, ClubTypesResolver } from './clubs.resolver.js';
import { ClubsService } from './clubs.service.js';

/** The club catalogue and the clubs running at centres. */
@Module({
  imports: [TypeOrmModule.forFeature([ClubTypeEntity, ClubEntity]), AuditModule],
  providers: [ClubsService, ClubsLoader, ClubTypesResolver, ClubsResolver, CentreClubsResolver],
  exports: [ClubsLoader],
})
export class ClubsModule {}
