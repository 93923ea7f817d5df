import type { CentreKind, ClubStatus, EducationLevel, EquipmentKind, LocalisedText, ProgramKind, SpaceKind } from '@mrc/domain';
import { lastDayOfWeeks } from '@mrc/domain';
import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { CentreEntity } from '../../centres/centre.entity.js';
import { ClubTypeEntity } from '../../clubs/club-type.entity.js';
import { ClubEntity } from '../../clubs/club.entity.js';
import { localisedJson, nameColumns } from '../../common/localisation.js';
import { EquipmentItemEntity } from '../../facilities/equipment-item.entity.js';
import { SpaceEntity } from '../../facilities/space.entity.js';
import { ProgramEntity, ProgramMentorEntity, ProgramPartnerEntity } from '../../programs/program.entity.js';
import { ProgramRunEntity } from '../../programs/program-run.entity.js';
import catalogue from './data/catalogue.json' with { type: 'json' };
import facilities from './data/centre-facilities.json' with { type: 'json' };
import clubsAndRuns from './data/clubs-and-runs.json' with { type: 'json' };
import karagandaNetwork from './data/karaganda-network.json' with { type: 'json' };

/** The shapes of the files in ./data: seed data, not code; edit them to change what a new database starts with. */
interface SeedCentre {
  code: string;
  kind: CentreKind;
  name: LocalisedText;
  town: LocalisedText;
  latitude: number;
  longitude: number;
  openedOn: string;
  contact: { phone: string; email: string; address: LocalisedText };
}

interface SeedNetwork {
  root: SeedCentre;
  children: SeedCentre[];
}

interface SeedFacilities {
  spaces: { centre: string; kind: SpaceKind; name: LocalisedText; capacity: number }[];
  equipment: { centre: string; kind: EquipmentKind; name: LocalisedText; quantity: number }[];
}

interface SeedCatalogue {
  clubTypes: { code: string; name: LocalisedText; description: LocalisedText }[];
  programs: {
    code: string;
    kind: ProgramKind;
    name: LocalisedText;
    description: LocalisedText;
    minAge: number;
    maxAge: number;
    ageExceptionReason: LocalisedText | null;
    minEducation: EducationLevel;
    ruralOnly: boolean;
    anonymous: boolean;
    durationWeeks: number | null;
    partners: LocalisedText[];
    mentors: { fullName: string; expertise: LocalisedText }[];
  }[];
}

interface SeedClubsAndRuns {
  clubs: { centre: string; type: string; leaderName: string; schedule: LocalisedText; status: ClubStatus; startedOn: string | null }[];
  programRuns: { program: string; centre: string; startsOn: string; endsOn: string | null }[];
}

// Any constant works; it only has to be the same for every API process sharing a database.
const SEED_LOCK_KEY = 727_001;

export interface SeedCounts {
  centres: number;
  spaces: number;
  equipment: number;
  clubTypes: number;
  programs: number;
  clubs: number;
  programRuns: number;
}

/**
 * Loads the Karaganda network into an empty database: centres, their spaces and equipment, the
 * club catalogue and programs, and the clubs and program runs already going. Each part is loaded
 * only while its tables are empty, so a database keeps what administrators changed since (and one
 * made before a part existed gets that part). Safe when several API processes start at once: a
 * transaction-scoped advisory lock serialises them. Returns how many records of each kind it added.
 */
export async function seedNetworkIfEmpty(dataSource: DataSource): Promise<SeedCounts> {
  return dataSource.transaction(async (manager) => {
    await manager.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK_KEY]);
    const counts: SeedCounts = { centres: 0, spaces: 0, equipment: 0, clubTypes: 0, programs: 0, clubs: 0, programRuns: 0 };
    if (await isEmpty(manager, CentreEntity)) counts.centres = await insertCentres(manager, karagandaNetwork as SeedNetwork);
    const centres = await codesToIds(manager, CentreEntity);

    const { spaces, equipment } = facilities as SeedFacilities;
    if ((await isEmpty(manager, SpaceEntity)) && (await isEmpty(manager, EquipmentItemEntity))) {
      counts.spaces = await insertAll(manager, SpaceEntity, spaces.filter((space) => centres.has(space.centre)).map((space) => ({
        centreId: centres.get(space.centre), kind: space.kind, ...nameColumns(space.name), capacity: space.capacity,
      })));
      counts.equipment = await insertAll(manager, EquipmentItemEntity, equipment.filter((item) => centres.has(item.centre)).map((item) => ({
        centreId: centres.get(item.centre), kind: item.kind, ...nameColumns(item.name), quantity: item.quantity,
      })));
    }

    const { clubTypes, programs } = catalogue as SeedCatalogue;
    if (await isEmpty(manager, ClubTypeEntity)) {
      counts.clubTypes = await insertAll(manager, ClubTypeEntity, clubTypes.map((type) => ({
        code: type.code, ...nameColumns(type.name), description: localisedJson(type.description),
      })));
    }
    if (await isEmpty(manager, ProgramEntity)) counts.programs = await insertPrograms(manager, programs);

    const { clubs, programRuns } = clubsAndRuns as SeedClubsAndRuns;
    if ((await isEmpty(manager, ClubEntity)) && (await isEmpty(manager, ProgramRunEntity))) {
      const types = await codesToIds(manager, ClubTypeEntity);
      const programIds = await codesToIds(manager, ProgramEntity);
      const durations = new Map(programs.map((program) => [program.code, program.durationWeeks]));
      counts.clubs = await insertAll(manager, ClubEntity, clubs.filter((club) => centres.has(club.centre) && types.has(club.type)).map((club) => ({
        centreId: centres.get(club.centre),
        clubTypeId: types.get(club.type),
        leaderName: club.leaderName,
        schedule: localisedJson(club.schedule),
        status: club.status,
        startedOn: club.startedOn,
      })));
      counts.programRuns = await insertAll(manager, ProgramRunEntity, programRuns.filter((run) => centres.has(run.centre) && programIds.has(run.program)).map((run) => {
        const weeks = durations.get(run.program);
        return {
          programId: programIds.get(run.program),
          centreId: centres.get(run.centre),
          startsOn: run.startsOn,
          endsOn: run.endsOn ?? (weeks ? lastDayOfWeeks(run.startsOn, weeks) : null),
        };
      }));
    }
    return counts;
  });
}

async function isEmpty(manager: EntityManager, entity: EntityTarget<ObjectLiteral>): Promise<boolean> {
  return !(await manager.getRepository(entity).createQueryBuilder().select('1').limit(1).getRawOne());
}

async function codesToIds(manager: EntityManager, entity: typeof CentreEntity | typeof ClubTypeEntity | typeof ProgramEntity): Promise<Map<string, string>> {
  const rows: { id: string; code: string }[] = await manager.getRepository(entity).find({ select: { id: true, code: true } });
  return new Map(rows.map((row) => [row.code, row.id]));
}

async function insertAll<E extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<E>, rows: object[]): Promise<number> {
  if (rows.length > 0) await manager.insert(entity, rows as never);
  return rows.length;
}

async function insertCentres(manager: EntityManager, network: SeedNetwork): Promise<number> {
  const centres = manager.getRepository(CentreEntity);
  const root = await centres.save(centres.create(toCentreRow(network.root, null)));
  await centres.insert(network.children.map((child) => toCentreRow(child, root.id)));
  return 1 + network.children.length;
}

function toCentreRow(seed: SeedCentre, parentId: string | null): Partial<CentreEntity> {
  return {
    code: seed.code,
    kind: seed.kind,
    parentId,
    ...nameColumns(seed.name),
    townKk: seed.town.kk ?? null,
    townRu: seed.town.ru ?? null,
    townEn: seed.town.en ?? null,
    latitude: seed.latitude,
    longitude: seed.longitude,
    openedOn: seed.openedOn,
    phone: seed.contact.phone,
    email: seed.contact.email,
    address: localisedJson(seed.contact.address),
  };
}

async function insertPrograms(manager: EntityManager, programs: SeedCatalogue['programs']): Promise<number> {
  for (const program of programs) {
    const saved = await manager.save(
      manager.create(ProgramEntity, {
        code: program.code,
        kind: program.kind,
        ...nameColumns(program.name),
        description: localisedJson(program.description),
        minAge: program.minAge,
        maxAge: program.maxAge,
        ageExceptionReason: localisedJson(program.ageExceptionReason),
        minEducation: program.minEducation,
        ruralOnly: program.ruralOnly,
        anonymous: program.anonymous,
        durationWeeks: program.durationWeeks,
      }),
    );
    await insertAll(manager, ProgramPartnerEntity, program.partners.map((names, position) => ({ programId: saved.id, position, ...nameColumns(names) })));
    await insertAll(manager, ProgramMentorEntity, program.mentors.map((mentor, position) => ({
      programId: saved.id, position, fullName: mentor.fullName, expertise: localisedJson(mentor.expertise),
    })));
  }
  return programs.length;
}
