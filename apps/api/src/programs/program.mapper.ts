import { programRunStatus } from '@mrc/domain';
import { today } from '../common/dates.js';
import { localised } from '../common/localisation.js';
import type { Mentor, Program, ProgramPartner, ProgramRun } from './dto/program.objects.js';
import type { ProgramEntity, ProgramMentorEntity, ProgramPartnerEntity } from './program.entity.js';
import type { ProgramRunEntity } from './program-run.entity.js';

export function toProgram(entity: ProgramEntity): Program {
  return {
    id: entity.id,
    code: entity.code,
    kind: entity.kind,
    names: localised(entity.nameKk, entity.nameRu, entity.nameEn),
    descriptions: localised(entity.description?.kk, entity.description?.ru, entity.description?.en),
    minAge: entity.minAge,
    maxAge: entity.maxAge,
    ageExceptionReasons: localised(entity.ageExceptionReason?.kk, entity.ageExceptionReason?.ru, entity.ageExceptionReason?.en),
    minEducation: entity.minEducation,
    ruralOnly: entity.ruralOnly,
    anonymous: entity.anonymous,
    durationWeeks: entity.durationWeeks,
    closedOn: entity.closedOn,
  };
}

export function toPartner(entity: ProgramPartnerEntity): ProgramPartner {
  return { names: localised(entity.nameKk, entity.nameRu, entity.nameEn) };
}

export function toMentor(entity: ProgramMentorEntity): Mentor {
  return { fullName: entity.fullName, expertises: localised(entity.expertise?.kk, entity.expertise?.ru, entity.expertise?.en) };
}

export function toProgramRun(entity: ProgramRunEntity): ProgramRun {
  return {
    id: entity.id,
    programId: entity.programId,
    centreId: entity.centreId,
    startsOn: entity.startsOn,
    endsOn: entity.endsOn,
    closedOn: entity.closedOn,
    status: programRunStatus(entity, today()),
  };
}
