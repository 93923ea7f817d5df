import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { WorkbenchExampleFile } from '../workbench-examples.js';

@ObjectType('WorkbenchExample', {
  description: 'A ready example query of the workbench\'s library: the common questions, kept as files in the repository and tested against the schema and the seed data.',
})
export class WorkbenchExample {
  @Field(() => ID, { description: 'The example\'s file name without `.graphql`, e.g. `10-late-rollout-items`; stable.' })
  id!: string;

  @Field({ description: 'The GraphQL document to open in the explorer: one named query whose variables all have defaults, with its title and description as comments.' })
  document!: string;

  /** Not fields: `title` and `description` pick the caller's language. */
  titles!: WorkbenchExampleFile['titles'];
  descriptions!: WorkbenchExampleFile['descriptions'];
}
