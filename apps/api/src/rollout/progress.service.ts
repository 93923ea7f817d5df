import { forecastCompletion, type Language, LAUNCHED_STATUSES, nextPeriod, NOT_YET_LAUNCHED_STATUSES } from '@mrc/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CentreEntity } from '../centres/centre.entity.js';
import { applyCentreScope } from '../centres/centre-scope.js';
import { ClubTypeEntity } from '../clubs/club-type.entity.js';
import { ClubEntity } from '../clubs/club.entity.js';
import { today } from '../common/dates.js';
import { derived, lazy } from '../common/lazy.js';
import { localisedNameSql } from '../common/localisation.js';
import type { RolloutProgressArgs } from './dto/rollout.inputs.js';
import type { ClubTypeRollout, RolloutMonth, RolloutProgress, RolloutTotals } from './dto/rollout.objects.js';
import { RolloutItemEntity } from './rollout-item.entity.js';

/** How the forecast is made, in the three languages (RolloutProgress.forecastMethod answers in the caller's). */
export const FORECAST_METHOD: Record<Language, string> = {
  en: 'Linear pace per club type: district launches so far divided by the days since the type first launched (at the regional centre or in a district, whichever came first) gives launches per day; the districts still to go divided by that pace gives the days left, counted from today. The network is done when its slowest type is.',
  ru: 'Линейный темп по каждому виду клуба: число запусков в районах, делённое на число дней с первого запуска этого вида (в областном центре или в районе, что было раньше), даёт запусков в день; оставшиеся районы, делённые на этот темп, дают число дней, считая от сегодня. Сеть готова, когда готов самый медленный вид.',
  kk: 'Әр клуб түрі бойынша сызықтық қарқын: аудандардағы іске қосулар саны осы түр алғаш іске қосылған күннен бері (облыстық орталықта не ауданда, қайсысы ерте болса) өткен күндерге бөлінгенде күніне іске қосу қарқыны шығады; қалған аудандар осы қарқынға бөлінгенде бүгіннен бастап қалған күндер шығады. Желі ең баяу түр аяқталғанда дайын болады.',
};

/**
 * The item counts of a group, as PostgreSQL computes them: RolloutTotals' planned, launched, active
 * and late, with the domain's statuses and isRolloutLate's rule said in SQL, so a national network's
 * thousands of items are counted where they are instead of read into this process one by one.
 */
const COUNTS_SQL = `
  (count(*) FILTER (WHERE i.status <> 'CANCELLED'))::int AS planned,
  (count(*) FILTER (WHERE i.status = ANY(:launchedStatuses)))::int AS launched,
  (count(*) FILTER (WHERE i.status = 'ACTIVE'))::int AS active,
  (count(*) FILTER (WHERE i.status = ANY(:notYetLaunchedStatuses) AND i.planned_on < CAST(:today AS date)))::int AS late`;

interface CountsRow {
  planned: number;
  launched: number;
  active: number;
  late: number;
}

/** How far the rollout is, per club type, per district and for the network, and when it will be done at today's pace. */
@Injectable()
export class RolloutProgressService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  progress(args: RolloutProgressArgs, language: Language): RolloutProgress {
    const day = today();
    /**
     * The scope's items, counted: each part asked for is its own statement with its own grouping. They
     * may read moments apart, so a change landing between them shows in one part before another; the
     * next read agrees again (and kept answers are dropped on every write).
     */
    const counted = () => {
      const query = this.dataSource.manager
        .createQueryBuilder(RolloutItemEntity, 'i')
        .select(COUNTS_SQL)
        .setParameters({ launchedStatuses: LAUNCHED_STATUSES, notYetLaunchedStatuses: NOT_YET_LAUNCHED_STATUSES, today: day });
      applyCentreScope(query, 'i.centre_id', args);
      return query;
    };
    const byClubType = lazy(async () => {
      // Each type's first launch at the regional centre (where clubs launch first) counts for its pace.
      const regionalStarts = await this.dataSource.manager
        .createQueryBuilder(ClubEntity, 'club')
        .innerJoin(CentreEntity, 'c', "c.id = club.centre_id AND c.kind = 'REGIONAL'")
        .select('club.club_type_id', 'typeId')
        .addSelect(`min(to_char(club.started_on, 'YYYY-MM-DD'))`, 'startedOn')
        .groupBy('club.club_type_id')
        .getRawMany<{ typeId: string; startedOn: string | null }>();
      const regionalStart = new Map(regionalStarts.map((row) => [row.typeId, row.startedOn]));
      // Types in name order, as the dashboard lists them; a cancelled item's launch still counts for the pace.
      const rows = await counted()
        .innerJoin(ClubTypeEntity, 't', 't.id = i.club_type_id')
        .addSelect('t.id', 'typeId')
        .addSelect('count(i.launched_on)::int', 'launchesSoFar')
        .addSelect(`min(to_char(i.launched_on, 'YYYY-MM-DD'))`, 'firstDistrictLaunchOn')
        .groupBy('t.id')
        .orderBy(localisedNameSql('t', language))
        .addOrderBy('t.id')
        .getRawMany<CountsRow & { typeId: string; launchesSoFar: number; firstDistrictLaunchOn: string | null }>();
      return rows.map((row): ClubTypeRollout => {
        const totals = totalsOf(row);
        const firstLaunchOn = [regionalStart.get(row.typeId) ?? null, row.firstDistrictLaunchOn].filter((launched): launched is string => launched !== null).sort()[0] ?? null;
        return {
          clubTypeId: row.typeId,
          totals,
          firstLaunchOn,
          launchesSoFar: row.launchesSoFar,
          forecastOn: forecastCompletion({ firstLaunchOn, launched: row.launchesSoFar, remaining: totals.planned - totals.launched, today: day }),
        };
      });
    });
    return {
      network: lazy(async () => totalsOf((await counted().getRawOne<CountsRow>())!)),
      byClubType,
      byCentre: lazy(async () => {
        // Districts in name order, as the dashboard lists them (grouped by the key, so its name can order).
        const rows = await counted()
          .innerJoin(CentreEntity, 'c', 'c.id = i.centre_id')
          .addSelect('c.id', 'centreId')
          .groupBy('c.id')
          .orderBy(localisedNameSql('c', language))
          .addOrderBy('c.id')
          .getRawMany<CountsRow & { centreId: string }>();
        return rows.map((row) => ({ centreId: row.centreId, totals: totalsOf(row) }));
      }),
      timeline: lazy(async () => {
        const query = this.dataSource.manager
          .createQueryBuilder(RolloutItemEntity, 'i')
          .select(`to_char(i.planned_on, 'YYYY-MM')`, 'plannedMonth')
          .addSelect(`to_char(i.launched_on, 'YYYY-MM')`, 'launchedMonth')
          .addSelect('count(*)::int', 'items')
          .where("i.status <> 'CANCELLED'")
          .groupBy('1, 2');
        applyCentreScope(query, 'i.centre_id', args);
        return timelineOf(await query.getRawMany<{ plannedMonth: string | null; launchedMonth: string | null; items: number }>());
      }),
      forecastOn: derived(byClubType, (types) => {
        const forecasts = types.map((type) => type.forecastOn);
        return forecasts.length === 0 || forecasts.includes(null) ? null : [...(forecasts as string[])].sort().at(-1)!;
      }),
      forecastMethod: FORECAST_METHOD[language],
    };
  }
}

function totalsOf({ planned, launched, active, late }: CountsRow): RolloutTotals {
  return { planned, launched, active, late, share: planned === 0 ? null : launched / planned };
}

/** Cumulative planned and actual launches per month, from the first month either happened to the last. */
function timelineOf(groups: readonly { plannedMonth: string | null; launchedMonth: string | null; items: number }[]): RolloutMonth[] {
  const plannedIn = new Map<string, number>();
  const launchedIn = new Map<string, number>();
  for (const { plannedMonth, launchedMonth, items } of groups) {
    if (plannedMonth) plannedIn.set(plannedMonth, (plannedIn.get(plannedMonth) ?? 0) + items);
    if (launchedMonth) launchedIn.set(launchedMonth, (launchedIn.get(launchedMonth) ?? 0) + items);
  }
  const all = [...plannedIn.keys(), ...launchedIn.keys()].sort();
  if (all.length === 0) return [];
  const months: RolloutMonth[] = [];
  let planned = 0;
  let launched = 0;
  for (let month = all[0]!; month <= all.at(-1)!; month = nextPeriod(month, 'MONTHLY')) {
    planned += plannedIn.get(month) ?? 0;
    launched += launchedIn.get(month) ?? 0;
    months.push({ month, planned, launched });
  }
  return months;
}
