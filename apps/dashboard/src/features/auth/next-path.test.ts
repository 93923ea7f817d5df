import { describe, expect, it } from 'vitest';
import { nextAfterSignIn, signInPath } from './next-path';

describe('signInPath', () => {
  it('remembers the page and its filters, but not the start page', () => {
    expect(signInPath('/audit?entityType=User')).toBe('/sign-in?next=%2Faudit%3FentityType%3DUser');
    expect(signInPath('/')).toBe('/sign-in');
    expect(signInPath(undefined)).toBe('/sign-in');
  });
});

describe('nextAfterSignIn', () => {
  it('goes back to a path of this site', () => {
    expect(nextAfterSignIn(new URLSearchParams('next=%2Fusers%3Frole%3DANALYST'))).toBe('/users?role=ANALYST');
  });

  it('refuses anything that could lead off the site, or back to sign-in', () => {
    for (const next of ['https://evil.example/', '//evil.example', '/\\evil.example', 'users', '/sign-in?next=/x']) {
      expect(nextAfterSignIn(new URLSearchParams({ next }))).toBe('/');
    }
    expect(nextAfterSignIn(new URLSearchParams())).toBe('/');
  });
});
