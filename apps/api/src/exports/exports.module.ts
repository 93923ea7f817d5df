import { Module } from '@nestjs/common';
import { RequestContextModule } from '../graphql/graphql.module.js';
import { CallerGraphql } from './caller-graphql.js';
import { ExportsController } from './exports.controller.js';
import { ExportsService } from './exports.service.js';
import { TabularSources } from './tabular-source.js';

/**
 * Downloads of GraphQL lists as CSV and XLSX (POST /exports). A module whose root field is not a
 * connection (the analytics aggregate) imports this one and registers its table with TabularSources.
 * A body that is not JSON is refused by the app's body parser before any route (common/body-errors.ts),
 * in the same `{ errors: [...] }` shape.
 */
@Module({
  imports: [RequestContextModule],
  controllers: [ExportsController],
  providers: [CallerGraphql, ExportsService, TabularSources],
  exports: [TabularSources],
})
export class ExportsModule {}
