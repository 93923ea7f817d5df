import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { readRefreshCookie } from '../auth/refresh-cookie.js';
import { APP_CONFIG, type AppConfig } from '../config/env.js';
import { explorerPage, signInPage } from '../graphql/explorer.plugin.js';
import { GRAPHQL_PATH } from '../graphql/graphql.module.js';

/** The explorer page as sent: made once, with its gzip and ETag, since it is the same for everyone. */
interface ExplorerPage {
  bytes: Buffer;
  gzipped: Buffer;
  etag: string;
}

/**
 * GET /graphql from a browser: the explorer page, or in production without the dashboard's session
 * cookie the short sign-in page (the page itself shows that too when the session has ended). Other
 * requests to /graphql (POST, and GET from clients that ask for JSON) go on to the GraphQL server. Runs
 * before Apollo, which cannot see the request when it renders a landing page.
 */
const gzipped = promisify(gzip);

@Injectable()
export class ExplorerMiddleware implements NestMiddleware {
  /**
   * Built on first use, then kept. The bundle is some 9 MB of text: sent as text, every request made
   * a 9 MB buffer and gzipped it anew (a quarter of a second of CPU), for anyone with a cookie of the
   * session's name. Now a request costs a header check, and a browser that has it gets 304.
   */
  private page: Promise<ExplorerPage> | undefined;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  use(req: Request, res: Response, next: NextFunction): void {
    // A browser's navigation prefers HTML, also with `?query=` (an example opened in a tab); GraphQL clients ask for JSON.
    const wantsPage = req.method === 'GET' && req.accepts(['application/json', 'text/html']) === 'text/html';
    if (!wantsPage) {
      next();
      return;
    }
    res.setHeader('X-Content-Type-Options', 'nosniff');
    if (this.config.isProduction && !readRefreshCookie(req)) {
      res.status(401).setHeader('Cache-Control', 'no-store').type('html').send(signInPage());
      return;
    }
    this.page ??= explorerPage({ endpoint: GRAPHQL_PATH, production: this.config.isProduction }).then(async (html) => {
      const bytes = Buffer.from(html);
      return { bytes, gzipped: await gzipped(bytes), etag: `"${createHash('sha256').update(bytes).digest('base64url')}"` };
    });
    this.page.then(
      (page) => {
        res.status(200).setHeader('Cache-Control', 'no-cache').setHeader('ETag', page.etag).type('html').vary('Accept-Encoding');
        if (req.fresh) {
          res.status(304).end();
          return;
        }
        // The compression middleware leaves a body that already says its encoding be.
        if (req.acceptsEncodings('gzip', 'identity') === 'gzip') res.setHeader('Content-Encoding', 'gzip').send(page.gzipped);
        else res.send(page.bytes);
      },
      (error: unknown) => next(error),
    );
  }
}
