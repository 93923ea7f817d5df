import { expect, test, type APIRequestContext } from '@playwright/test';
import { DEMO, failOnPageProblems, signIn } from './support.js';

failOnPageProblems();

test('an administrator creates a coordinator, finds them in the list and the change in the audit trail', async ({ page }) => {
  const email = 'saran@mrc.demo';
  await signIn(page, DEMO.admin, { path: '/users' });

  await page.getByRole('link', { name: 'New user' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New user' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Email' }).fill(email);
  await page.getByLabel('Name').fill('Aliya Bekova');
  await page.getByLabel('Role').selectOption('DISTRICT_COORDINATOR');
  await page.getByLabel('Centre').selectOption({ label: 'Saran' });
  await page.getByLabel('Language of the dashboard').selectOption('kk');

  // A common password is refused by the server, at the field.
  await page.getByLabel('Password').fill('password123');
  await page.getByRole('button', { name: 'Create the account' }).click();
  await expect(page.getByRole('alert')).toContainText('Check the fields marked below.');
  await expect(page.getByLabel('Password')).toHaveAttribute('aria-invalid', 'true');

  await page.getByLabel('Password').fill('Saran-Steppe-Lantern-26');
  await page.getByRole('button', { name: 'Create the account' }).click();

  await expect(page).toHaveURL(/\/users$/);
  await expect(page.getByText('The account of Aliya Bekova was created.')).toBeVisible();
  const row = page.getByTestId('user-row').filter({ hasText: email });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('District coordinator');
  await expect(row).toContainText('Saran');
  await expect(row).toContainText('Active');

  // The same email a second time is a conflict, shown at the email field.
  await page.getByRole('link', { name: 'New user' }).click();
  await page.getByRole('textbox', { name: 'Email' }).fill(email);
  await page.getByLabel('Name').fill('Someone Else');
  await page.getByLabel('Role').selectOption('ANALYST');
  await page.getByLabel('Password').fill('Another-Quiet-Meadow-4');
  await page.getByRole('button', { name: 'Create the account' }).click();
  await expect(page.getByText('An account with this email already exists.')).toBeVisible();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit trail' }).click();
  await page.getByLabel('Record').selectOption('User');
  await expect(page).toHaveURL(/\/audit\?entityType=User$/);
  const entry = page.getByTestId('audit-row').filter({ hasText: 'Created an account' }).filter({ hasText: 'Saran' }).first();
  await expect(entry).toBeVisible();
  await expect(entry).toContainText(DEMO.admin.email);
  await expect(entry).toContainText(email);
  await expect(entry).toContainText('District coordinator');
  // The password itself never appears in the trail.
  await expect(entry).not.toContainText('Saran-Steppe-Lantern-26');

  // The filtered view is a link that can be shared: it opens the same way.
  await page.reload();
  await expect(page.getByLabel('Record')).toHaveValue('User');
  await expect(page.getByTestId('audit-row').filter({ hasText: 'Created an account' }).filter({ hasText: email })).toHaveCount(1);
});

/** Calls the API as the demo administrator, outside any browser page. */
async function asAdmin(request: APIRequestContext, query: string, variables: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  const login = await request.post('/graphql', {
    data: {
      query: 'mutation($input: LoginInput!) { login(input: $input) { accessToken } }',
      variables: { input: { email: DEMO.admin.email, password: DEMO.admin.password } },
    },
  });
  const token = ((await login.json()) as { data: { login: { accessToken: string } } }).data.login.accessToken;
  const response = await request.post('/graphql', { data: { query, variables }, headers: { Authorization: `Bearer ${token}` } });
  const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown };
  expect(body.errors).toBeUndefined();
  return body.data ?? {};
}

test('a deactivated user is signed out at their next step', async ({ page, request }) => {
  const account = { email: 'shet@mrc.demo', password: 'Shet-Valley-Compass-31', role: 'Analyst' } as const;
  const created = await asAdmin(
    request,
    'mutation($input: CreateUserInput!) { createUser(input: $input) { user { id } } }',
    { input: { email: account.email, displayName: 'Marat Zhunusov', role: 'ANALYST', preferredLanguage: 'EN', password: account.password } },
  );
  const id = (created['createUser'] as { user: { id: string } }).user.id;
  await signIn(page, account, { path: '/centres' });
  await expect(page.getByTestId('centre-row')).toHaveCount(14);

  await asAdmin(request, 'mutation($input: UserIdInput!) { deactivateUser(input: $input) { user { active } } }', { input: { id } });
  // The next step that asks the API (the centres are cached; the account page is not).
  await page.getByRole('link', { name: 'My account' }).click();

  // The token is refused, the refresh too: the sign-in page says why, and would bring them back.
  await expect(page.getByTestId('sign-in-notice')).toHaveText('Your session has ended. Sign in again to go on where you were.');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Faccount$/);
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('The email or password is wrong.');
});
