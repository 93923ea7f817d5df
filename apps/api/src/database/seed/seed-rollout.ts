import type { RolloutGate, RolloutStatus } from '@mrc/domain';
import type { DataSource } from 'typeorm';
import { CentreEntity } from '../../centres/centre.entity.js';
import { ClubTypeEntity } from '../../clubs/club-type.entity.js';
import { RolloutChangeEntity, RolloutItemEntity } from '../../rollout/rollout-item.entity.js';
import rolloutPlan from './data/rollout-plan.json' with { type: 'json' };

/** The shape of data/rollout-plan.json. */
interface SeedRollout {
  items: {
    type: string;
    centre: string;
    plannedOn: string;
    responsibleName: string;
    status: RolloutStatus;
    gates: RolloutGate[];
    launchedOn?: string;
    statusReason?: string;
  }[];
}

const SEED_LOCK_KEY = 727_003;

/**
 * Loads the rollout plan of the club types to the districts (data/rollout-plan.json) into a database
 * that has none. Each item's history starts with its plan and, for the launched ones, the launch on
 * its day, so the pace and the plan-vs-actual chart have something to go on.
 */
export async function seedRolloutIfEmpty(dataSource: DataSource): Promise<number> {
  return dataSource.transaction(async (manager) => {
    await manager.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK_KEY]);
    if (await manager.getRepository(RolloutItemEntity).createQueryBuilder().select('1').limit(1).getRawOne()) return 0;
    const centres = new Map((await manager.find(CentreEntity)).map((centre) => [centre.code, centre.id]));
    const types = new Map((await manager.find(ClubTypeEntity)).map((type) => [type.code, type.id]));
    let written = 0;
    for (const seed of (rolloutPlan as SeedRollout).items) {
      const centreId = centres.get(seed.centre);
      const clubTypeId = types.get(seed.type);
      if (!centreId || !clubTypeId) continue;
      const item = await manager.save(
        manager.create(RolloutItemEntity, {
          clubTypeId,
          centreId,
          plannedOn: seed.plannedOn,
          status: seed.status,
          gates: seed.gates,
          launchedOn: seed.launchedOn ?? null,
          responsibleName: seed.responsibleName,
          statusReason: seed.statusReason ?? null,
        }),
      );
      const history: Partial<RolloutChangeEntity>[] = [{ itemId: item.id, action: 'PLAN', field: 'plannedOn', before: null, after: seed.plannedOn }];
      if (seed.launchedOn) {
        history.push({ itemId: item.id, changedAt: new Date(`${seed.launchedOn}T05:00:00Z`), action: 'LAUNCH', field: 'status', before: 'PREPARING', after: 'LAUNCHED' });
      }
      if (seed.statusReason) history.push({ itemId: item.id, action: seed.status === 'PAUSED' ? 'PAUSE' : 'CANCEL', field: 'status', before: 'PREPARING', after: seed.status, reason: seed.statusReason });
      await manager.insert(RolloutChangeEntity, history);
      written++;
    }
    return written;
  });
}
