import { DEFAULT_LANGUAGE, type Language, languageFromAcceptLanguage } from '@mrc/domain';
import { Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { type CentreLoaders, CentresLoader } from '../centres/centres.loader.js';

/** Every request's DataLoaders, new for each request so no data leaks between callers. */
export interface RequestLoaders {
  centres: CentreLoaders;
}

/** What every resolver gets as its GraphQL context. */
export interface RequestContext {
  req: Request;
  res: Response;
  /** pino-http's id of this request, also sent back as the X-Request-Id header. */
  requestId: string;
  /** From Accept-Language; a field's `lang` argument overrides it. */
  language: Language;
  loaders: RequestLoaders;
}

@Injectable()
export class RequestContextFactory {
  constructor(private readonly centres: CentresLoader) {}

  create(req: Request, res: Response): RequestContext {
    const language = languageFromAcceptLanguage(req.headers['accept-language']) ?? DEFAULT_LANGUAGE;
    return {
      req,
      res,
      requestId: String(req.id ?? ''),
      language,
      loaders: { centres: this.centres.create(language) },
    };
  }
}
