import type { RolloutGate, RolloutStatus } from '@mrc/domain';
import type { DataSource } from 'typeorm';
import { CentreEntity } from '../../centres/centre.entity.js';
import { ClubTypeEntity } from '../../clubs/club-type.entity.js';
import { RolloutChangeEntity, RolloutItemEntity } from '../../rollout/rollout-item.entity.js';
import { today } from '../../common/dates.js';
import rolloutPlan from './data/rollout-plan.json' with { type: 'json' };

/** The shape of data/rollout-plan.json. */
interface SeedRollout {
  plannedAt: string;
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
    const plan = rolloutPlan as SeedRollout;
    let written = 0;
    for (const seed of plan.items) {
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
      const at = (day: string) => new Date(`${day}T05:00:00Z`); // 10:00 in the region
      const step = (day: string, action: string, before: string | null, after: string, reason: string | null = null) =>
        ({ itemId: item.id, changedAt: at(day), action, field: 'status', before, after, reason });
      const history: Partial<RolloutChangeEntity>[] = [
        step(plan.plannedAt, 'PLAN', null, 'PLANNED'),
        { itemId: item.id, changedAt: at(plan.plannedAt), action: 'PLAN', field: 'plannedOn', before: null, after: seed.plannedOn },
      ];
      if (seed.launchedOn) {
        history.push(step(seed.launchedOn, 'LAUNCH', 'PREPARING', 'LAUNCHED'));
        if (seed.status === 'ACTIVE') history.push(step(addDays(seed.launchedOn, 30), 'ACTIVATE', 'LAUNCHED', 'ACTIVE'));
      }
      if (seed.statusReason) {
        const stoppedOn = [addDays(seed.plannedOn, -14), today()].sort()[0]!;
        history.push(step(stoppedOn, seed.status === 'PAUSED' ? 'PAUSE' : 'CANCEL', seed.status === 'PAUSED' ? 'PREPARING' : 'PLANNED', seed.status, seed.statusReason));
      }
      await manager.insert(RolloutChangeEntity, history);
      written++;
    }
    return written;
  });
}

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
