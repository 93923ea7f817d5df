import { Field, ID, ObjectType } from '@nestjs/graphql';
import { GraphQLDateTime } from 'graphql-scalars';

@ObjectType({ description: 'One changed field of an audit entry.' })
export class AuditChange {
  @Field({ description: 'The field, as named in the API (e.g. `role`, `centreId`).' })
  field!: string;

  @Field(() => String, { nullable: true, description: 'JSON text of the value before; null when there was none. Secrets show as "(secret)".' })
  before!: string | null;

  @Field(() => String, { nullable: true, description: 'JSON text of the value after; null when there is none.' })
  after!: string | null;
}

@ObjectType({
  description:
    'What one accepted mutation changed, written in the same transaction as the change. Rejected mutations leave none. Entries are never changed; sign-ins, session renewals and sign-outs are deleted after AUDIT_SIGN_IN_KEEP_DAYS, every other entry is kept for good.',
})
export class AuditEntry {
  @Field(() => ID, { description: 'Opaque, stable identifier.' })
  id!: string;

  @Field(() => GraphQLDateTime, { description: 'When the change was committed.' })
  occurredAt!: Date;

  @Field({ description: 'What was done, e.g. `CREATE_USER`, `DEACTIVATE_USER`, `LOGIN`.' })
  action!: string;

  @Field({ description: 'The kind of record changed, e.g. `User`, `Session`, `Centre`.' })
  entityType!: string;

  @Field(() => String, { nullable: true, description: 'The id of the record changed.' })
  entityId!: string | null;

  @Field(() => [AuditChange], { description: 'The fields that changed, with their values before and after.' })
  changes!: AuditChange[];

  @Field(() => String, { nullable: true, description: 'The request id of the mutation (the X-Request-Id response header), for the server log.' })
  requestId!: string | null;

  /** Not fields: `actor` and `centre` resolve through DataLoaders. */
  actorId!: string | null;
  centreId!: string | null;
}
