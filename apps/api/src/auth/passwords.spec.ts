import { describe, expect, it } from '@jest/globals';
import { PasswordService } from './passwords.js';

describe('PasswordService', () => {
  const passwords = new PasswordService();

  it('refuses short, common and personal passwords', async () => {
    expect(await passwords.problemWith('short1!')).toMatch(/at least 10/);
    expect(await passwords.problemWith('password123')).toMatch(/too common/);
    expect(await passwords.problemWith('qwertyuiop')).toMatch(/too common/);
    expect(await passwords.problemWith('aigerim.nurlanova', ['aigerim.nurlanova@mrc.kz', 'Aigerim Nurlanova'])).toMatch(/too common/);
  });

  it('accepts a long password of unrelated words', async () => {
    expect(await passwords.problemWith('Karaganda-Admin-2026')).toBeNull();
    expect(await passwords.problemWith('dombra steppe lantern 42')).toBeNull();
  });

  it('hashes with Argon2id and verifies only the right password', async () => {
    const hash = await passwords.hash('dombra steppe lantern 42');
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(await passwords.verify(hash, 'dombra steppe lantern 42')).toBe(true);
    expect(await passwords.verify(hash, 'dombra steppe lantern 43')).toBe(false);
    expect(await passwords.verify(undefined, 'anything at all')).toBe(false);
  });
});
