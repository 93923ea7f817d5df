import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { GraphQLDateTime } from 'graphql-scalars';

@ObjectType('SavedQuery', {
  description: 'A GraphQL query an analyst saved in the workbench: private to its owner, or shared with every analyst and administrator.',
})
export class SavedQuery {
  @Field(() => ID, { description: 'Opaque, stable identifier.' })
  id!: string;

  @Field({ description: 'A short title, 1 to 200 characters.' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'What the query answers, at most 2000 characters; null when not given.' })
  description!: string | null;

  @Field({ description: 'The GraphQL document (one or more operations and their fragments), valid against the schema when it was saved.' })
  document!: string;

  @Field(() => String, { nullable: true, description: 'The variables to run it with, as the JSON text of an object; null when it takes none.' })
  variables!: string | null;

  @Field({ description: 'True when every analyst and administrator sees it; false while only its owner does.' })
  shared!: boolean;

  @Field({ description: 'The display name of who saved it.' })
  ownerName!: string;

  @Field({ description: 'True when the caller saved it: only the owner changes or deletes a query.' })
  mine!: boolean;

  @Field(() => GraphQLDateTime, { description: 'When it was saved first.' })
  createdAt!: Date;

  @Field(() => GraphQLDateTime, { description: 'When it was last changed.' })
  updatedAt!: Date;

  @Field(() => Int, { description: 'Grows with each change; send it back with an update, which is refused with CONFLICT when the query changed meanwhile.' })
  version!: number;
}
