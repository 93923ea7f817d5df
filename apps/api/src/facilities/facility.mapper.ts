import { localised } from '../common/localisation.js';
import type { EquipmentItem } from './dto/equipment-item.object.js';
import type { Space } from './dto/space.object.js';
import type { EquipmentItemEntity } from './equipment-item.entity.js';
import type { SpaceEntity } from './space.entity.js';

export function toSpace(entity: SpaceEntity): Space {
  return {
    id: entity.id,
    centreId: entity.centreId,
    kind: entity.kind,
    names: localised(entity.nameKk, entity.nameRu, entity.nameEn),
    capacity: entity.capacity,
    closedOn: entity.closedOn,
  };
}

export function toEquipmentItem(entity: EquipmentItemEntity): EquipmentItem {
  return {
    id: entity.id,
    centreId: entity.centreId,
    kind: entity.kind,
    names: localised(entity.nameKk, entity.nameRu, entity.nameEn),
    quantity: entity.quantity,
    closedOn: entity.closedOn,
  };
}
