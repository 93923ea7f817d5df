import { type Language, pickLocalised } from '@mrc/domain';
import { Args, Context, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '../auth/actor.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { Policy } from '../auth/policy.decorators.js';
import { Centre } from '../centres/dto/centre.object.js';
import { LangArg } from '../common/localisation.js';
import { Connection } from '../common/pagination.js';
import { CloseRecordInput, RecordIdArgs, ReopenRecordInput } from '../common/records.js';
import { NETWORK_WIDE_LIST } from '../graphql/query-cost.plugin.js';
import type { RequestContext } from '../graphql/request-context.js';
import {
  CreateProgramInput,
  CreateProgramRunInput,
  ProgramPayload,
  ProgramRunPayload,
  ProgramRunsArgs,
  ProgramsArgs,
  UpdateProgramInput,
  UpdateProgramRunInput,
} from './dto/program.inputs.js';
import { Mentor, Program, ProgramPartner, ProgramRun } from './dto/program.objects.js';
import { ProgramsService } from './programs.service.js';

@ObjectType('ProgramConnection', { description: 'A page of programs.' })
class ProgramConnection extends Connection(Program, 'Program') {}

@ObjectType('ProgramRunConnection', { description: 'A page of program runs.' })
class ProgramRunConnection extends Connection(ProgramRun, 'ProgramRun') {}

const INCLUDE_CANCELLED = { defaultValue: false, description: 'Also list cancelled runs.' };

@Resolver(() => Program)
export class ProgramsResolver {
  constructor(private readonly programsService: ProgramsService) {}

  @Policy('read', 'Program')
  @Query(() => ProgramConnection, { description: 'The programs of the network, by name.' })
  programs(@Args() args: ProgramsArgs, @Context() context: RequestContext) {
    return this.programsService.listPrograms(args, context.language);
  }

  @Policy('read', 'Program')
  @Query(() => Program, { description: 'One program by id; NOT_FOUND when there is none.' })
  program(@Args() { id }: RecordIdArgs) {
    return this.programsService.getProgram(id);
  }

  @Policy('create', 'Program')
  @Mutation(() => ProgramPayload, { description: 'Adds a program (administrators). CONFLICT when the code is taken.' })
  async createProgram(@CurrentActor() actor: Actor, @Args('input', { description: 'The new program.' }) input: CreateProgramInput): Promise<ProgramPayload> {
    return { program: await this.programsService.createProgram(actor, input) };
  }

  @Policy('update', 'Program')
  @Mutation(() => ProgramPayload, { description: 'Changes a program, its partners or mentors (administrators).' })
  async updateProgram(@CurrentActor() actor: Actor, @Args('input', { description: 'What to change.' }) input: UpdateProgramInput): Promise<ProgramPayload> {
    return { program: await this.programsService.updateProgram(actor, input) };
  }

  @Policy('update', 'Program')
  @Mutation(() => ProgramPayload, { description: 'Retires a program: no new runs start; runs already planned stay (administrators).' })
  async closeProgram(@CurrentActor() actor: Actor, @Args('input', { description: 'The program and the day.' }) input: CloseRecordInput): Promise<ProgramPayload> {
    return { program: await this.programsService.closeProgram(actor, input) };
  }

  @Policy('update', 'Program')
  @Mutation(() => ProgramPayload, { description: 'Brings a retired program back (administrators).' })
  async reopenProgram(@CurrentActor() actor: Actor, @Args('input', { description: 'The program.' }) input: ReopenRecordInput): Promise<ProgramPayload> {
    return { program: await this.programsService.reopenProgram(actor, input.id) };
  }

  @ResolveField(() => String, { description: 'The name in one language.' })
  name(@Parent() program: Program, @Context() context: RequestContext, @LangArg() lang?: Language): string {
    return pickLocalised(program.names, lang ?? context.language);
  }

  @ResolveField(() => String, { nullable: true, description: 'What the program offers, in one language.' })
  description(@Parent() program: Program, @Context() context: RequestContext, @LangArg() lang?: Language): string | null {
    return pickLocalised(program.descriptions, lang ?? context.language) || null;
  }

  @ResolveField(() => String, { nullable: true, description: 'Why the age range reaches outside 14–35, in one language; null when it does not.' })
  ageExceptionReason(@Parent() program: Program, @Context() context: RequestContext, @LangArg() lang?: Language): string | null {
    return pickLocalised(program.ageExceptionReasons, lang ?? context.language) || null;
  }

  @ResolveField(() => [ProgramPartner], { description: 'Partner organisations, in order.' })
  partners(@Parent() program: Program, @Context() context: RequestContext) {
    return context.loaders.programs.partnersByProgramId.load(program.id);
  }

  @ResolveField(() => [Mentor], { description: 'Mentors, in order.' })
  mentors(@Parent() program: Program, @Context() context: RequestContext) {
    return context.loaders.programs.mentorsByProgramId.load(program.id);
  }

  @ResolveField(() => [ProgramRun], {
    description: 'Where and when the program runs, newest first; cancelled runs only with `includeCancelled`.',
    complexity: NETWORK_WIDE_LIST,
  })
  async runs(@Parent() program: Program, @Context() context: RequestContext, @Args('includeCancelled', INCLUDE_CANCELLED) includeCancelled: boolean) {
    const runs = await context.loaders.programs.runsByProgramId.load(program.id);
    return includeCancelled ? runs : runs.filter((run) => run.status !== 'CANCELLED');
  }
}

@Resolver(() => ProgramPartner)
export class ProgramPartnersResolver {
  @ResolveField(() => String, { description: 'The organisation\'s name in one language.' })
  name(@Parent() partner: ProgramPartner, @Context() context: RequestContext, @LangArg() lang?: Language): string {
    return pickLocalised(partner.names, lang ?? context.language);
  }
}

@Resolver(() => Mentor)
export class MentorsResolver {
  @ResolveField(() => String, { nullable: true, description: 'The mentor\'s field in one language.' })
  expertise(@Parent() mentor: Mentor, @Context() context: RequestContext, @LangArg() lang?: Language): string | null {
    return pickLocalised(mentor.expertises, lang ?? context.language) || null;
  }
}

@Resolver(() => ProgramRun)
export class ProgramRunsResolver {
  constructor(private readonly programsService: ProgramsService) {}

  @Policy('read', 'ProgramRun')
  @Query(() => ProgramRunConnection, { description: 'Program runs across the network, filtered and ordered (newest first by default).' })
  programRuns(@Args() args: ProgramRunsArgs, @Context() context: RequestContext) {
    return this.programsService.listProgramRuns(args, context.language);
  }

  @Policy('read', 'ProgramRun')
  @Query(() => ProgramRun, { description: 'One program run by id; NOT_FOUND when there is none.' })
  programRun(@Args() { id }: RecordIdArgs) {
    return this.programsService.getProgramRun(id);
  }

  @Policy('create', 'ProgramRun')
  @Mutation(() => ProgramRunPayload, { description: 'Schedules a program at an open centre. Administrators, or the coordinator of the centre.' })
  async createProgramRun(@CurrentActor() actor: Actor, @Args('input', { description: 'The new run.' }) input: CreateProgramRunInput): Promise<ProgramRunPayload> {
    return { programRun: await this.programsService.createProgramRun(actor, input) };
  }

  @Policy('update', 'ProgramRun')
  @Mutation(() => ProgramRunPayload, { description: 'Changes a run\'s days. Administrators, or the coordinator of its centre.' })
  async updateProgramRun(@CurrentActor() actor: Actor, @Args('input', { description: 'What to change.' }) input: UpdateProgramRunInput): Promise<ProgramRunPayload> {
    return { programRun: await this.programsService.updateProgramRun(actor, input) };
  }

  @Policy('update', 'ProgramRun')
  @Mutation(() => ProgramRunPayload, { description: 'Cancels a run, or stops it early, on a day. Administrators, or the coordinator of its centre.' })
  async closeProgramRun(@CurrentActor() actor: Actor, @Args('input', { description: 'The run and the day.' }) input: CloseRecordInput): Promise<ProgramRunPayload> {
    return { programRun: await this.programsService.closeProgramRun(actor, input) };
  }

  @Policy('update', 'ProgramRun')
  @Mutation(() => ProgramRunPayload, { description: 'Undoes a cancellation. Administrators, or the coordinator of its centre.' })
  async reopenProgramRun(@CurrentActor() actor: Actor, @Args('input', { description: 'The run.' }) input: ReopenRecordInput): Promise<ProgramRunPayload> {
    return { programRun: await this.programsService.reopenProgramRun(actor, input.id) };
  }

  @ResolveField(() => Program, { description: 'The program being run.' })
  program(@Parent() run: ProgramRun, @Context() context: RequestContext) {
    return context.loaders.programs.byId.load(run.programId);
  }

  @ResolveField(() => Centre, { description: 'The centre it runs at.' })
  centre(@Parent() run: ProgramRun, @Context() context: RequestContext) {
    return context.loaders.centres.byId.load(run.centreId);
  }
}

/** A centre's program runs, reached from the centre. */
@Resolver(() => Centre)
export class CentreProgramRunsResolver {
  @ResolveField(() => [ProgramRun], { description: 'The programs run at the centre, newest first; cancelled runs only with `includeCancelled`.' })
  async programRuns(@Parent() centre: Centre, @Context() context: RequestContext, @Args('includeCancelled', INCLUDE_CANCELLED) includeCancelled: boolean) {
    const runs = await context.loaders.programs.runsByCentreId.load(centre.id);
    return includeCancelled ? runs : runs.filter((run) => run.status !== 'CANCELLED');
  }
}
