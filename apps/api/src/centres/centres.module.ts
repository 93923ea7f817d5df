import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { CentreEntity } from './centre.entity.js';
import { CentresLoader } from './centres.loader.js';
import { CentresResolver } from './centres.resolver.js';
import { CentresService } from './centres.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([CentreEntity]), AuditModule],
  providers: [CentresService, CentresResolver, CentresLoader],
  exports: [CentresService, CentresLoader],
})
export class CentresModule {}
