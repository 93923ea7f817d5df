import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { ProgramEntity, ProgramMentorEntity, ProgramPartnerEntity } from './program.entity.js';
import { ProgramRunEntity } from './program-run.entity.js';
import { ProgramsLoader } from './programs.loader.js';
import {
  CentreProgramRunsResolver,
  MentorsResolver,
  ProgramPartnersResolver,
  ProgramRunsResolver,
  ProgramsResolver,
} from './programs.resolver.js';
import { ProgramsService } from './programs.service.js';

/** Programs with their eligibility, partners and mentors, and their runs at centres. */
@Module({
  imports: [TypeOrmModule.forFeature([ProgramEntity, ProgramPartnerEntity, ProgramMentorEntity, ProgramRunEntity]), AuditModule],
  providers: [ProgramsService, ProgramsLoader, ProgramsResolver, ProgramPartnersResolver, MentorsResolver, ProgramRunsResolver, CentreProgramRunsResolver],
  exports: [ProgramsLoader],
})
export class ProgramsModule {}
