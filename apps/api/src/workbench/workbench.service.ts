import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { WorkbenchExample } from './dto/workbench-example.object.js';
import { readExamples } from './workbench-examples.js';

/** The example library, read from its files once at start: a broken file stops the start with its name. */
@Injectable()
export class WorkbenchService implements OnModuleInit {
  private examples: WorkbenchExample[] = [];

  async onModuleInit(): Promise<void> {
    this.examples = await readExamples();
  }

  list(): WorkbenchExample[] {
    return this.examples;
  }
}
