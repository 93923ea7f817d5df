import type { CentreEntity } from './centre.entity.js';
import type { Centre } from './dto/centre.object.js';

/** The one place where the stored shape becomes the API shape, so either can change alone. */
export function toCentre(entity: CentreEntity): Centre {
  return {
    id: entity.id,
    code: entity.code,
    kind: entity.kind,
    names: { kk: entity.nameKk, ru: entity.nameRu, en: entity.nameEn },
    towns: { kk: entity.townKk, ru: entity.townRu, en: entity.townEn },
    latitude: entity.latitude,
    longitude: entity.longitude,
    openedOn: entity.openedOn,
    closedOn: entity.closedOn,
    phone: entity.phone,
    email: entity.email,
    addresses: { kk: entity.address?.kk ?? null, ru: entity.address?.ru ?? null, en: entity.address?.en ?? null },
    parentId: entity.parentId,
  };
}
