import type { Language } from '@mrc/domain';
import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { CentresService } from './centres.service.js';
import type { Centre } from './dto/centre.object.js';

export interface CentreLoaders {
  byId: DataLoader<string, Centre | null>;
  childrenByParentId: DataLoader<string, Centre[]>;
}

/** Builds the centre DataLoaders of one request (see graphql/request-context.ts). */
@Injectable()
export class CentresLoader {
  constructor(private readonly centres: CentresService) {}

  create(language: Language): CentreLoaders {
    return {
      byId: new DataLoader((ids) => this.centres.findByIds(ids)),
      childrenByParentId: new DataLoader((parentIds) => this.centres.findChildren(parentIds, language)),
    };
  }
}
