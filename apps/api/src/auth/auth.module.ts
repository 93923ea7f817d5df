import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuditModule } from '../audit/audit.module.js';
import { DataVersionModule } from '../graphql/data-version.js';
import { UsersModule } from '../users/users.module.js';
import { AccessTokens } from './access-tokens.js';
import { AuthChanges } from './auth-changes.js';
import { AuthSessionsSweeper } from './auth-sessions.sweeper.js';
import { SignInAuditSweeper } from './sign-in-audit.sweeper.js';
import { AuthResolver } from './auth.resolver.js';
import { AuthService } from './auth.service.js';
import { PolicyGuard } from './policy.guard.js';
import { CredentialsModule } from './credentials.module.js';

@Module({
  imports: [UsersModule, AuditModule, CredentialsModule, DataVersionModule],
  providers: [AuthService, AuthResolver, AccessTokens, AuthChanges, AuthSessionsSweeper, SignInAuditSweeper, { provide: APP_GUARD, useClass: PolicyGuard }],
  exports: [AuthService],
})
export class AuthModule {}
