import { SetMetadata } from '@nestjs/common';
import type { PolicyAction, PolicySubjectType } from '@mrc/domain';

export const PUBLIC_KEY = 'mrc:public';
export const POLICY_KEY = 'mrc:policy';

export interface RequiredPolicy {
  action: PolicyAction;
  subject: PolicySubjectType;
}

/** Open to anonymous callers (only `login` and `refreshSession`). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/**
 * What a query or mutation needs, checked by PolicyGuard before it runs. Every operation carries
 * one (or @Public): an operation without either is refused, so a new one cannot ship unguarded.
 * Rules that depend on the record (a coordinator's own centre) are checked again in the service.
 */
export const Policy = (action: PolicyAction, subject: PolicySubjectType) =>
  SetMetadata(POLICY_KEY, { action, subject } satisfies RequiredPolicy);
