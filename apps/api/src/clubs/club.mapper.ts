import { localised } from '../common/localisation.js';
import type { ClubTypeEntity } from './club-type.entity.js';
import type { ClubEntity } from './club.entity.js';
import type { Club, ClubType } from './dto/club.objects.js';

export function toClubType(entity: ClubTypeEntity): ClubType {
  return {
    id: entity.id,
    code: entity.code,
    names: localised(entity.nameKk, entity.nameRu, entity.nameEn),
    descriptions: localised(entity.description?.kk, entity.description?.ru, entity.description?.en),
    closedOn: entity.closedOn,
  };
}

export function toClub(entity: ClubEntity): Club {
  return {
    id: entity.id,
    clubTypeId: entity.clubTypeId,
    centreId: entity.centreId,
    status: entity.status,
    leaderName: entity.leaderName,
    schedules: localised(entity.schedule?.kk, entity.schedule?.ru, entity.schedule?.en),
    startedOn: entity.startedOn,
    closedOn: entity.closedOn,
  };
}
