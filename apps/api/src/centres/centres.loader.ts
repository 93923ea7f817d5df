import type { Language } from '@mrc/domain';
import { Injectable } from '@nestjs/common';
import type DataLoader from 'dataloader';
import { batchLoader } from '../graphql/batch-loader.js';
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
      byId: batchLoader((ids) => this.centres.findByIds(ids)),
      childrenByParentId: batchLoader((parentIds) => this.centres.findChildren(parentIds, language)),
    };
  }
}
