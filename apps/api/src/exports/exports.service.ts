import { Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import { today } from '../common/dates.js';
import { BadUserInputError, UnauthenticatedError } from '../common/errors.js';
import { INTERNAL_ERROR_MESSAGE } from '../graphql/format-error.js';
import type { RequestContext } from '../graphql/request-context.js';
import { CallerGraphql, GraphqlErrors } from './caller-graphql.js';
import { CSV_CONTENT_TYPE, writeCsv } from './csv-writer.js';
import { type ConnectionPage, type ConnectionPlan, connectionFieldNames, isConnectionField, planConnection, readExportDocument } from './export-plan.js';
import { type TabularSource, TabularSources } from './tabular-source.js';
import { writeXlsx, XLSX_CONTENT_TYPE } from './xlsx-writer.js';

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The JSON body of POST /exports. */
export interface ExportRequest {
  format: ExportFormat;
  query: string;
  variables: Record<string, unknown>;
  operationName: string | undefined;
}

/** HTTP status of a refusal answered before the download starts, by its code. */
const STATUS_BY_CODE: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  RATE_LIMITED: 429,
  INTERNAL_SERVER_ERROR: 500,
};

/**
 * POST /exports: one GraphQL list (or a registered table such as the analytics aggregate) as a CSV
 * or XLSX download, run as the caller through the same GraphQL server, page by page.
 *
 * Everything that can be refused is refused before the first byte, as JSON `{ errors: [...] }`
 * with a 400/401/403/429 status: a bad body, a query that does not fit, the first page's GraphQL
 * errors. Once the file has started, a failure aborts the connection, so a partial file is never
 * taken for a whole one.
 */
@Injectable()
export class ExportsService {
  constructor(
    private readonly graphql: CallerGraphql,
    private readonly sources: TabularSources,
  ) {}

  async export(req: Request, res: Response): Promise<void> {
    const log = req.log as Logger | undefined;
    let started = false;
    try {
      const request = readExportRequest(req.body);
      const context = await this.graphql.context(req, res);
      if (!context.actor) throw new UnauthenticatedError(context.tokenRejected ? 'Your session has ended. Sign in again.' : 'Sign in to export.');
      if (context.rateLimited) throw context.rateLimited;
      const { source, rootField } = await this.open(request, context);

      const extension = request.format;
      res.status(200);
      res.setHeader('Content-Type', request.format === 'csv' ? CSV_CONTENT_TYPE : XLSX_CONTENT_TYPE);
      res.setHeader('Content-Disposition', `attachment; filename="${rootField}-${today()}.${extension}"`);
      res.setHeader('Cache-Control', 'no-store');
      res.setHeader('X-Content-Type-Options', 'nosniff');
      started = true;
      if (request.format === 'csv') await writeCsv(source, res);
      else await writeXlsx(source, res, rootField);
    } catch (error) {
      if (!started) {
        this.refuse(req, res, error, log);
        return;
      }
      // The file has begun: end the connection without its last chunk, so the client sees a failed
      // download rather than a complete-looking short file.
      if (!res.destroyed) log?.error({ err: error }, 'Export failed after it started; the download was aborted');
      res.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  }

  private async open(request: ExportRequest, context: RequestContext): Promise<{ source: TabularSource; rootField: string }> {
    const schema = this.graphql.schema;
    const parsed = readExportDocument(schema, request.query, request.operationName);
    const rootField = parsed.rootField.name.value;
    const execute = (document: Parameters<CallerGraphql['execute']>[1], variables: Record<string, unknown>) => this.graphql.execute(context, document, variables);

    const registered = this.sources.get(rootField);
    if (registered) {
      const source = await registered({ document: parsed.document, operation: parsed.operation, rootField: parsed.rootField, variables: request.variables, execute });
      return { source, rootField };
    }
    if (!isConnectionField(parsed.rootFieldDefinition)) {
      const accepted = [...connectionFieldNames(schema), ...this.sources.names()].sort().join(', ');
      throw new BadUserInputError(`${rootField} is not a list that exports. Export one of: ${accepted}.`, { query: `the root field must be one of: ${accepted}` });
    }
    const plan = planConnection(schema, parsed, request.variables);
    const source = await openConnection(plan, (after) => execute(plan.document, plan.variables(after)), () => this.graphql.forgetLoadedRows(context));
    return { source, rootField };
  }

  private refuse(req: Request, res: Response, error: unknown, log: Logger | undefined): void {
    let errors: readonly GraphQLFormattedError[];
    if (error instanceof GraphqlErrors) {
      errors = error.errors;
    } else if (error instanceof GraphQLError && typeof error.extensions.code === 'string' && error.extensions.code !== 'INTERNAL_SERVER_ERROR') {
      errors = [{ message: error.message, extensions: error.extensions }];
    } else {
      log?.error({ err: error }, 'Export failed unexpectedly');
      errors = [{ message: INTERNAL_ERROR_MESSAGE, extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: String(req.id ?? '') } }];
    }
    const code = String(errors[0]?.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
    const retryAfter = errors[0]?.extensions?.retryAfter;
    if (code === 'RATE_LIMITED' && typeof retryAfter === 'number') res.setHeader('Retry-After', String(retryAfter));
    res.status(STATUS_BY_CODE[code] ?? 400).json({ errors });
  }
}

/**
 * The rows of a connection, page after page. The first page is fetched here, before anything is
 * sent, so its errors are answered as JSON; later pages are fetched as the writer asks for rows.
 */
export async function openConnection(
  plan: ConnectionPlan,
  fetchPage: (after: string | null) => Promise<Record<string, unknown>>,
  afterPage: () => void,
): Promise<TabularSource> {
  const first = plan.page(await fetchPage(null));
  return {
    columns: plan.columns.map(({ key, label, type }) => ({ key, label, type })),
    async *rows() {
      let page = first;
      let previousCursor: string | null = null;
      for (;;) {
        // The next page is asked for before this one is written, so the database works while the
        // rows go out; at most two pages are held at once.
        let next: Promise<ConnectionPage> | undefined;
        if (page.hasNextPage && page.endCursor) {
          if (page.endCursor === previousCursor) throw new Error(`The list ${plan.rootField} returned the same page twice.`);
          previousCursor = page.endCursor;
          afterPage();
          next = fetchPage(page.endCursor).then((data) => plan.page(data));
          // Settled even if the download stops first: its failure then has nobody to tell.
          next.catch(() => undefined);
        }
        yield* page.rows;
        if (!next) return;
        page = await next;
      }
    },
  };
}

/** Checks POST /exports's body; BAD_USER_INPUT naming the fields at fault. */
export function readExportRequest(body: unknown): ExportRequest {
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw new BadUserInputError('Send a JSON object: { "format": "csv" | "xlsx", "query": "…", "variables": {…}, "operationName": "…" }.', { body: 'must be a JSON object' });
  }
  const { format, query, variables, operationName } = body as Record<string, unknown>;
  const problems: Record<string, string> = {};
  if (typeof format !== 'string' || !(EXPORT_FORMATS as readonly string[]).includes(format)) problems.format = 'must be "csv" or "xlsx"';
  if (typeof query !== 'string' || query.trim() === '') problems.query = 'must be a GraphQL query';
  if (variables !== undefined && variables !== null && (typeof variables !== 'object' || Array.isArray(variables))) problems.variables = 'must be a JSON object';
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') problems.operationName = 'must be a text';
  if (Object.keys(problems).length > 0) throw new BadUserInputError(`Check ${Object.keys(problems).join(', ')}.`, problems);
  return {
    format: format as ExportFormat,
    query: query as string,
    variables: (variables as Record<string, unknown> | null | undefined) ?? {},
    operationName: (operationName as string | null | undefined) ?? undefined,
  };
}
