import type { Language, Role } from '@mrc/domain';
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { CentreEntity } from '../centres/centre.entity.js';
import { ROOT_LOGGER } from '../common/logging.js';
import { APP_CONFIG, type AppConfig } from '../config/env.js';
import demoUsers from '../database/seed/data/demo-users.json' with { type: 'json' };
import { UserEntity } from './user.entity.js';
import { UsersService } from './users.service.js';

interface DemoUser {
  email: string;
  displayName: string;
  role: Role;
  centreCode: string | null;
  preferredLanguage: Language;
  password: string;
}

// Any constant works; it only has to be the same for every API process sharing a database.
const ACCOUNTS_SEED_LOCK = 727_002;

/**
 * The first accounts of an empty database: the administrator named by ADMIN_EMAIL/ADMIN_PASSWORD,
 * and, when SEED_DEMO_USERS is on, the README's demo accounts. A database with any account is left
 * alone. There is no built-in password outside the demo data.
 */
@Injectable()
export class AccountsSeeder implements OnApplicationBootstrap {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(ROOT_LOGGER) private readonly log: Logger,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { firstAdmin, seedDemoUsers } = this.config.auth;
    await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [ACCOUNTS_SEED_LOCK]);
      if ((await manager.count(UserEntity)) > 0) return;
      if (firstAdmin) {
        await this.users.insertAccount(manager, {
          email: firstAdmin.email,
          displayName: firstAdmin.name,
          role: 'REGIONAL_ADMIN',
          centreId: null,
          preferredLanguage: 'ru',
          password: firstAdmin.password,
        });
        this.log.info({ email: firstAdmin.email }, 'Created the first administrator from ADMIN_EMAIL');
      }
      if (seedDemoUsers) {
        for (const demo of demoUsers.users as DemoUser[]) {
          const centre = demo.centreCode ? await manager.findOneBy(CentreEntity, { code: demo.centreCode }) : null;
          if (demo.centreCode && !centre) continue; // the network was seeded differently: skip that coordinator
          await this.users.insertAccount(manager, { ...demo, centreId: centre?.id ?? null });
        }
        this.log.info('Created the demo accounts (see README)');
      }
      if (!firstAdmin && !seedDemoUsers) {
        this.log.warn('No accounts yet: set ADMIN_EMAIL and ADMIN_PASSWORD, or run `pnpm --filter @mrc/api create-admin`.');
      }
    });
  }
}
