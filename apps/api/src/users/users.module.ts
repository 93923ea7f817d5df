import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { PasswordService } from '../auth/passwords.js';
import { AccountsSeeder } from './accounts.seeder.js';
import { UserEntity } from './user.entity.js';
import { UsersLoader } from './users.loader.js';
import { UsersResolver } from './users.resolver.js';
import { UsersService } from './users.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([UserEntity]), AuditModule],
  providers: [UsersService, UsersResolver, UsersLoader, PasswordService, AccountsSeeder],
  exports: [UsersService, UsersLoader, PasswordService],
})
export class UsersModule {}
