import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { readRefreshCookie } from '../auth/refresh-cookie.js';
import { APP_CONFIG, type AppConfig } from '../config/env.js';
import { explorerPage, signInPage } from '../graphql/explorer.plugin.js';
import { GRAPHQL_PATH } from '../graphql/graphql.module.js';

/**
 * GET /graphql from a browser: the explorer page, or in production without the dashboard's session
 * cookie the short sign-in page (the page itself shows that too when the session has ended). Other
 * requests to /graphql (POST, and GET from clients that ask for JSON) go on to the GraphQL server. Runs
 * before Apollo, which cannot see the request when it renders a landing page.
 */
@Injectable()
export class ExplorerMiddleware implements NestMiddleware {
  /** Built on first use (the bundle is some 9 MB of text), then kept: it is the same for everyone. */
  private page: Promise<string> | undefined;

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
    this.page ??= explorerPage({ endpoint: GRAPHQL_PATH, production: this.config.isProduction });
    this.page.then(
      (html) => res.status(200).setHeader('Cache-Control', 'no-cache').type('html').send(html),
      (error: unknown) => next(error),
    );
  }
}
