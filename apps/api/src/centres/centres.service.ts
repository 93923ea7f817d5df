import type { Language } from '@mrc/domain';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, In, type Repository, type SelectQueryBuilder } from 'typeorm';
import { type AuditedRecordType, AuditedWrites } from '../audit/audited-writes.js';
import { type Actor, authorize } from '../auth/actor.js';
import { isoDay } from '../common/dates.js';
import { BadUserInputError, ConflictError, type FieldProblems, NotFoundError } from '../common/errors.js';
import { cleanText as clean, localisedJson, localisedNameSql, nameSearchSql, searchPattern } from '../common/localisation.js';
import { applyCentreScope } from './centre-scope.js';
import { groupByKey } from '../common/grouping.js';
import { type CloseRecordInput, closingDay, given } from '../common/records.js';
import { type ConnectionShape, decodeCursor, OrderDirection, toConnection } from '../common/pagination.js';
import { CentreEntity } from './centre.entity.js';
import { toCentre } from './centre.mapper.js';
import type { CreateCentreInput, UpdateCentreInput } from './dto/centre.inputs.js';
import type { Centre } from './dto/centre.object.js';
import { CentreOrderField, type CentreFilter, type CentresArgs } from './dto/centres.args.js';
import { problem } from '../common/problems.js';

@Injectable()
export class CentresService {
  constructor(
    @InjectRepository(CentreEntity) private readonly centres: Repository<CentreEntity>,
    private readonly writes: AuditedWrites,
  ) {}

  async createCentre(actor: Actor, input: CreateCentreInput): Promise<Centre> {
    const created = await this.writes.create(actor, CENTRE_RECORD, {}, async (manager) => {
      await lockOpenParent(manager, input.parentId);
      const problems = coordinateProblems(input.latitude ?? null, input.longitude ?? null);
      if (Object.keys(problems).length > 0) throw new BadUserInputError('Check the coordinates.', problems);
      await assertCodeFree(manager, input.code);
      return manager.create(CentreEntity, {
        code: input.code,
        kind: input.kind,
        parentId: input.parentId,
        nameKk: clean(input.names.kk),
        nameRu: clean(input.names.ru),
        nameEn: clean(input.names.en),
        townKk: clean(input.towns?.kk),
        townRu: clean(input.towns?.ru),
        townEn: clean(input.towns?.en),
        latitude: input.latitude ?? null,
        longitude: input.longitude ?? null,
        openedOn: input.openedOn ? isoDay(input.openedOn) : null,
        closedOn: null,
        phone: clean(input.phone),
        email: clean(input.email)?.toLowerCase() ?? null,
        address: localisedJson(input.address),
      });
    });
    return toCentre(created);
  }

  async updateCentre(actor: Actor, input: UpdateCentreInput): Promise<Centre> {
    // A coordinator may keep their own centre's contacts; everything else is the region's.
    const { id, ...changes } = input;
    for (const field of Object.keys(changes)) {
      if (changes[field as keyof typeof changes] !== undefined) authorize(actor, 'update', 'Centre', { id }, field);
    }
    const updated = await this.writes.update(actor, CENTRE_RECORD, id, 'UPDATE_CENTRE', async (centre, manager) => {
      if (given(input.parentId) && input.parentId !== centre.parentId) await this.moveCentre(manager, centre, input.parentId);
      if (given(input.kind) && input.kind !== centre.kind) {
        const isRoot = centre.parentId === null;
        if (isRoot !== (input.kind === 'REGIONAL')) {
          throw new BadUserInputError('Check kind.', { kind: problem('rootStaysRegional') });
        }
        centre.kind = input.kind;
      }
      if (given(input.code) && input.code !== centre.code) {
        await assertCodeFree(manager, input.code);
        centre.code = input.code;
      }
      if (input.names) {
        centre.nameKk = clean(input.names.kk);
        centre.nameRu = clean(input.names.ru);
        centre.nameEn = clean(input.names.en);
      }
      if (given(input.towns)) {
        centre.townKk = clean(input.towns?.kk);
        centre.townRu = clean(input.towns?.ru);
        centre.townEn = clean(input.towns?.en);
      }
      if (given(input.latitude)) centre.latitude = input.latitude;
      if (given(input.longitude)) centre.longitude = input.longitude;
      const problems = coordinateProblems(centre.latitude, centre.longitude);
      if (given(input.openedOn)) {
        centre.openedOn = input.openedOn ? isoDay(input.openedOn) : null;
        if (centre.openedOn && centre.closedOn && centre.openedOn > centre.closedOn) {
          problems.openedOn = problem('notAfterCentreClosed', { day: centre.closedOn });
        } else if (centre.openedOn) {
          const earliest = await earliestActivity(manager, centre.id);
          if (earliest && earliest < centre.openedOn) problems.openedOn = problem('notAfterFirstActivity', { day: earliest });
        }
      }
      if (Object.keys(problems).length > 0) throw new BadUserInputError(`Check ${Object.keys(problems).join(', ')}.`, problems);
      if (given(input.phone)) centre.phone = clean(input.phone);
      if (given(input.email)) centre.email = clean(input.email)?.toLowerCase() ?? null;
      if (given(input.address)) centre.address = localisedJson(input.address);
    });
    return toCentre(updated);
  }

  async closeCentre(actor: Actor, input: CloseRecordInput): Promise<Centre> {
    const closedOn = closingDay(input);
    const closed = await this.writes.update(actor, CENTRE_RECORD, input.id, 'CLOSE_CENTRE', async (centre, manager) => {
      if (centre.parentId === null) throw new ConflictError('The regional centre is the root of the network and cannot close.');
      if (centre.closedOn) throw new ConflictError(`The centre already closed on ${centre.closedOn}.`);
      if (centre.openedOn && closedOn < centre.openedOn) {
        throw new BadUserInputError('A centre cannot close before it opened.', { closedOn: problem('notBeforeCentreOpened', { day: centre.openedOn }) });
      }
      const open = await openWorkOf(manager, centre.id, closedOn);
      if (open.length > 0) throw new ConflictError(`Close the centre's ${open.join(', ')} first.`, { open });
      centre.closedOn = closedOn;
    });
    return toCentre(closed);
  }

  async reopenCentre(actor: Actor, id: string): Promise<Centre> {
    const reopened = await this.writes.update(actor, CENTRE_RECORD, id, 'REOPEN_CENTRE', async (centre, manager) => {
      if (!centre.closedOn) throw new ConflictError('The centre is open.');
      if (centre.parentId) await lockOpenParent(manager, centre.parentId);
      centre.closedOn = null;
    });
    return toCentre(reopened);
  }

  /** Moves a centre under another open centre, never under itself or its own subtree. */
  private async moveCentre(manager: EntityManager, centre: CentreEntity, parentId: string): Promise<void> {
    if (centre.parentId === null) throw new BadUserInputError('Check parentId.', { parentId: problem('rootHasNoParent') });
    await lockOpenParent(manager, parentId);
    const [{ inside }] = await manager.query(
      `WITH RECURSIVE subtree AS (
         SELECT id FROM centre WHERE id = $1
         UNION
         SELECT child.id FROM centre child JOIN subtree ON child.parent_id = subtree.id
       )
       SELECT EXISTS (SELECT 1 FROM subtree WHERE id = $2) AS inside`,
      [centre.id, parentId],
    );
    if (inside) throw new BadUserInputError('Check parentId.', { parentId: problem('parentIsItself') });
    centre.parentId = parentId;
  }

  async getCentre(id: string): Promise<Centre> {
    const centre = await this.centres.findOneBy({ id });
    if (!centre) throw new NotFoundError('Centre', id);
    return toCentre(centre);
  }

  async listCentres(args: CentresArgs, language: Language): Promise<ConnectionShape<Centre>> {
    const { filtered, page, sortKey, ordering } = this.centrePage(args, language);
    page.select('c').addSelect(sortKey, 'sort_key').limit(args.first + 1);
    const fetchPage = async () => {
      const { entities, raw } = await page.getRawAndEntities<{ sort_key: string }>();
      return entities.map((entity, index) => ({ entity, sortKey: raw[index]?.sort_key ?? '' }));
    };
    return toConnection(fetchPage, args, ordering, (row) => [row.entity.parentId !== null, row.sortKey, row.entity.id], (row) => toCentre(row.entity), filtered);
  }

  /**
   * The centres `args` filters (`filtered`, for the count) and its page in order (`page`: after the
   * cursor, ordered, no columns chosen and no limit yet). `centres` and its compiled read
   * (compiled-reads/) both start here, so the two cannot pick different centres.
   */
  centrePage(args: CentresArgs, language: Language) {
    const field = args.orderBy?.field ?? CentreOrderField.NAME;
    const direction = args.orderBy?.direction ?? OrderDirection.ASC;
    // `(c.code)`, not `c.code`: TypeORM reads `addSelect('c.code', 'sort_key')` as the entity's own
    // column renamed, and the centres then came back without their code (INTERNAL_SERVER_ERROR).
    const sortKey = field === CentreOrderField.NAME ? localisedNameSql('c', language) : '(c.code)';
    // The regional centre (no parent) first, then the chosen key; id breaks ties so the order is total.
    const keys = ['(c.parent_id IS NOT NULL)', sortKey, 'c.id'];
    const ordering = `${field}:${direction}:${field === CentreOrderField.NAME ? language : ''}`;

    const filtered = this.centres.createQueryBuilder('c');
    applyFilter(filtered, args.filter);

    const page = filtered.clone();
    if (args.after) {
      const [rootLast, key, id] = decodeCursor(args.after, ordering, 3);
      const comparison = direction === OrderDirection.ASC ? '>' : '<';
      // "After this row": the root-first flag always ascends; (key, id) follow the chosen direction.
      page.andWhere(
        `(${keys[0]} > :rootLast OR (${keys[0]} = :rootLast AND (${sortKey}, c.id) ${comparison} (:key, :id)))`,
        { rootLast, key, id },
      );
    }
    const order = keys.map((key) => `${key} ${key === keys[0] ? 'ASC' : direction}`).join(', ');
    for (const key of keys) page.addOrderBy(key, key === keys[0] ? 'ASC' : direction);
    return { filtered, page, sortKey, ordering, order };
  }

  /** For the DataLoader: centres by id, in the order asked for (null where none). */
  async findByIds(ids: readonly string[]): Promise<(Centre | null)[]> {
    const found = await this.centres.findBy({ id: In([...ids]) });
    const byId = new Map(found.map((centre) => [centre.id, toCentre(centre)]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  /** For the DataLoader: the children of each parent, by name in the given language. */
  async findChildren(parentIds: readonly string[], language: Language): Promise<Centre[][]> {
    const children = await this.centres
      .createQueryBuilder('c')
      .where('c.parent_id IN (:...parentIds)', { parentIds })
      .orderBy(localisedNameSql('c', language), 'ASC')
      .addOrderBy('c.id', 'ASC')
      .getMany();
    return groupByKey(parentIds, children, (child) => child.parentId ?? '', toCentre);
  }
}

function coordinateProblems(latitude: number | null, longitude: number | null): FieldProblems {
  if ((latitude === null) === (longitude === null)) return {};
  return { [latitude === null ? 'latitude' : 'longitude']: problem('coordinatesPaired') };
}

async function lockOpenParent(manager: EntityManager, parentId: string): Promise<void> {
  const parent = await manager.findOne(CentreEntity, { where: { id: parentId }, lock: { mode: 'pessimistic_read' } });
  if (!parent) throw new BadUserInputError('Check parentId.', { parentId: problem('noSuchRecord') });
  if (parent.closedOn) throw new BadUserInputError('Check parentId.', { parentId: problem('centreClosed', { day: parent.closedOn }) });
}

async function assertCodeFree(manager: EntityManager, code: string): Promise<void> {
  if (await manager.existsBy(CentreEntity, { code })) {
    throw new ConflictError('Another centre has this code.', { fields: { code: problem('codeTaken') } });
  }
}

/** The first day a club met or a program ran at a centre, which its opening day cannot follow. */
async function earliestActivity(manager: EntityManager, centreId: string): Promise<string | null> {
  const [row] = await manager.query(
    `SELECT to_char(least(
       (SELECT min(started_on) FROM club WHERE centre_id = $1),
       (SELECT min(starts_on) FROM program_run WHERE centre_id = $1)
     ), 'YYYY-MM-DD') AS earliest`,
    [centreId],
  );
  return row?.earliest ?? null;
}

/** What still runs at a centre, e.g. ['2 clubs', '1 program run'], which must close before it does. */
async function openWorkOf(manager: EntityManager, centreId: string, closingDay: string): Promise<string[]> {
  const [counts] = await manager.query(
    `SELECT
       (SELECT count(*) FROM centre WHERE parent_id = $1 AND closed_on IS NULL)::int AS centres,
       (SELECT count(*) FROM club WHERE centre_id = $1 AND closed_on IS NULL)::int AS clubs,
       (SELECT count(*) FROM program_run WHERE centre_id = $1 AND closed_on IS NULL AND (ends_on IS NULL OR ends_on > $2))::int AS runs`,
    [centreId, closingDay],
  );
  const open: string[] = [];
  if (counts.centres > 0) open.push(`${counts.centres} centre(s) below it`);
  if (counts.clubs > 0) open.push(`${counts.clubs} club(s)`);
  if (counts.runs > 0) open.push(`${counts.runs} program run(s)`);
  return open;
}


function applyFilter(query: SelectQueryBuilder<CentreEntity>, filter: CentreFilter | undefined): void {
  if (!filter) return;
  applyCentreScope(query, 'c.id', filter);
  if (filter.parentId) query.andWhere('c.parent_id = :parentId', { parentId: filter.parentId });
  if (filter.kinds?.length) query.andWhere('c.kind IN (:...kinds)', { kinds: filter.kinds });
  if (filter.open === true) query.andWhere('c.closed_on IS NULL');
  if (filter.open === false) query.andWhere('c.closed_on IS NOT NULL');
  if (filter.openOn) {
    // As the analysts' figures count a centre open in a period (analytics-queries.ts).
    query.andWhere('(c.opened_on IS NULL OR c.opened_on <= :openOn) AND (c.closed_on IS NULL OR c.closed_on > :openOn)', { openOn: isoDay(filter.openOn) });
  }
  if (filter.openedFrom) query.andWhere('c.opened_on >= :openedFrom', { openedFrom: isoDay(filter.openedFrom) });
  if (filter.openedTo) query.andWhere('c.opened_on <= :openedTo', { openedTo: isoDay(filter.openedTo) });
  const search = filter.search?.trim();
  if (search) query.andWhere(`(${nameSearchSql('c', ['name', 'town'])})`, { searchPattern: searchPattern(search) });
}

/** Fields of a centre that the audit trail follows. */
const AUDITED_FIELDS: (keyof CentreEntity & string)[] = [
  'code', 'kind', 'parentId', 'nameKk', 'nameRu', 'nameEn', 'townKk', 'townRu', 'townEn',
  'latitude', 'longitude', 'openedOn', 'closedOn', 'phone', 'email', 'address',
];

export const CENTRE_RECORD: AuditedRecordType<CentreEntity> = {
  entity: CentreEntity,
  type: 'Centre',
  fields: AUDITED_FIELDS,
  policyRecord: (centre) => ({ id: centre.id }),
};
