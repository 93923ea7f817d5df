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

export default new DataSource(dataSourceOptions(url));
