import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
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
    return { byId: new DataLoader((ids) => this.users.findByIds(ids)) };
  }
}
