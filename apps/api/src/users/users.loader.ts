import { Injectable } from '@nestjs/common';
import type DataLoader from 'dataloader';
import { batchLoader } from '../graphql/batch-loader.js';
import type { User } from './dto/user.object.js';
import { UsersService } from './users.service.js';

export interface UserLoaders {
  byId: DataLoader<string, User | null>;
}

/** Builds the user DataLoaders of one request (see graphql/request-context.ts). */
@Injectable()
export class UsersLoader {
  constructor(private readonly users: UsersService) {}

  create(): UserLoaders {
    return { byId: batchLoader((ids) => this.users.findByIds(ids)) };
  }
}
