import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { API_ROOT } from '../config/paths.js';

/** The committed contract the dashboard's codegen and the analysts read. */
export const SCHEMA_FILE = join(API_ROOT, 'schema.gql');

const HEADER = '# Generated from the API code by `pnpm --filter @mrc/api schema`. Do not edit by hand.\n\n';

/** The SDL of a running app's schema, sorted, exactly as it is committed. */
export function printAppSchema(app: INestApplication): string {
  const { schema } = app.get(GraphQLSchemaHost);
  return `${HEADER}${printSchema(lexicographicSortSchema(schema))}\n`;
}

export async function readCommittedSchema(): Promise<string> {
  return readFile(SCHEMA_FILE, 'utf8');
}
