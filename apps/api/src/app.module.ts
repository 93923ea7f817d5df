import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type DynamicModule, Module } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import { AnalyticsModule } from './analytics/analytics.module.js';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { CentresModule } from './centres/centres.module.js';
import { ExportsModule } from './exports/exports.module.js';
import { ClubsModule } from './clubs/clubs.module.js';
import { FacilitiesModule } from './facilities/facilities.module.js';
import { ProgramsModule } from './programs/programs.module.js';
import { ReportsModule } from './reports/reports.module.js';
import { RolloutModule } from './rollout/rollout.module.js';
import { SavedQueriesModule } from './saved-queries/saved-queries.module.js';
import { WorkbenchModule } from './workbench/workbench.module.js';
import { UsersModule } from './users/users.module.js';
import { ConfigModule } from './config/config.module.js';
import type { AppConfig } from './config/env.js';
import type { Logger } from 'pino';
import { DatabaseModule } from './database/database.module.js';
import { GraphqlModule } from './graphql/graphql.module.js';
import { HealthModule } from './health/health.module.js';

@Module({})
export class AppModule {
  /** `databaseUrl` is the database openDatabase() prepared (DATABASE_URL or the embedded one). */
  static register(config: AppConfig, databaseUrl: string, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config, logger),
        DatabaseModule.forUrl(databaseUrl, config.dbPoolSize),
        GraphqlModule,
        HealthModule,
        AuthModule,
        AuditModule,
        CentresModule,
        FacilitiesModule,
        ClubsModule,
        ProgramsModule,
        ReportsModule,
        RolloutModule,
        AnalyticsModule,
        UsersModule,
        ExportsModule,
        SavedQueriesModule,
        WorkbenchModule,
        ...dashboardModule(config),
      ],
    };
  }
}

/**
 * The built dashboard at "/", with its client-side routes falling back to index.html. Absent while
 * only the API is built (`pnpm dev` serves the dashboard from Vite instead).
 */
function dashboardModule(config: AppConfig): DynamicModule[] {
  if (!existsSync(join(config.dashboardDist, 'index.html'))) return [];
  return [
    ServeStaticModule.forRoot({
      rootPath: config.dashboardDist,
      exclude: ['/graphql', '/graphql/{*rest}', '/health', '/health/{*rest}'],
      serveStaticOptions: {
        index: 'index.html',
        fallthrough: true,
        // Built assets carry a content hash in their names and never change; index.html names the
        // current ones, so browsers must ask again after every deploy.
        setHeaders: (res, path) => {
          res.setHeader('Cache-Control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
        },
      },
    }),
  ];
}
