import type { CentreKind, LocalisedText } from '@mrc/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { CentreEntity } from '../../centres/centre.entity.js';
import karagandaNetwork from './data/karaganda-network.json' with { type: 'json' };

interface SeedCentre {
  code: string;
  kind: CentreKind;
  name: LocalisedText;
  town: LocalisedText;
  latitude: number;
  longitude: number;
}

interface SeedNetwork {
  root: SeedCentre;
  children: SeedCentre[];
}

// Any constant works; it only has to be the same for every API process sharing a database.
const SEED_LOCK_KEY = 727_001;

/**
 * Loads the Karaganda network into an empty database. Idempotent and safe when several API
 * processes start at once: a transaction-scoped advisory lock serialises them, and a database that
 * already has centres is left alone (administrators may have renamed or closed some since).
 * Returns how many centres it added.
 */
export async function seedNetworkIfEmpty(dataSource: DataSource): Promise<number> {
  return dataSource.transaction(async (manager) => {
    await manager.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK_KEY]);
    if ((await manager.count(CentreEntity)) > 0) return 0;
    return insertNetwork(manager, karagandaNetwork as SeedNetwork);
  });
}

async function insertNetwork(manager: EntityManager, network: SeedNetwork): Promise<number> {
  const centres = manager.getRepository(CentreEntity);
  const root = await centres.save(toEntity(network.root, null));
  await centres.insert(network.children.map((child) => toEntity(child, root.id)));
  return 1 + network.children.length;
}

function toEntity(seed: SeedCentre, parentId: string | null): Partial<CentreEntity> {
  return {
    code: seed.code,
    kind: seed.kind,
    parentId,
    nameKk: seed.name.kk ?? null,
    nameRu: seed.name.ru ?? null,
    nameEn: seed.name.en ?? null,
    townKk: seed.town.kk ?? null,
    townRu: seed.town.ru ?? null,
    townEn: seed.town.en ?? null,
    latitude: seed.latitude,
    longitude: seed.longitude,
  };
}
