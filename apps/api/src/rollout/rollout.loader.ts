import { Injectable } from '@nestjs/common';
import type DataLoader from 'dataloader';
import { batchLoader } from '../graphql/batch-loader.js';
import type { RolloutChange, RolloutItem } from './dto/rollout.objects.js';
import { RolloutService } from './rollout.service.js';

export interface RolloutLoaders {
  historyByItemId: DataLoader<string, RolloutChange[]>;
  itemsByCentreId: DataLoader<string, RolloutItem[]>;
}

/** Builds the rollout DataLoaders of one request (see graphql/request-context.ts). */
@Injectable()
export class RolloutLoader {
  constructor(private readonly rollout: RolloutService) {}

  create(): RolloutLoaders {
    return {
      historyByItemId: batchLoader((ids) => this.rollout.historyOf(ids)),
      itemsByCentreId: batchLoader((ids) => this.rollout.itemsOfCentres(ids)),
    };
  }
}
