import { describe, expect, it } from '@jest/globals';
import { IsOptional, IsString, IsUUID } from 'class-validator';
import { createValidationPipe } from './validation.pipe.js';

class Line {
  @IsUUID('all')
  clubId!: string;
}

class Input {
  @IsUUID('all')
  id!: string;

  @IsOptional()
  @IsString()
  name?: string;

  @IsOptional()
  @IsUUID('all', { each: true })
  centreIds?: string[];

  @IsOptional()
  lines?: Line[];
}

const pipe = createValidationPipe();
const asInput = { type: 'body', metatype: Input, data: 'input' } as const;
const ID = '123e4567-e89b-42d3-a456-426614174000';

describe('the global validation pipe', () => {
  it('takes ids in capitals in their canonical lower-case form, in nested inputs and lists too', async () => {
    const value = (await pipe.transform({ id: ID.toUpperCase(), centreIds: [ID.toUpperCase()], lines: [{ clubId: ID.toUpperCase() }] }, asInput)) as Input;
    expect(value).toMatchObject({ id: ID, centreIds: [ID], lines: [{ clubId: ID }] });
  });

  it('leaves text that only looks like an id as it was typed', async () => {
    expect(await pipe.transform({ id: ID, name: ID.toUpperCase() }, asInput)).toMatchObject({ name: ID.toUpperCase() });
  });

  it.each([
    ['a NUL character', 'a\u0000b', 'hasNoNul'],
    ['half of a surrogate pair', 'x\ud800', 'invalid'],
    ['the other half alone', '\udfffx', 'invalid'],
  ])('refuses %s at its field', async (_case, name, code) => {
    await expect(pipe.transform({ id: ID, name }, asInput)).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', problems: { name: { code } } } });
  });

  it('takes whole surrogate pairs (emoji, rare letters)', async () => {
    expect(await pipe.transform({ id: ID, name: '🙂 𝔘' }, asInput)).toMatchObject({ name: '🙂 𝔘' });
  });
});
