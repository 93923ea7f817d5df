import { Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ExportsService } from './exports.service.js';

/**
 * POST /exports with `{ format: "csv" | "xlsx", query, variables?, operationName? }` and the same
 * `Authorization: Bearer …` as /graphql: the query's one list, every page of it, as a download.
 */
@Controller('exports')
export class ExportsController {
  constructor(private readonly exportsService: ExportsService) {}

  @Post()
  @HttpCode(200)
  async export(@Req() req: Request, @Res() res: Response): Promise<void> {
    // The service writes the response itself (a stream, or a JSON refusal) and never throws.
    await this.exportsService.export(req, res);
  }
}
