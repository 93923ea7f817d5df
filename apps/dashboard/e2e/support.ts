import { expect, test, type Page } from '@playwright/test';

/** The demo accounts the API seeds on an empty database with SEED_DEMO_USERS (see the README). */
export const DEMO = {
  admin: { email: 'admin@mrc.demo', password: 'Karaganda-Admin-2026', role: 'Regional administrator' },
  temirtau: { email: 'temirtau@mrc.demo', password: 'Temirtau-Coord-2026', role: 'District coordinator' },
  balkhash: { email: 'balkhash@mrc.demo', password: 'Balkhash-Coord-2026', role: 'District coordinator' },
  analyst: { email: 'analyst@mrc.demo', password: 'Analyst-Karaganda-2026', role: 'Analyst' },
} as const;

/** Who to sign in as: a demo account, or one a test created. */
export interface Account {
  email: string;
  password: string;
  /** The role as the header names it in English. */
  role: string;
}

const pageProblems = new WeakMap<object, string[]>();

/**
 * Fails a test whose page threw or logged an error, even if it looked right (a failed request, a
 * React warning). Call once at the top of a spec file.
 */
export function failOnPageProblems(): void {
  test.beforeEach(({ baseURL, page }) => {
    expect(baseURL, 'global-setup.ts sets E2E_BASE_URL to the API it started').toBeTruthy();
    const problems: string[] = [];
    pageProblems.set(page, problems);
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
  });

  test.afterEach(({ page }) => {
    expect(pageProblems.get(page) ?? []).toEqual([]);
  });
}

/**
 * Signs in on the sign-in page, where the app sends anyone not signed in. English is chosen with the
 * switch first (the browser asks for English, so the page starts in it), so the account's own
 * language does not replace it and the tests read one language.
 */
export async function signIn(page: Page, account: Account, { path = '/' }: { path?: string } = {}): Promise<void> {
  await page.goto(path);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await page.getByLabel('Language').selectOption('en');
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('session-user')).toContainText(account.role);
}

/** The links of the main navigation, in order. */
export async function navLinks(page: Page): Promise<string[]> {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents();
}
