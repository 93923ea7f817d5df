/**
 * Entry point for the TypeORM CLI (`pnpm --filter @mrc/api typeorm migration:run`). The CLI needs
 * an explicit server: DATABASE_URL. The embedded server prints its URL when `pnpm start` boots it.
 */
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source.js';

const url = process.env.DATABASE_URL;
if (!url) {
  throw new Error('Set DATABASE_URL to the PostgreSQL server the TypeORM CLI should work on.');
}

// The app's logger only counts statements; the CLI prints what it does instead.
export default new DataSource({ ...dataSourceOptions(url), logger: 'advanced-console', logging: ['error', 'warn', 'info', 'log', 'migration'] });
