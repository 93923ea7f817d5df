import type { Language } from '@mrc/domain';
import { Injectable } from '@nestjs/common';
import type DataLoader from 'dataloader';
import { batchLoader } from '../graphql/batch-loader.js';
import type { EquipmentItem } from './dto/equipment-item.object.js';
import type { Space } from './dto/space.object.js';
import { FacilitiesService } from './facilities.service.js';

export interface FacilityLoaders {
  spacesByCentreId: DataLoader<string, Space[]>;
  equipmentByCentreId: DataLoader<string, EquipmentItem[]>;
}

/** Builds the facility DataLoaders of one request (see graphql/request-context.ts). */
@Injectable()
export class FacilitiesLoader {
  constructor(private readonly facilities: FacilitiesService) {}

  create(language: Language): FacilityLoaders {
    return {
      spacesByCentreId: batchLoader((ids) => this.facilities.spacesOfCentres(ids, language)),
      equipmentByCentreId: batchLoader((ids) => this.facilities.equipmentOfCentres(ids, language)),
    };
  }
}
