import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { CredentialsModule } from '../auth/credentials.module.js';
import { AccountsSeeder } from './accounts.seeder.js';
import { UserEntity } from './user.entity.js';
import { UsersLoader } from './users.loader.js';
import { UsersResolver } from './users.resolver.js';
import { UsersService } from './users.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([UserEntity]), AuditModule, CredentialsModule],
  providers: [UsersService, UsersResolver, UsersLoader, AccountsSeeder],
  exports: [UsersService, UsersLoader],
})
export class UsersModule {}
