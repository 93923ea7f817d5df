import { Injectable } from '@nestjs/common';
import type DataLoader from 'dataloader';
import { batchLoader } from '../graphql/batch-loader.js';
import type { Mentor, Program, ProgramPartner, ProgramRun } from './dto/program.objects.js';
import { ProgramsService } from './programs.service.js';

export interface ProgramLoaders {
  byId: DataLoader<string, Program | null>;
  partnersByProgramId: DataLoader<string, ProgramPartner[]>;
  mentorsByProgramId: DataLoader<string, Mentor[]>;
  runById: DataLoader<string, ProgramRun | null>;
  runsByCentreId: DataLoader<string, ProgramRun[]>;
  runsByProgramId: DataLoader<string, ProgramRun[]>;
}

/** Builds the program DataLoaders of one request (see graphql/request-context.ts). */
@Injectable()
export class ProgramsLoader {
  constructor(private readonly programs: ProgramsService) {}

  create(): ProgramLoaders {
    return {
      byId: batchLoader((ids) => this.programs.programsByIds(ids)),
      runById: batchLoader((ids) => this.programs.runsByIds(ids)),
      partnersByProgramId: batchLoader((ids) => this.programs.partnersOf(ids)),
      mentorsByProgramId: batchLoader((ids) => this.programs.mentorsOf(ids)),
      runsByCentreId: batchLoader((ids) => this.programs.runsBy('centre_id', ids)),
      runsByProgramId: batchLoader((ids) => this.programs.runsBy('program_id', ids)),
    };
  }
}
