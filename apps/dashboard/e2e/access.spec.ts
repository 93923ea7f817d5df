import { expect, test } from '@playwright/test';
import { DEMO, failOnPageProblems, navLinks, signIn } from './support.js';

failOnPageProblems();

test('an administrator sees Users and Audit trail, and both pages load', async ({ page }) => {
  await signIn(page, DEMO.admin);

  expect(await navLinks(page)).toEqual(['Overview', 'Network', 'Rollout', 'Catalogue', 'Reports', 'Analytics', 'Workbench', 'Users', 'Audit trail']);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
  // The four demo accounts (more if another test created one already).
  await expect(page.getByTestId('user-row').filter({ hasText: DEMO.temirtau.email })).toHaveCount(1);
  await expect(page.getByTestId('user-row').filter({ hasText: DEMO.temirtau.email })).toContainText('Temirtau');
  expect(await page.getByTestId('user-row').count()).toBeGreaterThanOrEqual(4);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit trail' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Audit trail' })).toBeVisible();
  // Signing in is itself recorded.
  await expect(page.getByTestId('audit-row').filter({ hasText: 'Signed in' }).first()).toBeVisible();
});

const NOT_ADMINS = [
  // The analysts' pages are for analysts (and administrators): a coordinator neither sees nor opens them.
  { account: DEMO.temirtau, nav: ['Overview', 'Network', 'Rollout', 'Catalogue', 'Reports'], refused: ['/users', '/audit', '/users/new', '/analytics', '/workbench'] },
  { account: DEMO.analyst, nav: ['Overview', 'Network', 'Rollout', 'Catalogue', 'Reports', 'Analytics', 'Workbench'], refused: ['/users', '/audit', '/users/new'] },
];

for (const { account, nav, refused } of NOT_ADMINS) {
  test(`${account.email} (${account.role}) sees neither Users nor Audit trail, and is told so on a direct visit`, async ({ page }) => {
    await signIn(page, account);

    expect(await navLinks(page)).toEqual(nav);

    for (const path of refused) {
      await page.goto(path);
      await expect(page.getByTestId('not-allowed')).toBeVisible();
      await expect(page.getByTestId('not-allowed')).toContainText(`Your role (${account.role}) does not give access to this page.`);
      await expect(page.getByTestId('user-row')).toHaveCount(0);
      await expect(page.getByTestId('audit-row')).toHaveCount(0);
    }

    // Pages every role may see still work.
    await page.getByRole('link', { name: 'Network', exact: true }).click();
    await expect(page.getByTestId('centre-row')).toHaveCount(14);
  });
}

test('the session survives a reload', async ({ page }) => {
  await signIn(page, DEMO.balkhash, { path: '/centres' });
  await expect(page.getByTestId('centre-row')).toHaveCount(14);

  await page.reload();

  await expect(page.getByTestId('session-user')).toContainText(DEMO.balkhash.role);
  await expect(page).toHaveURL(/\/centres$/);
  await expect(page.getByTestId('centre-row')).toHaveCount(14);
  // The access token lives in memory only.
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie);
  expect(stored).not.toMatch(/ey[A-Za-z0-9_-]{10,}\./);
  expect(stored).not.toContain('mrc_refresh');
});

test('signing out returns to the sign-in page, and a reload stays signed out', async ({ page }) => {
  await signIn(page, DEMO.analyst);

  await page.getByRole('button', { name: 'Sign out' }).click();

  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByTestId('sign-in-notice')).toHaveText('You have signed out.');

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByTestId('session-user')).toHaveCount(0);

  await page.goto('/centres');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fcentres$/);
});

test('a wrong password is refused in plain words', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Email').fill(DEMO.balkhash.email);
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();

  await expect(page.getByRole('alert')).toContainText('The email or password is wrong.');
  await expect(page.getByTestId('session-user')).toHaveCount(0);
});

test('an expired access token is renewed from the session cookie without the person noticing', async ({ page }) => {
  // api-server.ts gives access tokens the shortest life the API allows (30 s).
  test.setTimeout(75_000);
  const refreshes: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/graphql') && request.postData()?.includes('RefreshSession')) refreshes.push(request.url());
  });
  await signIn(page, DEMO.admin);
  // At start the app asked once whether a session cookie was there (none was).
  const atStart = refreshes.length;

  await page.waitForTimeout(32_000);
  // Moving within the app (no reload): the first request is refused, refreshed and sent again.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).click();

  await expect(page.getByTestId('user-row').filter({ hasText: DEMO.admin.email })).toHaveCount(1);
  await expect(page.getByTestId('session-user')).toContainText(DEMO.admin.role);
  expect(refreshes).toHaveLength(atStart + 1);
});

test('several tabs opening at once all keep the session', async ({ page, context }) => {
  await signIn(page, DEMO.analyst, { path: '/centres' });
  const others = await Promise.all([context.newPage(), context.newPage(), context.newPage()]);

  // A browser restoring its tabs: every tab asks for a session from the same cookie at the same moment.
  await Promise.all([page.reload(), ...others.map((tab) => tab.goto('/centres'))]);

  for (const tab of [page, ...others]) {
    await expect(tab.getByTestId('session-user')).toContainText(DEMO.analyst.role);
    await expect(tab.getByTestId('centre-row')).toHaveCount(14);
  }
  // And the session is still alive afterwards.
  await page.reload();
  await expect(page.getByTestId('session-user')).toContainText(DEMO.analyst.role);
});
