import { MIN_PASSWORD_LENGTH } from '@mrc/domain';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import argon2 from 'argon2';

/** zxcvbn's scale: 0 and 1 fall to an online guessing attack (common passwords score 0). */
const MIN_STRENGTH = 2;

/**
 * Hashing (Argon2id, the library's defaults: 64 MiB, 3 passes) and the password rules: long enough,
 * not a common password, not built from the person's own name or email (zxcvbn with its common
 * dictionaries of passwords, names and words).
 */
@Injectable()
export class PasswordService implements OnModuleInit {
  // zxcvbn and its dictionaries are loaded by the first password checked, not at start: they took
  // ~4 MB of heap and ~25 MB of RSS in every process, for a check made only when a password is set.
  private strength: Promise<ZxcvbnFactory> | undefined;
  // Verifying against this when no account matches makes a wrong email take as long as a wrong password.
  private dummyHash: Promise<string> | undefined;

  /** Made at start, so the first sign-in with an unknown email is not the slow one that tells. */
  async onModuleInit(): Promise<void> {
    await (this.dummyHash ??= this.hash('no account has this password'));
  }

  hash(password: string): Promise<string> {
    return argon2.hash(password, { type: argon2.argon2id });
  }

  async verify(hash: string | undefined, password: string): Promise<boolean> {
    const against = hash ?? (await (this.dummyHash ??= this.hash('no account has this password')));
    try {
      return (await argon2.verify(against, password)) && hash !== undefined;
    } catch {
      return false;
    }
  }

  /** Why a new password is refused, or null when it is fine. */
  async problemWith(password: string, personal: string[] = []): Promise<string | null> {
    if (password.length < MIN_PASSWORD_LENGTH) return `must be at least ${MIN_PASSWORD_LENGTH} characters long`;
    if (password.length > 200) return 'must be at most 200 characters long';
    const words = personal.flatMap((text) => {
      const lower = text.toLowerCase();
      return [lower, lower.split('@')[0] ?? '', ...lower.split(/[^\p{L}\p{N}]+/u)];
    }).filter((word) => word.length > 2);
    this.strength ??= Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common')]).then(
      ([{ ZxcvbnFactory }, { adjacencyGraphs, dictionary }]) => new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs }),
    );
    if ((await this.strength).check(password, words).score < MIN_STRENGTH) {
      return 'is too common or too easy to guess; try a few unrelated words together';
    }
    return null;
  }
}
