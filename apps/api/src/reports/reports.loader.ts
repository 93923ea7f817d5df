import { Injectable } from '@nestjs/common';
import type DataLoader from 'dataloader';
import { batchLoader } from '../graphql/batch-loader.js';
import type { ActivityReport, ClubFigure, ProgramRunFigure, ReachFigure } from './dto/report.objects.js';
import { ReportsService } from './reports.service.js';

export interface ReportLoaders {
  /** Keys `centreId|period`. */
  byCentreAndPeriod: DataLoader<string, ActivityReport | null>;
  reachByReportId: DataLoader<string, ReachFigure[]>;
  clubLinesByReportId: DataLoader<string, ClubFigure[]>;
  programRunLinesByReportId: DataLoader<string, ProgramRunFigure[]>;
}

/** Builds the report DataLoaders of one request (see graphql/request-context.ts). */
@Injectable()
export class ReportsLoader {
  constructor(private readonly reports: ReportsService) {}

  create(): ReportLoaders {
    return {
      byCentreAndPeriod: batchLoader((keys) => this.reports.reportsOf(keys)),
      reachByReportId: batchLoader((ids) => this.reports.reachOf(ids)),
      clubLinesByReportId: batchLoader((ids) => this.reports.clubLinesOf(ids)),
      programRunLinesByReportId: batchLoader((ids) => this.reports.programRunLinesOf(ids)),
    };
  }
}
