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
    const typeById = batchLoader((ids: readonly string[]) => this.clubs.clubTypesByIds(ids));
    // Clubs come with their types: `clubs { type { … } }` then needs no statement for the types.
    const clubsBy = async (column: 'centre_id' | 'club_type_id', ids: readonly string[]) => {
      const { clubs, types } = await this.clubs.clubsBy(column, ids, language);
      for (const type of types) typeById.prime(type.id, type);
      return clubs;
    };
    return {
      typeById,
      byId: batchLoader((ids) => this.clubs.clubsByIds(ids)),
      clubsByCentreId: batchLoader((ids) => clubsBy('centre_id', ids)),
      clubsByTypeId: batchLoader((ids) => clubsBy('club_type_id', ids)),
    };
  }
}
