import type { Language } from '@mrc/domain';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, In, IsNull, type Repository } from 'typeorm';
import { type AuditedRecordType, AuditedWrites } from '../audit/audited-writes.js';
import type { Actor } from '../auth/actor.js';
import { CentreEntity } from '../centres/centre.entity.js';
import { applyCentreScope } from '../centres/centre-scope.js';
import { checkOpenCentre, lockOpenCentre } from '../centres/open-centre.js';
import { isoDay, today } from '../common/dates.js';
import { BadUserInputError, ConflictError, type FieldProblems, NotFoundError } from '../common/errors.js';
import { cleanText, localisedJson, localisedNameSql, nameColumns, nameSearchSql, searchPattern } from '../common/localisation.js';
import { type ConnectionShape, keysetConnection, OrderDirection } from '../common/pagination.js';
import { groupByKey } from '../common/grouping.js';
import { type CloseRecordInput, closeRecord, reopenRecord } from '../common/records.js';
import { ClubTypeEntity } from './club-type.entity.js';
import { ClubEntity } from './club.entity.js';
import { toClub, toClubType } from './club.mapper.js';
import {
  ClubOrderField,
  type ClubsArgs,
  ClubTypeOrderField,
  type ClubTypesArgs,
  type CreateClubInput,
  type CreateClubTypeInput,
  type UpdateClubInput,
  type UpdateClubTypeInput,
} from './dto/club.inputs.js';
import type { Club, ClubType } from './dto/club.objects.js';
import { problem } from '../common/problems.js';

const CLUB_TYPE_RECORD: AuditedRecordType<ClubTypeEntity> = {
  entity: ClubTypeEntity,
  type: 'ClubType',
  fields: ['code', 'nameKk', 'nameRu', 'nameEn', 'description', 'closedOn'],
  policyRecord: () => ({}),
};

const CLUB_RECORD: AuditedRecordType<ClubEntity> = {
  entity: ClubEntity,
  type: 'Club',
  fields: ['clubTypeId', 'centreId', 'leaderName', 'schedule', 'status', 'startedOn', 'closedOn'],
  policyRecord: (club) => ({ centreId: club.centreId }),
};

/** The club catalogue (types) and the clubs running at centres. */
@Injectable()
export class ClubsService {
  constructor(
    @InjectRepository(ClubTypeEntity) private readonly clubTypes: Repository<ClubTypeEntity>,
    @InjectRepository(ClubEntity) private readonly clubs: Repository<ClubEntity>,
    private readonly writes: AuditedWrites,
  ) {}

  async getClubType(id: string): Promise<ClubType> {
    const type = await this.clubTypes.findOneBy({ id });
    if (!type) throw new NotFoundError('ClubType', id);
    return toClubType(type);
  }

  async getClub(id: string): Promise<Club> {
    const club = await this.clubs.findOneBy({ id });
    if (!club) throw new NotFoundError('Club', id);
    return toClub(club);
  }

  listClubTypes(args: ClubTypesArgs, language: Language): Promise<ConnectionShape<ClubType>> {
    const query = this.clubTypes.createQueryBuilder('t');
    if (!args.filter?.includeClosed) query.andWhere('t.closed_on IS NULL');
    const search = args.filter?.search?.trim();
    if (search) query.andWhere(`(${nameSearchSql('t')})`, { searchPattern: searchPattern(search) });
    const field = args.orderBy?.field ?? ClubTypeOrderField.NAME;
    const descending = args.orderBy?.direction === OrderDirection.DESC;
    const key = field === ClubTypeOrderField.NAME ? localisedNameSql('t', language) : 't.code COLLATE "C"';
    return keysetConnection(query, { keys: [key], id: 't.id', descending, ordering: `${field}:${descending ? 'DESC' : 'ASC'}:${language}` }, args, toClubType);
  }

  listClubs(args: ClubsArgs, language: Language): Promise<ConnectionShape<Club>> {
    const query = this.clubs
      .createQueryBuilder('club')
      .innerJoin('club_type', 't', 't.id = club.club_type_id')
      .innerJoin('centre', 'c', 'c.id = club.centre_id');
    const filter = args.filter;
    applyCentreScope(query, 'club.centre_id', filter);
    if (filter?.clubTypeIds?.length) query.andWhere('club.club_type_id IN (:...clubTypeIds)', { clubTypeIds: filter.clubTypeIds });
    if (filter?.statuses?.length) query.andWhere('club.status IN (:...statuses)', { statuses: filter.statuses });
    else query.andWhere("club.status <> 'CLOSED'");
    if (filter?.startedFrom) query.andWhere('club.started_on >= :startedFrom', { startedFrom: isoDay(filter.startedFrom) });
    if (filter?.startedTo) query.andWhere('club.started_on <= :startedTo', { startedTo: isoDay(filter.startedTo) });
    const search = filter?.search?.trim();
    if (search) query.andWhere(`(${nameSearchSql('t')} OR club.leader_name ILIKE :searchPattern)`, { searchPattern: searchPattern(search) });

    const field = args.orderBy?.field ?? ClubOrderField.TYPE;
    const typeName = localisedNameSql('t', language);
    const centreName = localisedNameSql('c', language);
    // 'infinity' sorts after every real day, so clubs not started yet come last in ascending order.
    const startedOn = `coalesce(to_char(club.started_on, 'YYYY-MM-DD'), 'infinity') COLLATE "C"`;
    const keys = { TYPE: [typeName, centreName], CENTRE: [centreName, typeName], STARTED_ON: [startedOn, typeName] }[field];
    const descending = args.orderBy?.direction === OrderDirection.DESC;
    return keysetConnection(query, { keys, id: 'club.id', descending, ordering: `${field}:${descending ? 'DESC' : 'ASC'}:${language}` }, args, toClub);
  }

  /** For the DataLoaders. */
  async clubTypesByIds(ids: readonly string[]): Promise<(ClubType | null)[]> {
    const found = await this.clubTypes.findBy({ id: In([...ids]) });
    const byId = new Map(found.map((type) => [type.id, toClubType(type)]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  async clubsByIds(ids: readonly string[]): Promise<(Club | null)[]> {
    const found = await this.clubs.findBy({ id: In([...ids]) });
    const byId = new Map(found.map((club) => [club.id, toClub(club)]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  /**
   * For the DataLoaders: the clubs (closed ones too) of each centre or of each type, by type name then
   * centre name, with the types they are of (read in the same statement, for the type loader).
   */
  async clubsBy(column: 'centre_id' | 'club_type_id', ids: readonly string[], language: Language): Promise<{ clubs: Club[][]; types: ClubType[] }> {
    const rows = await this.clubs
      .createQueryBuilder('club')
      .innerJoinAndMapOne('club.type', ClubTypeEntity, 't', 't.id = club.club_type_id')
      .innerJoin('centre', 'c', 'c.id = club.centre_id')
      .where(`club.${column} IN (:...ids)`, { ids })
      .orderBy(localisedNameSql('t', language), 'ASC')
      .addOrderBy(localisedNameSql('c', language), 'ASC')
      .addOrderBy('club.id', 'ASC')
      .getMany();
    const types = new Map(rows.map((row) => [row.clubTypeId, row.type!]));
    return {
      clubs: groupByKey(ids, rows, (row) => (column === 'centre_id' ? row.centreId : row.clubTypeId), toClub),
      types: [...types.values()].map(toClubType),
    };
  }

  async createClubType(actor: Actor, input: CreateClubTypeInput): Promise<ClubType> {
    const type = await this.writes.create(actor, CLUB_TYPE_RECORD, {}, async (manager) => {
      await assertTypeCodeFree(manager, input.code);
      return manager.create(ClubTypeEntity, { code: input.code, ...nameColumns(input.names), description: localisedJson(input.descriptions), closedOn: null });
    });
    return toClubType(type);
  }

  async updateClubType(actor: Actor, input: UpdateClubTypeInput): Promise<ClubType> {
    const type = await this.writes.update(actor, CLUB_TYPE_RECORD, input.id, 'UPDATE_CLUB_TYPE', async (record, manager) => {
      if (input.code !== undefined && input.code !== record.code) {
        await assertTypeCodeFree(manager, input.code);
        record.code = input.code;
      }
      if (input.names) Object.assign(record, nameColumns(input.names));
      if (input.descriptions !== undefined) record.description = localisedJson(input.descriptions);
    });
    return toClubType(type);
  }

  async closeClubType(actor: Actor, input: CloseRecordInput): Promise<ClubType> {
    const type = await this.writes.update(actor, CLUB_TYPE_RECORD, input.id, 'CLOSE_CLUB_TYPE', async (record, manager) => {
      const open = await manager.count(ClubEntity, { where: { clubTypeId: record.id, closedOn: IsNull() } });
      if (open > 0) throw new ConflictError(`${open} club(s) of this type are still open; close them first.`, { openClubs: open });
      closeRecord(record, input);
    });
    return toClubType(type);
  }

  async reopenClubType(actor: Actor, id: string): Promise<ClubType> {
    return toClubType(await this.writes.update(actor, CLUB_TYPE_RECORD, id, 'REOPEN_CLUB_TYPE', (record) => reopenRecord(record)));
  }

  async createClub(actor: Actor, input: CreateClubInput): Promise<Club> {
    const club = await this.writes.create(actor, CLUB_RECORD, { centreId: input.centreId }, async (manager) => {
      const { centre, problems } = await checkOpenCentre(manager, input.centreId);
      const type = await manager.findOne(ClubTypeEntity, { where: { id: input.clubTypeId }, lock: { mode: 'pessimistic_read' } });
      if (!type) problems.clubTypeId = problem('noSuchRecord');
      else if (type.closedOn) problems.clubTypeId = problem('clubTypeRetired', { day: type.closedOn });
      const startedOn = input.startedOn ? isoDay(input.startedOn) : null;
      Object.assign(problems, startProblems(input.status, startedOn, centre));
      if (Object.keys(problems).length > 0) throw new BadUserInputError(`Check ${Object.keys(problems).join(', ')}.`, problems);
      await assertNoOpenClub(manager, input.centreId, input.clubTypeId);
      return manager.create(ClubEntity, {
        centreId: input.centreId,
        clubTypeId: input.clubTypeId,
        leaderName: cleanText(input.leaderName),
        schedule: localisedJson(input.schedules),
        status: input.status,
        startedOn,
        closedOn: null,
      });
    });
    return toClub(club);
  }

  async updateClub(actor: Actor, input: UpdateClubInput): Promise<Club> {
    const club = await this.writes.update(actor, CLUB_RECORD, input.id, 'UPDATE_CLUB', async (record, manager) => {
      if (record.closedOn && (input.status !== undefined || input.startedOn !== undefined)) {
        throw new ConflictError('The club is closed; reopen it first.');
      }
      if (input.leaderName !== undefined) record.leaderName = cleanText(input.leaderName);
      if (input.schedules !== undefined) record.schedule = localisedJson(input.schedules);
      if (input.status) record.status = input.status;
      if (input.startedOn !== undefined) record.startedOn = input.startedOn ? isoDay(input.startedOn) : null;
      if (input.status !== undefined || input.startedOn !== undefined) {
        const centre = await manager.findOneByOrFail(CentreEntity, { id: record.centreId });
        const problems = startProblems(record.status, record.startedOn, centre);
        if (Object.keys(problems).length > 0) throw new BadUserInputError(`Check ${Object.keys(problems).join(', ')}.`, problems);
      }
    });
    return toClub(club);
  }

  async closeClub(actor: Actor, input: CloseRecordInput): Promise<Club> {
    const club = await this.writes.update(actor, CLUB_RECORD, input.id, 'CLOSE_CLUB', (record) => {
      closeRecord(record, input);
      if (record.startedOn && record.closedOn! < record.startedOn) {
        throw new BadUserInputError('A club cannot close before it started.', { closedOn: problem('notBeforeFirstMeeting', { day: record.startedOn }) });
      }
      record.status = 'CLOSED';
    });
    return toClub(club);
  }

  async reopenClub(actor: Actor, id: string): Promise<Club> {
    const club = await this.writes.update(actor, CLUB_RECORD, id, 'REOPEN_CLUB', async (record, manager) => {
      reopenRecord(record);
      await lockOpenCentre(manager, record.centreId);
      const type = await manager.findOne(ClubTypeEntity, { where: { id: record.clubTypeId }, lock: { mode: 'pessimistic_read' } });
      if (type?.closedOn) throw new ConflictError(`Its club type left the catalogue on ${type.closedOn}; restore the type first.`);
      await assertNoOpenClub(manager, record.centreId, record.clubTypeId);
      record.status = record.startedOn ? 'ACTIVE' : 'PLANNED';
    });
    return toClub(club);
  }
}

/** A running club has a first meeting, not in the future and not before its centre opened. */
function startProblems(status: string, startedOn: string | null, centre: CentreEntity | null): FieldProblems {
  if ((status === 'ACTIVE' || status === 'PAUSED') && !startedOn) return { startedOn: problem('startedOnNeeded') };
  if (!startedOn) return {};
  if (status !== 'PLANNED' && startedOn > today()) return { startedOn: problem('notInFuture') };
  if (centre?.openedOn && startedOn < centre.openedOn) return { startedOn: problem('notBeforeCentreOpened', { day: centre.openedOn }) };
  return {};
}

async function assertNoOpenClub(manager: EntityManager, centreId: string, clubTypeId: string): Promise<void> {
  const existing = await manager
    .createQueryBuilder(ClubEntity, 'club')
    .where('club.centre_id = :centreId AND club.club_type_id = :clubTypeId AND club.closed_on IS NULL', { centreId, clubTypeId })
    .getOne();
  if (existing) {
    throw new ConflictError('This centre already has an open club of this type.', { fields: { clubTypeId: problem('alreadyRuns') }, clubId: existing.id });
  }
}

async function assertTypeCodeFree(manager: EntityManager, code: string): Promise<void> {
  if (await manager.existsBy(ClubTypeEntity, { code })) {
    throw new ConflictError('Another club type has this code.', { fields: { code: problem('codeTaken') } });
  }
}

