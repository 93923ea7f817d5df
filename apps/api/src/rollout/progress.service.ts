import { forecastCompletion, isRolloutLate, type Language, LAUNCHED_STATUSES, nextPeriod } from '@mrc/domain';
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

/** How far the rollout is, per club type, per district and for the network, and when it will be done at today's pace. */
@Injectable()
export class RolloutProgressService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  progress(args: RolloutProgressArgs, language: Language): RolloutProgress {
    const day = today();
    const items = lazy(() => {
      const query = this.dataSource.manager.createQueryBuilder(RolloutItemEntity, 'i');
      applyCentreScope(query, 'i.centre_id', args);
      return query.getMany();
    });
    const byClubType = lazy(async () => {
      // Types in name order, as the dashboard lists them.
      const types = await this.dataSource.manager.createQueryBuilder(ClubTypeEntity, 't').orderBy(localisedNameSql('t', language)).addOrderBy('t.id').getMany();
      // Each type's first launch at the regional centre (where clubs launch first) counts for its pace.
      const regionalStarts = await this.dataSource.manager
        .createQueryBuilder(ClubEntity, 'club')
        .innerJoin(CentreEntity, 'c', "c.id = club.centre_id AND c.kind = 'REGIONAL'")
        .select('club.club_type_id', 'typeId')
        .addSelect(`min(to_char(club.started_on, 'YYYY-MM-DD'))`, 'startedOn')
        .groupBy('club.club_type_id')
        .getRawMany<{ typeId: string; startedOn: string | null }>();
      const regionalStart = new Map(regionalStarts.map((row) => [row.typeId, row.startedOn]));
      const all = await items;
      return types
        .map((type) => ({ type, of: all.filter((item) => item.clubTypeId === type.id) }))
        .filter(({ of }) => of.length > 0)
        .map(({ type, of }): ClubTypeRollout => {
          const totals = totalsOf(of, day);
          const launchDays = of.map((item) => item.launchedOn).filter((launched): launched is string => launched !== null);
          const firstLaunchOn = [regionalStart.get(type.id) ?? null, ...launchDays].filter((launched): launched is string => launched !== null).sort()[0] ?? null;
          return {
            clubTypeId: type.id,
            totals,
            firstLaunchOn,
            launchesSoFar: launchDays.length,
            forecastOn: forecastCompletion({ firstLaunchOn, launched: launchDays.length, remaining: totals.planned - totals.launched, today: day }),
          };
        });
    });
    return {
      network: derived(items, (all) => totalsOf(all, day)),
      byClubType,
      byCentre: lazy(async () => {
        // Districts in name order, as the dashboard lists them.
        const centres = await this.dataSource.manager.createQueryBuilder(CentreEntity, 'c').orderBy(localisedNameSql('c', language)).addOrderBy('c.id').getMany();
        const all = await items;
        return centres
          .map((centre) => ({ centreId: centre.id, of: all.filter((item) => item.centreId === centre.id) }))
          .filter(({ of }) => of.length > 0)
          .map(({ centreId, of }) => ({ centreId, totals: totalsOf(of, day) }));
      }),
      timeline: derived(items, timelineOf),
      forecastOn: derived(byClubType, (types) => {
        const forecasts = types.map((type) => type.forecastOn);
        return forecasts.length === 0 || forecasts.includes(null) ? null : [...(forecasts as string[])].sort().at(-1)!;
      }),
      forecastMethod: FORECAST_METHOD[language],
    };
  }
}

function totalsOf(items: readonly RolloutItemEntity[], day: string): RolloutTotals {
  const planned = items.filter((item) => item.status !== 'CANCELLED');
  const launched = planned.filter((item) => LAUNCHED_STATUSES.includes(item.status)).length;
  return {
    planned: planned.length,
    launched,
    active: planned.filter((item) => item.status === 'ACTIVE').length,
    late: planned.filter((item) => isRolloutLate(item, day)).length,
    share: planned.length === 0 ? null : launched / planned.length,
  };
}

/** Cumulative planned and actual launches per month, from the first month either happened to the last planned one. */
function timelineOf(items: readonly RolloutItemEntity[]): RolloutMonth[] {
  const planned = items.filter((item) => item.status !== 'CANCELLED');
  const plannedMonths = planned.map((item) => item.plannedOn?.slice(0, 7)).filter((month): month is string => Boolean(month));
  const launchedMonths = planned.map((item) => item.launchedOn?.slice(0, 7)).filter((month): month is string => Boolean(month));
  const all = [...plannedMonths, ...launchedMonths].sort();
  if (all.length === 0) return [];
  const months: RolloutMonth[] = [];
  for (let month = all[0]!; month <= all.at(-1)!; month = nextPeriod(month, 'MONTHLY')) {
    months.push({
      month,
      planned: plannedMonths.filter((planned) => planned <= month).length,
      launched: launchedMonths.filter((launched) => launched <= month).length,
    });
  }
  return months;
}
