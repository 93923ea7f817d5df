import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsOptional, IsUUID } from 'class-validator';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/** The part of a list filter that picks centres: one centre, or a centre and everything below it. */
@InputType({ isAbstract: true })
export abstract class CentreScopeFilter {
  @Field(() => ID, { nullable: true, description: 'Only records of this centre, or with `includeSubtree` of this centre and every centre below it.' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a centre id' })
  centreId?: string;

  @Field({ defaultValue: false, description: 'With `centreId`: include the centres below it (the whole district, or for the regional centre the whole network).' })
  @IsBoolean()
  includeSubtree: boolean = false;
}

/** The same two as arguments, for a query that is not a list (completeness, progress): an input type's fields do not become arguments. */
@ArgsType()
export class CentreScopeArgs {
  @Field(() => ID, { nullable: true, description: 'Only this centre, or with `includeSubtree` this centre and every centre below it.' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a centre id' })
  centreId?: string;

  @Field({ defaultValue: false, description: 'With `centreId`: include the centres below it.' })
  @IsBoolean()
  includeSubtree: boolean = false;
}

/** SQL naming the ids of a centre and all centres below it, for `column IN (...)`. */
export const SUBTREE_SQL = `
  WITH RECURSIVE subtree AS (
    SELECT id FROM centre WHERE id = :scopeCentreId
    -- UNION, not UNION ALL: should a cycle ever slip in, the walk still ends.
    UNION
    SELECT child.id FROM centre child JOIN subtree ON child.parent_id = subtree.id
  )
  SELECT id FROM subtree`;

/** Narrows a query to the scope's centres by its centre column (e.g. `club.centre_id`). */
export function applyCentreScope<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, column: string, scope: CentreScopeFilter | CentreScopeArgs | undefined): void {
  if (!scope?.centreId) return;
  if (scope.includeSubtree) {
    query.andWhere(`${column} IN (${SUBTREE_SQL})`, { scopeCentreId: scope.centreId });
  } else {
    query.andWhere(`${column} = :scopeCentreId`, { scopeCentreId: scope.centreId });
  }
}
