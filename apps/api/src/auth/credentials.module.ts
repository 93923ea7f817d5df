import { Module } from '@nestjs/common';
import { PasswordService } from './passwords.js';
import { RateLimits } from './rate-limits.js';

/** Password rules and hashing, and the attempt counters: shared by sign-in and account management. */
@Module({
  providers: [PasswordService, RateLimits],
  exports: [PasswordService, RateLimits],
})
export class CredentialsModule {}
