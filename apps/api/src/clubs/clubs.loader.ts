import type { Language } from '@mrc/domain';
import { Injectable } from '@nestjs/common';
import type DataLoader from 'dataloader';
import { batchLoader } from '../graphql/batch-loader.js';
import { ClubsService } from './clubs.service.js';
import type { Club, ClubType } from './dto/club.objects.js';

export interface ClubLoaders {
  typeById: DataLoader<string, ClubType | null>;
  byId: DataLoader<string, Club | null>;
  clubsByCentreId: DataLoader<string, Club[]>;
  clubsByTypeId: DataLoader<string, Club[]>;
}

/** Builds the club DataLoaders of one request (see graphql/request-context.ts). */
@Injectable()
export class ClubsLoader {
  constructor(private readonly clubs: ClubsService) {}

  create(language: Language): ClubLoaders {
    return {
      typeById: batchLoader((ids) => this.clubs.clubTypesByIds(ids)),
      byId: batchLoader((ids) => this.clubs.clubsByIds(ids)),
      clubsByCentreId: batchLoader((ids) => this.clubs.clubsBy('centre_id', ids, language)),
      clubsByTypeId: batchLoader((ids) => this.clubs.clubsBy('club_type_id', ids, language)),
    };
  }
}
