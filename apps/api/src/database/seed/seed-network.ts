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
export interface SeedCentre {
  code: string;
  kind: CentreKind;
  name: LocalisedText;
  town: LocalisedText;
  latitude: number;
  longitude: number;
  openedOn: string;
  contact: { phone: string; email: string; address: LocalisedText };
}

export interface SeedNetwork {
  root: SeedCentre;
  children: SeedCentre[];
}

export interface SeedFacilities {
  spaces: { centre: string; kind: SpaceKind; name: LocalisedText; capacity: number }[];
  equipment: { centre: string; kind: EquipmentKind; name: LocalisedText; quantity: number }[];
}

export interface SeedCatalogue {
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

export interface SeedClubsAndRuns {
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
export async function seedNetworkIfEmpty(dataSource: DataSource, onLeftOut: (reason: string) => void = () => undefined): Promise<SeedCounts> {
  const network = karagandaNetwork as SeedNetwork;
  const { spaces, equipment } = facilities as SeedFacilities;
  const { clubTypes, programs } = catalogue as SeedCatalogue;
  const { clubs, programRuns } = clubsAndRuns as SeedClubsAndRuns;
  // A typo in a data file stops the seed before anything is written, rather than leave its row out.
  checkSeedReferences({ network, facilities: { spaces, equipment }, catalogue: { clubTypes, programs }, clubsAndRuns: { clubs, programRuns } });

  return dataSource.transaction(async (manager) => {
    await manager.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK_KEY]);
    const counts: SeedCounts = { centres: 0, spaces: 0, equipment: 0, clubTypes: 0, programs: 0, clubs: 0, programRuns: 0 };
    if (await isEmpty(manager, CentreEntity)) counts.centres = await insertCentres(manager, network);
    const centres = await codesToIds(manager, CentreEntity);
    const centreOf = (code: string, row: string) => idOf(centres, 'centre', code, row);
    // A part is loaded whole or not at all. The files agree with each other (checked above), so a
    // code the database lacks means a database seeded before, whose codes administrators changed
    // since: that part is left out and said so, rather than stop the API from starting.
    const loadPart = async (load: () => Promise<void>) => {
      try {
        await load();
      } catch (error) {
        if (!(error instanceof SeedDataError)) throw error;
        onLeftOut(error.message);
      }
    };

    if ((await isEmpty(manager, SpaceEntity)) && (await isEmpty(manager, EquipmentItemEntity))) {
      await loadPart(async () => {
        const spaceRows = spaces.map((space, index) => ({
          centreId: centreOf(space.centre, `${FACILITIES_FILE} spaces[${index}]`), kind: space.kind, ...nameColumns(space.name), capacity: space.capacity,
        }));
        const equipmentRows = equipment.map((item, index) => ({
          centreId: centreOf(item.centre, `${FACILITIES_FILE} equipment[${index}]`), kind: item.kind, ...nameColumns(item.name), quantity: item.quantity,
        }));
        counts.spaces = await insertAll(manager, SpaceEntity, spaceRows);
        counts.equipment = await insertAll(manager, EquipmentItemEntity, equipmentRows);
      });
    }

    if (await isEmpty(manager, ClubTypeEntity)) {
      counts.clubTypes = await insertAll(manager, ClubTypeEntity, clubTypes.map((type) => ({
        code: type.code, ...nameColumns(type.name), description: localisedJson(type.description),
      })));
    }
    if (await isEmpty(manager, ProgramEntity)) counts.programs = await insertPrograms(manager, programs);

    if ((await isEmpty(manager, ClubEntity)) && (await isEmpty(manager, ProgramRunEntity))) {
      const types = await codesToIds(manager, ClubTypeEntity);
      const programIds = await codesToIds(manager, ProgramEntity);
      const durations = new Map(programs.map((program) => [program.code, program.durationWeeks]));
      await loadPart(async () => {
        const clubRows = clubs.map((club, index) => ({
          centreId: centreOf(club.centre, `${CLUBS_AND_RUNS_FILE} clubs[${index}]`),
          clubTypeId: idOf(types, 'club type', club.type, `${CLUBS_AND_RUNS_FILE} clubs[${index}]`),
          leaderName: club.leaderName,
          schedule: localisedJson(club.schedule),
          status: club.status,
          startedOn: club.startedOn,
        }));
        const runRows = programRuns.map((run, index) => {
          const weeks = durations.get(run.program);
          return {
            programId: idOf(programIds, 'program', run.program, `${CLUBS_AND_RUNS_FILE} programRuns[${index}]`),
            centreId: centreOf(run.centre, `${CLUBS_AND_RUNS_FILE} programRuns[${index}]`),
            startsOn: run.startsOn,
            endsOn: run.endsOn ?? (weeks ? lastDayOfWeeks(run.startsOn, weeks) : null),
          };
        });
        counts.clubs = await insertAll(manager, ClubEntity, clubRows);
        counts.programRuns = await insertAll(manager, ProgramRunEntity, runRows);
      });
    }
    return counts;
  });
}

const NETWORK_FILE = 'karaganda-network.json';
const FACILITIES_FILE = 'centre-facilities.json';
const CATALOGUE_FILE = 'catalogue.json';
const CLUBS_AND_RUNS_FILE = 'clubs-and-runs.json';

/** Seed data that refers to something no file defines, or the database no longer holds. */
export class SeedDataError extends Error {
  override name = 'SeedDataError';
}

/** The seed files together, as seedNetworkIfEmpty reads them. */
export interface SeedData {
  network: SeedNetwork;
  facilities: SeedFacilities;
  catalogue: SeedCatalogue;
  clubsAndRuns: SeedClubsAndRuns;
}

/**
 * Checks that every code a seed file refers to (a centre, club type or program) is defined in the
 * files that define them; throws a SeedDataError naming each file, row and unknown code otherwise.
 */
export function checkSeedReferences(data: SeedData): void {
  const centres = new Set([data.network.root, ...data.network.children].map((centre) => centre.code));
  const types = new Set(data.catalogue.clubTypes.map((type) => type.code));
  const programs = new Set(data.catalogue.programs.map((program) => program.code));
  const problems: string[] = [];
  const check = (known: Set<string>, what: string, definedIn: string, code: string, row: string) => {
    if (!known.has(code)) problems.push(`${row}: unknown ${what} code "${code}" (not in ${definedIn})`);
  };
  data.facilities.spaces.forEach((space, index) => check(centres, 'centre', NETWORK_FILE, space.centre, `${FACILITIES_FILE} spaces[${index}]`));
  data.facilities.equipment.forEach((item, index) => check(centres, 'centre', NETWORK_FILE, item.centre, `${FACILITIES_FILE} equipment[${index}]`));
  data.clubsAndRuns.clubs.forEach((club, index) => {
    check(centres, 'centre', NETWORK_FILE, club.centre, `${CLUBS_AND_RUNS_FILE} clubs[${index}]`);
    check(types, 'club type', CATALOGUE_FILE, club.type, `${CLUBS_AND_RUNS_FILE} clubs[${index}]`);
  });
  data.clubsAndRuns.programRuns.forEach((run, index) => {
    check(programs, 'program', CATALOGUE_FILE, run.program, `${CLUBS_AND_RUNS_FILE} programRuns[${index}]`);
    check(centres, 'centre', NETWORK_FILE, run.centre, `${CLUBS_AND_RUNS_FILE} programRuns[${index}]`);
  });
  if (problems.length > 0) throw new SeedDataError(`The seed data refers to codes it does not define:\n${problems.join('\n')}`);
}

/**
 * The id of a record a seed row refers to by code. The files agree with each other (checked first),
 * so a miss means the database holds another network: one whose codes were changed since it was
 * seeded, and which gets this part now. Leaving the row out would load the part half; say so instead.
 */
function idOf(ids: ReadonlyMap<string, string>, what: string, code: string, row: string): string {
  const id = ids.get(code);
  if (!id) throw new SeedDataError(`${row}: no ${what} in the database has the code "${code}": that part of the seed is left out whole.`);
  return id;
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
