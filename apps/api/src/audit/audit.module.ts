import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditEntryEntity } from './audit-entry.entity.js';
import { AuditResolver } from './audit.resolver.js';
import { AuditedWrites } from './audited-writes.js';
import { AuditService } from './audit.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([AuditEntryEntity])],
  providers: [AuditService, AuditResolver, AuditedWrites],
  exports: [AuditService, AuditedWrites],
})
export class AuditModule {}
