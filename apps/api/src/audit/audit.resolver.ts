import { Args, Context, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Policy } from '../auth/policy.decorators.js';
import { Centre } from '../centres/dto/centre.object.js';
import { Connection } from '../common/pagination.js';
import type { RequestContext } from '../graphql/request-context.js';
import { User } from '../users/dto/user.object.js';
import { AuditService } from './audit.service.js';
import { AuditEntriesArgs } from './dto/audit-entries.args.js';
import { AuditEntry } from './dto/audit-entry.object.js';

@ObjectType('AuditEntryConnection', { description: 'A page of audit entries.' })
class AuditEntryConnection extends Connection(AuditEntry, 'AuditEntry') {}

@Resolver(() => AuditEntry)
export class AuditResolver {
  constructor(private readonly auditService: AuditService) {}

  @Policy('read', 'AuditEntry')
  @Query(() => AuditEntryConnection, { description: 'The audit trail, newest first. Sign-ins, session renewals and sign-outs stay AUDIT_SIGN_IN_KEEP_DAYS days (365 unless configured); every other entry stays for good, unchanged. Administrators only.' })
  auditEntries(@Args() args: AuditEntriesArgs, @Context() context: RequestContext) {
    // Sign-ins and renewals are entries too.
    context.signIns.shown = true;
    return this.auditService.list(args);
  }

  @ResolveField(() => User, { nullable: true, description: 'Who made the change.' })
  actor(@Parent() entry: AuditEntry, @Context() context: RequestContext) {
    return entry.actorId ? context.loaders.users.byId.load(entry.actorId) : null;
  }

  @ResolveField(() => Centre, { nullable: true, description: 'The centre the change concerns, if any.' })
  centre(@Parent() entry: AuditEntry, @Context() context: RequestContext) {
    return entry.centreId ? context.loaders.centres.byId.load(entry.centreId) : null;
  }
}
