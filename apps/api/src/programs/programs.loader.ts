import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import type { Mentor, Program, ProgramPartner, ProgramRun } from './dto/program.objects.js';
import { ProgramsService } from './programs.service.js';

export interface ProgramLoaders {
  byId: DataLoader<string, Program | null>;
  partnersByProgramId: DataLoader<string, ProgramPartner[]>;
  mentorsByProgramId: DataLoader<string, Mentor[]>;
  runsByCentreId: DataLoader<string, ProgramRun[]>;
  runsByProgramId: DataLoader<string, ProgramRun[]>;
}

/** Builds the program DataLoaders of one request (see graphql/request-context.ts). */
@Injectable()
export class ProgramsLoader {
  constructor(private readonly programs: ProgramsService) {}

  create(): ProgramLoaders {
    return {
      byId: new DataLoader((ids) => this.programs.programsByIds(ids)),
      partnersByProgramId: new DataLoader((ids) => this.programs.partnersOf(ids)),
      mentorsByProgramId: new DataLoader((ids) => this.programs.mentorsOf(ids)),
      runsByCentreId: new DataLoader((ids) => this.programs.runsBy('centre_id', ids)),
      runsByProgramId: new DataLoader((ids) => this.programs.runsBy('program_id', ids)),
    };
  }
}
