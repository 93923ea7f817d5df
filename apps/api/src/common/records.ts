import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsUUID } from 'class-validator';
import { GraphQLDate } from 'graphql-scalars';
import { isoDay, today } from './dates.js';
import { BadUserInputError, ConflictError } from './errors.js';
import { IsDay } from './input-rules.js';
import { problem } from './problems.js';

/** Closes a record of the network (a centre, space, club, ...). Closed records keep their history and can be reopened. */
@InputType({ description: 'Closes one record on a day. A closed record keeps its history and can be reopened.' })
export class CloseRecordInput {
  @Field(() => ID, { description: 'The record to close.' })
  @IsUUID('all', { message: 'must be an id' })
  id!: string;

  @Field(() => GraphQLDate, { nullable: true, description: 'The day it closed (or will close); today in Kazakhstan when omitted.' })
  @IsOptional()
  @IsDay()
  closedOn?: Date;
}

@InputType({ description: 'Reopens one closed record.' })
export class ReopenRecordInput {
  @Field(() => ID, { description: 'The record to reopen.' })
  @IsUUID('all', { message: 'must be an id' })
  id!: string;
}

/** Unwraps one optional field of an update input: undefined when omitted, so it stays as it is. */
export function given<T>(value: T | undefined): value is T {
  return value !== undefined;
}

@ArgsType()
export class RecordIdArgs {
  @Field(() => ID, { description: 'The id of the record.' })
  @IsUUID('all', { message: 'must be an id' })
  id!: string;
}

/** Closes a record on the given day (today when none); CONFLICT when it is closed already. */
export function closeRecord(record: { closedOn: string | null }, input: CloseRecordInput): void {
  if (record.closedOn) throw new ConflictError(`It already closed on ${record.closedOn}.`);
  record.closedOn = closingDay(input);
}

/**
 * The day a close input names, today when none. Never a later day: a record is either open or
 * closed, everywhere at once, so a closure is recorded when it happens, not planned ahead.
 */
export function closingDay(input: CloseRecordInput): string {
  const day = input.closedOn ? isoDay(input.closedOn) : today();
  if (day > today()) throw new BadUserInputError('Close it on the day it closes, not ahead.', { closedOn: problem('notInFuture') });
  return day;
}

/** Reopens a closed record; CONFLICT when it is open. */
export function reopenRecord(record: { closedOn: string | null }): void {
  if (!record.closedOn) throw new ConflictError('It is open.');
  record.closedOn = null;
}

/** Whether a record is open: closures are never dated ahead, so any closing day means closed. */
export function isOpen(record: { closedOn: string | null }): boolean {
  return record.closedOn === null;
}
