import { type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import { GRAPHQL_PATH } from '../graphql/graphql-path.js';
import { ExplorerMiddleware } from './explorer.middleware.js';
import { WorkbenchResolver } from './workbench.resolver.js';
import { WorkbenchService } from './workbench.service.js';

/**
 * The query workbench: the explorer page at GET /graphql and its library of example queries.
 * Who may introspect is decided in graphql/explorer.plugin.ts.
 */
@Module({
  providers: [WorkbenchService, WorkbenchResolver],
  exports: [WorkbenchService],
})
export class WorkbenchModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(ExplorerMiddleware).forRoutes({ path: GRAPHQL_PATH, method: RequestMethod.GET });
  }
}
