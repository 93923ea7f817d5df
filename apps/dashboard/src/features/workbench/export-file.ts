import type { Language } from '@mrc/domain';
import type { SessionStore } from '../auth/session-store';
import { saveFile } from '../reports/csv';

export type ExportFormat = 'csv' | 'xlsx';

export interface ExportRequest {
  format: ExportFormat;
  /** A GraphQL document with one list (or the analytics aggregate) to export. */
  query: string;
  variables?: Record<string, unknown> | undefined;
}

/** The API's refusal of an export, as it said it (`{ errors: [{ message, extensions: { code } }] }`). */
export class ExportError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'ExportError';
  }
}

/**
 * POST /exports: the API runs the query as the signed-in person, every page of it, and answers with
 * the file (CSV with a byte-order mark, or XLSX with typed cells). Authenticated the way the Apollo
 * link does it: the access token as a bearer token, renewed from the refresh cookie once when the
 * API says it expired. The file is offered to save under the name the API gives it.
 */
export async function downloadExport(
  request: ExportRequest,
  { session, language, fetchImpl = (input, init) => globalThis.fetch(input, init) }: { session: SessionStore; language: Language; fetchImpl?: typeof fetch },
): Promise<string> {
  const send = (token: string | null) =>
    fetchImpl('/exports', {
      method: 'POST',
      // Same origin: the refresh cookie is not needed here, only the bearer token.
      credentials: 'same-origin',
      headers: {
        'Content-Type': 'application/json',
        'Accept-Language': language,
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ format: request.format, query: request.query, ...(request.variables ? { variables: request.variables } : {}) }),
    });

  const sentWith = session.accessToken;
  let response = await send(sentWith);
  if (response.status === 401) {
    const fresh = await session.refresh(sentWith);
    if (fresh !== null) response = await send(fresh);
  }
  if (!response.ok) throw await refusalOf(response);

  const fileName = fileNameOf(response.headers.get('Content-Disposition')) ?? `export.${request.format}`;
  saveFile(await response.blob(), fileName);
  return fileName;
}

async function refusalOf(response: Response): Promise<ExportError> {
  try {
    const body = (await response.json()) as { errors?: Array<{ message?: unknown; extensions?: { code?: unknown } }> };
    const first = body.errors?.[0];
    if (first && typeof first.message === 'string') {
      return new ExportError(first.message, typeof first.extensions?.code === 'string' ? first.extensions.code : 'INTERNAL_SERVER_ERROR', response.status);
    }
  } catch {
    // Not JSON (a proxy's error page): described by its status below.
  }
  return new ExportError('', response.status === 401 ? 'UNAUTHENTICATED' : response.status === 403 ? 'FORBIDDEN' : 'INTERNAL_SERVER_ERROR', response.status);
}

/** The file name of `Content-Disposition: attachment; filename="analytics-2026-11-26.csv"` (or `filename*=UTF-8''…`). */
export function fileNameOf(header: string | null): string | null {
  if (!header) return null;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // A malformed escape: fall back to the plain name.
    }
  }
  const plain = /filename\s*=\s*(?:"([^"]*)"|([^;]+))/.exec(header);
  const name = (plain?.[1] ?? plain?.[2])?.trim();
  // Only a name, never a path the browser would have to make sense of.
  return name ? name.replace(/[/\\]/g, '_') : null;
}
