import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuditModule } from '../audit/audit.module.js';
import { UsersModule } from '../users/users.module.js';
import { AccessTokens } from './access-tokens.js';
import { AuthResolver } from './auth.resolver.js';
import { AuthService } from './auth.service.js';
import { PolicyGuard } from './policy.guard.js';
import { RateLimits } from './rate-limits.js';

@Module({
  imports: [UsersModule, AuditModule],
  providers: [AuthService, AuthResolver, AccessTokens, RateLimits, { provide: APP_GUARD, useClass: PolicyGuard }],
  exports: [AuthService],
})
export class AuthModule {}
