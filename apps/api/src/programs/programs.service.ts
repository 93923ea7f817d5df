import { ageRangeProblems, type Language, lastDayOfWeeks, type LocalisedText } from '@mrc/domain';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, In, type Repository } from 'typeorm';
import { type AuditedRecordType, AuditedWrites } from '../audit/audited-writes.js';
import type { Actor } from '../auth/actor.js';
import { CentreEntity } from '../centres/centre.entity.js';
import { applyCentreScope } from '../centres/centre-scope.js';
import { checkOpenCentre } from '../centres/open-centre.js';
import { isoDay, today } from '../common/dates.js';
import { BadUserInputError, ConflictError, NotFoundError } from '../common/errors.js';
import { cleanText, localisedJson, localisedNameSql, nameColumns, nameSearchSql, searchPattern } from '../common/localisation.js';
import { type ConnectionShape, keysetConnection, OrderDirection } from '../common/pagination.js';
import { groupByKey } from '../common/grouping.js';
import { type CloseRecordInput, closeRecord, reopenRecord } from '../common/records.js';
import type { Mentor, Program, ProgramPartner, ProgramRun } from './dto/program.objects.js';
import {
  type CreateProgramInput,
  type CreateProgramRunInput,
  type MentorInput,
  ProgramOrderField,
  ProgramRunOrderField,
  type ProgramRunsArgs,
  type ProgramsArgs,
  type UpdateProgramInput,
  type UpdateProgramRunInput,
} from './dto/program.inputs.js';
import { ProgramEntity, ProgramMentorEntity, ProgramPartnerEntity } from './program.entity.js';
import { toMentor, toPartner, toProgram, toProgramRun } from './program.mapper.js';
import { ProgramRunEntity } from './program-run.entity.js';
import { type FieldProblems } from '../common/errors.js';
import { problem } from '../common/problems.js';

/** The trail records partners and mentors as lists on the program, beside its own fields. */
type AuditedProgram = ProgramEntity & { partners?: LocalisedText[]; mentors?: { fullName: string; expertise: LocalisedText | null }[] };

const PROGRAM_RECORD: AuditedRecordType<AuditedProgram> = {
  entity: ProgramEntity,
  type: 'Program',
  fields: [
    'code', 'kind', 'nameKk', 'nameRu', 'nameEn', 'description', 'minAge', 'maxAge', 'ageExceptionReason',
    'minEducation', 'ruralOnly', 'anonymous', 'durationWeeks', 'closedOn', 'partners', 'mentors',
  ],
  policyRecord: () => ({}),
  load: (manager, program) => currentMembers(manager, program.id),
};

const RUN_RECORD: AuditedRecordType<ProgramRunEntity> = {
  entity: ProgramRunEntity,
  type: 'ProgramRun',
  fields: ['programId', 'centreId', 'startsOn', 'endsOn', 'closedOn'],
  policyRecord: (run) => ({ centreId: run.centreId }),
};

/** Programs (with partners and mentors) and their runs at centres. */
@Injectable()
export class ProgramsService {
  constructor(
    @InjectRepository(ProgramEntity) private readonly programs: Repository<ProgramEntity>,
    @InjectRepository(ProgramRunEntity) private readonly runs: Repository<ProgramRunEntity>,
    private readonly writes: AuditedWrites,
  ) {}

  async getProgram(id: string): Promise<Program> {
    const program = await this.programs.findOneBy({ id });
    if (!program) throw new NotFoundError('Program', id);
    return toProgram(program);
  }

  async getProgramRun(id: string): Promise<ProgramRun> {
    const run = await this.runs.findOneBy({ id });
    if (!run) throw new NotFoundError('ProgramRun', id);
    return toProgramRun(run);
  }

  listPrograms(args: ProgramsArgs, language: Language): Promise<ConnectionShape<Program>> {
    const query = this.programs.createQueryBuilder('p');
    const filter = args.filter;
    if (!filter?.includeClosed) query.andWhere('p.closed_on IS NULL');
    if (filter?.kinds?.length) query.andWhere('p.kind IN (:...kinds)', { kinds: filter.kinds });
    if (filter?.ruralOnly !== undefined && filter.ruralOnly !== null) query.andWhere('p.rural_only = :ruralOnly', { ruralOnly: filter.ruralOnly });
    const search = filter?.search?.trim();
    if (search) query.andWhere(`(${nameSearchSql('p')})`, { searchPattern: searchPattern(search) });
    const field = args.orderBy?.field ?? ProgramOrderField.NAME;
    const descending = args.orderBy?.direction === OrderDirection.DESC;
    const key = field === ProgramOrderField.NAME ? localisedNameSql('p', language) : 'p.code COLLATE "C"';
    return keysetConnection(query, { keys: [key], id: 'p.id', descending, ordering: `${field}:${descending ? 'DESC' : 'ASC'}:${language}` }, args, toProgram);
  }

  listProgramRuns(args: ProgramRunsArgs, language: Language): Promise<ConnectionShape<ProgramRun>> {
    const query = this.runs
      .createQueryBuilder('r')
      .innerJoin('program', 'p', 'p.id = r.program_id')
      .innerJoin('centre', 'c', 'c.id = r.centre_id');
    const filter = args.filter;
    applyCentreScope(query, 'r.centre_id', filter);
    if (filter?.programIds?.length) query.andWhere('r.program_id IN (:...programIds)', { programIds: filter.programIds });
    if (filter?.kinds?.length) query.andWhere('p.kind IN (:...kinds)', { kinds: filter.kinds });
    if (filter?.statuses?.length) query.andWhere(`(${RUN_STATUS_SQL}) IN (:...statuses)`, { statuses: filter.statuses, today: today() });
    if (filter?.activeOn) {
      query.andWhere('r.starts_on <= :activeOn AND (r.ends_on IS NULL OR r.ends_on >= :activeOn) AND (r.closed_on IS NULL OR r.closed_on > :activeOn)', {
        activeOn: isoDay(filter.activeOn),
      });
    }
    if (filter?.startsFrom) query.andWhere('r.starts_on >= :startsFrom', { startsFrom: isoDay(filter.startsFrom) });
    if (filter?.startsTo) query.andWhere('r.starts_on <= :startsTo', { startsTo: isoDay(filter.startsTo) });

    const field = args.orderBy?.field ?? ProgramRunOrderField.STARTS_ON;
    const descending = args.orderBy ? args.orderBy.direction === OrderDirection.DESC : true;
    const startsOn = `to_char(r.starts_on, 'YYYY-MM-DD') COLLATE "C"`;
    const programName = localisedNameSql('p', language);
    const keys = { STARTS_ON: [startsOn, programName], PROGRAM: [programName, startsOn], CENTRE: [localisedNameSql('c', language), startsOn] }[field];
    return keysetConnection(query, { keys, id: 'r.id', descending, ordering: `${field}:${descending ? 'DESC' : 'ASC'}:${language}` }, args, toProgramRun);
  }

  /** For the DataLoaders. */
  async programsByIds(ids: readonly string[]): Promise<(Program | null)[]> {
    const found = await this.programs.findBy({ id: In([...ids]) });
    const byId = new Map(found.map((program) => [program.id, toProgram(program)]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  async runsByIds(ids: readonly string[]): Promise<(ProgramRun | null)[]> {
    const found = await this.runs.findBy({ id: In([...ids]) });
    const byId = new Map(found.map((run) => [run.id, toProgramRun(run)]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  async partnersOf(programIds: readonly string[]): Promise<ProgramPartner[][]> {
    const rows = await this.programs.manager.find(ProgramPartnerEntity, { where: { programId: In([...programIds]) }, order: { position: 'ASC' } });
    return groupByKey(programIds, rows, (row) => row.programId, toPartner);
  }

  async mentorsOf(programIds: readonly string[]): Promise<Mentor[][]> {
    const rows = await this.programs.manager.find(ProgramMentorEntity, { where: { programId: In([...programIds]) }, order: { position: 'ASC' } });
    return groupByKey(programIds, rows, (row) => row.programId, toMentor);
  }

  /** The runs of each centre or of each program, newest first. */
  async runsBy(column: 'centre_id' | 'program_id', ids: readonly string[]): Promise<ProgramRun[][]> {
    const rows = await this.runs
      .createQueryBuilder('r')
      .where(`r.${column} IN (:...ids)`, { ids })
      .orderBy('r.starts_on', 'DESC')
      .addOrderBy('r.id', 'ASC')
      .getMany();
    return groupByKey(ids, rows, (row) => (column === 'centre_id' ? row.centreId : row.programId), toProgramRun);
  }

  async createProgram(actor: Actor, input: CreateProgramInput): Promise<Program> {
    const program = await this.writes.create(actor, PROGRAM_RECORD, {}, async (manager) => {
      const problems = ageProblems(input.minAge, input.maxAge, input.ageExceptionReason);
      if (Object.keys(problems).length > 0) throw new BadUserInputError(`Check ${Object.keys(problems).join(', ')}.`, problems);
      await assertProgramCodeFree(manager, input.code);
      const saved = await manager.save(
        manager.create(ProgramEntity, {
          code: input.code,
          kind: input.kind,
          ...nameColumns(input.names),
          description: localisedJson(input.descriptions),
          minAge: input.minAge,
          maxAge: input.maxAge,
          ageExceptionReason: localisedJson(input.ageExceptionReason),
          minEducation: input.minEducation,
          ruralOnly: input.ruralOnly,
          anonymous: input.anonymous,
          durationWeeks: input.durationWeeks ?? null,
          closedOn: null,
        }),
      );
      return Object.assign(saved, await replaceMembers(manager, saved.id, input.partners ?? [], input.mentors ?? []));
    });
    return toProgram(program);
  }

  async updateProgram(actor: Actor, input: UpdateProgramInput): Promise<Program> {
    const program = await this.writes.update(actor, PROGRAM_RECORD, input.id, 'UPDATE_PROGRAM', async (record, manager) => {
      if (input.code !== undefined && input.code !== record.code) {
        await assertProgramCodeFree(manager, input.code);
        record.code = input.code;
      }
      if (input.kind) record.kind = input.kind;
      if (input.names) Object.assign(record, nameColumns(input.names));
      if (input.descriptions !== undefined) record.description = localisedJson(input.descriptions);
      if (input.minAge !== undefined && input.minAge !== null) record.minAge = input.minAge;
      if (input.maxAge !== undefined && input.maxAge !== null) record.maxAge = input.maxAge;
      if (input.ageExceptionReason !== undefined) record.ageExceptionReason = localisedJson(input.ageExceptionReason);
      const problems = ageProblems(record.minAge, record.maxAge, record.ageExceptionReason);
      if (Object.keys(problems).length > 0) throw new BadUserInputError(`Check ${Object.keys(problems).join(', ')}.`, problems);
      if (input.minEducation) record.minEducation = input.minEducation;
      if (input.ruralOnly !== undefined && input.ruralOnly !== null) record.ruralOnly = input.ruralOnly;
      if (input.anonymous !== undefined && input.anonymous !== null) record.anonymous = input.anonymous;
      if (input.durationWeeks !== undefined) record.durationWeeks = input.durationWeeks;
      if (input.partners || input.mentors) {
        const next = await replaceMembers(
          manager,
          record.id,
          input.partners ?? record.partners ?? [],
          input.mentors ?? (record.mentors ?? []).map((mentor) => ({ fullName: mentor.fullName, expertises: mentor.expertise })),
        );
        Object.assign(record, next);
      }
    });
    return toProgram(program);
  }

  async closeProgram(actor: Actor, input: CloseRecordInput): Promise<Program> {
    return toProgram(await this.writes.update(actor, PROGRAM_RECORD, input.id, 'CLOSE_PROGRAM', (record) => closeRecord(record, input)));
  }

  async reopenProgram(actor: Actor, id: string): Promise<Program> {
    return toProgram(await this.writes.update(actor, PROGRAM_RECORD, id, 'REOPEN_PROGRAM', (record) => reopenRecord(record)));
  }

  async createProgramRun(actor: Actor, input: CreateProgramRunInput): Promise<ProgramRun> {
    const run = await this.writes.create(actor, RUN_RECORD, { centreId: input.centreId }, async (manager) => {
      const { centre, problems } = await checkOpenCentre(manager, input.centreId);
      const program = await manager.findOne(ProgramEntity, { where: { id: input.programId }, lock: { mode: 'pessimistic_read' } });
      if (!program) problems.programId = problem('noSuchRecord');
      else Object.assign(problems, await retiredProgramProblem(manager, program.id));
      const startsOn = isoDay(input.startsOn);
      const endsOn = input.endsOn ? isoDay(input.endsOn) : program?.durationWeeks ? lastDayOfWeeks(startsOn, program.durationWeeks) : null;
      Object.assign(problems, dayProblems(startsOn, endsOn, centre));
      if (Object.keys(problems).length > 0) throw new BadUserInputError(`Check ${Object.keys(problems).join(', ')}.`, problems);
      return manager.create(ProgramRunEntity, { programId: input.programId, centreId: input.centreId, startsOn, endsOn, closedOn: null });
    });
    return toProgramRun(run);
  }

  async updateProgramRun(actor: Actor, input: UpdateProgramRunInput): Promise<ProgramRun> {
    const run = await this.writes.update(actor, RUN_RECORD, input.id, 'UPDATE_PROGRAM_RUN', async (record, manager) => {
      if (record.closedOn) throw new ConflictError('The run was cancelled; reopen it first.');
      if (input.startsOn) record.startsOn = isoDay(input.startsOn);
      if (input.endsOn !== undefined) record.endsOn = input.endsOn ? isoDay(input.endsOn) : null;
      // The same rules as a new run: an open centre and a program still offered.
      const { centre, problems } = await checkOpenCentre(manager, record.centreId);
      Object.assign(problems, await retiredProgramProblem(manager, record.programId));
      Object.assign(problems, dayProblems(record.startsOn, record.endsOn, centre));
      if (Object.keys(problems).length > 0) throw new BadUserInputError(`Check ${Object.keys(problems).join(', ')}.`, problems);
    });
    return toProgramRun(run);
  }

  async closeProgramRun(actor: Actor, input: CloseRecordInput): Promise<ProgramRun> {
    return toProgramRun(await this.writes.update(actor, RUN_RECORD, input.id, 'CLOSE_PROGRAM_RUN', (record) => closeRecord(record, input)));
  }

  async reopenProgramRun(actor: Actor, id: string): Promise<ProgramRun> {
    const run = await this.writes.update(actor, RUN_RECORD, id, 'REOPEN_PROGRAM_RUN', async (record, manager) => {
      reopenRecord(record);
      const { problems } = await checkOpenCentre(manager, record.centreId);
      if (Object.keys(problems).length > 0) throw new ConflictError('The run\'s centre is closed; reopen the centre first.');
      const retired = await retiredProgramProblem(manager, record.programId);
      if (retired.programId) throw new ConflictError('The run\'s program is retired; bring it back first.');
    });
    return toProgramRun(run);
  }
}

/** The status of a run today, in SQL, matching programRunStatus() in packages/domain. */
const RUN_STATUS_SQL = `CASE
  WHEN r.closed_on IS NOT NULL AND r.closed_on <= :today THEN 'CANCELLED'
  WHEN r.starts_on > :today THEN 'PLANNED'
  WHEN r.ends_on IS NOT NULL AND r.ends_on < :today THEN 'FINISHED'
  ELSE 'RUNNING' END`;

/** A share-locked look at the program: a retired one takes no new or changed runs. */
async function retiredProgramProblem(manager: EntityManager, programId: string): Promise<FieldProblems> {
  const program = await manager.findOne(ProgramEntity, { where: { id: programId }, lock: { mode: 'pessimistic_read' } });
  return program?.closedOn ? { programId: problem('programRetired', { day: program.closedOn }) } : {};
}

function dayProblems(startsOn: string, endsOn: string | null, centre: CentreEntity | null): FieldProblems {
  const problems: FieldProblems = {};
  if (centre?.openedOn && startsOn < centre.openedOn) problems.startsOn = problem('notBeforeCentreOpened', { day: centre.openedOn });
  if (endsOn && endsOn < startsOn) problems.endsOn = problem('notBeforeStart');
  return problems;
}

/** The domain's age rule (packages/domain, shared with the dashboard), as problems with codes. */
function ageProblems(minAge: number, maxAge: number, reason: LocalisedText | null | undefined): FieldProblems {
  const found = ageRangeProblems(minAge, maxAge, reasonText(reason));
  const problems: FieldProblems = {};
  if (found.minAge) problems.minAge = problem('ageOutsideLimits');
  if (found.maxAge) problems.maxAge = problem(maxAge < minAge ? 'maxAgeBelowMin' : 'ageOutsideLimits');
  if (found.ageExceptionReason) problems.ageExceptionReason = problem('ageReasonNeeded');
  return problems;
}

function reasonText(reason: LocalisedText | null | undefined): string | null {
  return cleanText(reason?.kk) ?? cleanText(reason?.ru) ?? cleanText(reason?.en);
}

async function assertProgramCodeFree(manager: EntityManager, code: string): Promise<void> {
  if (await manager.existsBy(ProgramEntity, { code })) {
    throw new ConflictError('Another program has this code.', { fields: { code: problem('codeTaken') } });
  }
}

async function currentMembers(manager: EntityManager, programId: string) {
  const partners = await manager.find(ProgramPartnerEntity, { where: { programId }, order: { position: 'ASC' } });
  const mentors = await manager.find(ProgramMentorEntity, { where: { programId }, order: { position: 'ASC' } });
  return {
    partners: partners.map((partner) => toPartner(partner).names),
    mentors: mentors.map((mentor) => ({ fullName: mentor.fullName, expertise: localisedJson(mentor.expertise) })),
  };
}

/** Replaces a program's partners and mentors with the given lists, in order; returns them as the trail shows them. */
async function replaceMembers(manager: EntityManager, programId: string, partners: LocalisedText[], mentors: MentorInput[]) {
  await manager.delete(ProgramPartnerEntity, { programId });
  await manager.delete(ProgramMentorEntity, { programId });
  if (partners.length > 0) {
    await manager.insert(ProgramPartnerEntity, partners.map((names, position) => ({ programId, position, ...nameColumns(names) })));
  }
  const cleanMentors = mentors.map((mentor) => ({ fullName: mentor.fullName.trim(), expertise: localisedJson(mentor.expertises) }));
  if (cleanMentors.length > 0) {
    await manager.insert(ProgramMentorEntity, cleanMentors.map((mentor, position) => ({ programId, position, ...mentor })));
  }
  return { partners: partners.map((names) => toPartner({ programId, position: 0, ...nameColumns(names) }).names), mentors: cleanMentors };
}
