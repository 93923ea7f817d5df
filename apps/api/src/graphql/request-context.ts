import { DEFAULT_LANGUAGE, type Language, languageFromAcceptLanguage } from '@mrc/domain';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Actor } from '../auth/actor.js';
import { AuthService } from '../auth/auth.service.js';
import { type RateLimitedError, RateLimits } from '../auth/rate-limits.js';
import { type CentreLoaders, CentresLoader } from '../centres/centres.loader.js';
import { type ClubLoaders, ClubsLoader } from '../clubs/clubs.loader.js';
import { FacilitiesLoader, type FacilityLoaders } from '../facilities/facilities.loader.js';
import { type ProgramLoaders, ProgramsLoader } from '../programs/programs.loader.js';
import { type ReportLoaders, ReportsLoader } from '../reports/reports.loader.js';
import { type RolloutLoaders, RolloutLoader } from '../rollout/rollout.loader.js';
import { type UserLoaders, UsersLoader } from '../users/users.loader.js';
import { DataVersion } from './data-version.js';
import { UNAUTHORIZED_CLOSE } from './live-sockets.js';
import type { WrittenLists } from './written-lists.js';

/** Every request's DataLoaders, new for each request so no data leaks between callers. */
export interface RequestLoaders {
  centres: CentreLoaders;
  facilities: FacilityLoaders;
  clubs: ClubLoaders;
  programs: ProgramLoaders;
  reports: ReportLoaders;
  rollout: RolloutLoaders;
  users: UserLoaders;
}

/** What every resolver gets as its GraphQL context. */
export interface RequestContext {
  req: Request;
  res: Response;
  /** pino-http's id of this request, also sent back as the X-Request-Id header. */
  requestId: string;
  /** From Accept-Language; a field's `lang` argument overrides it. */
  language: Language;
  /** The data version (DataVersion) as the request began, read before its session check: answers are kept under it. */
  dataVersion: number;
  /** Sign-in activity, kept apart from the data version (DataVersion.signIns). */
  signIns: {
    /** DataVersion.signIns as the request began. */
    version: number;
    /** Set by a resolver that shows sign-in activity: the answer is kept under `version` too. */
    shown: boolean;
    /** Set by a sign-in or renewal that succeeded: what it wrote moves DataVersion.signIns, not the data version. */
    onlyRecorded: boolean;
  };
  /** The signed-in caller, from the bearer token; null when anonymous or the token no longer holds. */
  actor: Actor | null;
  /** True when a bearer token came but was refused (expired, signed out, deactivated). */
  tokenRejected: boolean;
  /** Set when the signed-in caller is over their request rate: the guard answers with it. */
  rateLimited: RateLimitedError | null;
  loaders: RequestLoaders;
  /** Set for a subscription over the WebSocket, which lives longer than one request. */
  live?: LiveConnection;
  /** Where an HTTP request's long lists are written as JSON text (written-lists.ts); unset elsewhere. */
  writtenLists?: WrittenLists;
}

/** What a long-lived subscription needs between its events. */
export interface LiveConnection {
  /** Whether the session behind the socket still holds (checked at most every SESSION_RECHECK_MS). */
  stillSignedIn(): Promise<boolean>;
  /** Ends the socket as unauthorised: the client reconnects with a fresh token, or stays signed out. */
  closeUnauthorised(): void;
  /** New DataLoaders for the next event, so no event sees another's cached rows. */
  renewLoaders(): void;
}

/** How long a subscriber's session check is trusted. */
const SESSION_RECHECK_MS = 5_000;

const BEARER = /^Bearer\s+(\S+)$/i;

/** The token and language a WebSocket brings in its connection parameters, as headers bring them on HTTP. */
function socketParams(connectionParams: Record<string, unknown> | undefined): { token: string | undefined; language: Language } {
  const param = (name: string) => {
    const value = connectionParams?.[name] ?? connectionParams?.[name.toLowerCase()];
    return typeof value === 'string' ? value : undefined;
  };
  return { token: BEARER.exec(param('Authorization') ?? '')?.[1], language: languageFromAcceptLanguage(param('Accept-Language')) ?? DEFAULT_LANGUAGE };
}

@Injectable()
export class RequestContextFactory {
  constructor(
    private readonly auth: AuthService,
    private readonly limits: RateLimits,
    private readonly centres: CentresLoader,
    private readonly facilities: FacilitiesLoader,
    private readonly clubs: ClubsLoader,
    private readonly programs: ProgramsLoader,
    private readonly reports: ReportsLoader,
    private readonly rollout: RolloutLoader,
    private readonly users: UsersLoader,
    private readonly dataVersion: DataVersion,
  ) {}

  async create(req: Request, res: Response): Promise<RequestContext> {
    const language = languageFromAcceptLanguage(req.headers['accept-language']) ?? DEFAULT_LANGUAGE;
    const requestId = String(req.id ?? '');
    const token = BEARER.exec(req.headers.authorization ?? '')?.[1];
    const versions = { data: this.dataVersion.current, signIns: this.dataVersion.signIns };
    const actor = token ? await this.auth.actorForToken(token, { requestId, address: req.ip ?? 'unknown' }) : null;
    // Counted here, once per HTTP request, however many fields the operation selects.
    const rateLimited = actor && actor !== 'invalid' ? await this.limits.request(actor.user.id) : null;
    return this.assemble(req, res, requestId, language, versions, actor, rateLimited);
  }

  /**
   * The context of a subscription over the WebSocket (graphql-ws): the token and language come in the
   * connection parameters, as browsers cannot set headers on a WebSocket. Only subscriptions run
   * there (see graphql.module.ts), so nothing reads the HTTP response.
   */
  async createForSocket(
    connectionParams: Record<string, unknown> | undefined,
    upgrade: Request | undefined,
    socket: { close(code: number, reason: string): void } | undefined,
  ): Promise<RequestContext> {
    const { token, language } = socketParams(connectionParams);
    const requestId = randomUUID();
    const address = upgrade?.socket?.remoteAddress ?? 'unknown';
    const versions = { data: this.dataVersion.current, signIns: this.dataVersion.signIns };
    const actor = token ? await this.auth.actorForToken(token, { requestId, address }) : null;
    const context = this.assemble(upgrade as Request, undefined as unknown as Response, requestId, language, versions, actor, null);
    let checkedAt = Date.now();
    let signedIn = actor !== null && actor !== 'invalid';
    context.live = {
      // Sign-out, deactivation and the token's expiry end what the socket may hear, as they end HTTP access.
      stillSignedIn: async () => {
        if (!signedIn || !token) return false;
        if (Date.now() - checkedAt > SESSION_RECHECK_MS) {
          signedIn = (await this.auth.actorForToken(token, { requestId, address })) !== 'invalid';
          checkedAt = Date.now();
        }
        return signedIn;
      },
      closeUnauthorised: () => socket?.close(UNAUTHORIZED_CLOSE, 'Unauthorized'),
      renewLoaders: () => {
        context.loaders = this.loaders(language);
      },
    };
    return context;
  }

  /**
   * Who opens a live-updates socket (graphql-ws's connection_init): the signed-in account, or null
   * when no token came or it no longer holds. See LiveSockets.admit.
   */
  async socketAccount(connectionParams: Record<string, unknown> | undefined, upgrade: IncomingMessage): Promise<string | null> {
    const { token } = socketParams(connectionParams);
    if (!token) return null;
    const actor = await this.auth.actorForToken(token, { requestId: randomUUID(), address: upgrade.socket.remoteAddress ?? 'unknown' });
    return actor === 'invalid' ? null : actor.user.id;
  }

  private assemble(
    req: Request,
    res: Response,
    requestId: string,
    language: Language,
    versions: { data: number; signIns: number },
    actor: Awaited<ReturnType<AuthService['actorForToken']>> | null,
    rateLimited: RateLimitedError | null,
  ): RequestContext {
    return {
      rateLimited,
      req,
      res,
      requestId,
      language,
      dataVersion: versions.data,
      signIns: { version: versions.signIns, shown: false, onlyRecorded: false },
      actor: actor === 'invalid' ? null : actor,
      tokenRejected: actor === 'invalid',
      loaders: this.loaders(language),
    };
  }

  private loaders(language: Language): RequestLoaders {
    return {
      centres: this.centres.create(language),
      facilities: this.facilities.create(language),
      clubs: this.clubs.create(language),
      programs: this.programs.create(),
      reports: this.reports.create(),
      rollout: this.rollout.create(),
      users: this.users.create(),
    };
  }
}
