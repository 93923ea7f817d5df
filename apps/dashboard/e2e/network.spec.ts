import { expect, test, type Page } from '@playwright/test';
import { DEMO, failOnPageProblems, signIn } from './support.js';

failOnPageProblems();

// The second test reads what the first one made; the run's database is shared by every spec file.
// Debate at Balkhash: a type Balkhash does not run in the seed (dombra, singing), and no other spec
// starts clubs there. centres.spec.ts and access.spec.ts only read the network.
test.describe.configure({ mode: 'serial' });

const CLUB_TYPE = 'Debate';

/** The day before today (UTC), as a date field takes it: a first meeting that is surely not in the future. */
function yesterday(): string {
  return new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
}

/** How many open clubs the map says Balkhash has, from its marker's accessible name. */
async function balkhashClubsOnMap(page: Page): Promise<number> {
  const marker = page.getByTestId('network-map').getByRole('link', { name: /^Balkhash\. City\./ });
  await expect(marker).toBeVisible();
  const name = (await marker.getAttribute('aria-label')) ?? '';
  const match = /(\d+) clubs?/.exec(name);
  expect(match, `club count in "${name}"`).not.toBeNull();
  return Number(match?.[1]);
}

test('an administrator starts a club at Balkhash, and sees it on the centre page and the map', async ({ page }) => {
  await signIn(page, DEMO.admin, { path: '/centres?view=map' });
  await expect(page).toHaveURL(/\/centres\?view=map$/);
  const before = await balkhashClubsOnMap(page);

  // The marker is a link reached with the keyboard.
  await page.getByTestId('network-map').getByRole('link', { name: /^Balkhash\. City\./ }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Balkhash' })).toBeVisible();
  const clubs = page.getByRole('region', { name: 'Clubs' });
  await expect(clubs.getByTestId('club-row').filter({ hasText: CLUB_TYPE })).toHaveCount(0);

  await page.getByRole('link', { name: 'Start a club' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New club' })).toBeVisible();
  // Dombra runs at Balkhash already: the form says so rather than let the API refuse it.
  await expect(page.getByRole('option', { name: 'Dombra (already runs here)' })).toBeDisabled();
  await page.getByLabel('Club type').selectOption({ label: CLUB_TYPE });
  await page.getByLabel('Status').selectOption({ label: 'Active' });
  // Before Balkhash opened (2020-02-10): the API refuses, and says so at the field.
  await page.getByLabel('First meeting').fill('2019-09-01');
  await page.getByLabel('Leader').fill('Nurlan Abenov');
  await page.getByRole('group', { name: 'Schedule' }).getByLabel('English').fill('Thu 18:00–19:30');
  await page.getByRole('group', { name: 'Schedule' }).getByLabel('Қазақша').fill('Бейсенбі 18:00–19:30');
  await page.getByRole('button', { name: 'Start the club' }).click();

  await expect(page.getByRole('alert')).toContainText('The club could not be started.');
  await expect(page.getByLabel('First meeting')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText(/^Must not be before the centre opened/)).toBeVisible();

  await page.getByLabel('First meeting').fill(yesterday());
  await page.getByRole('button', { name: 'Start the club' }).click();

  await expect(page.getByRole('status').filter({ hasText: `The club “${CLUB_TYPE}” was started.` })).toBeVisible();
  await expect(page).toHaveURL(/\/centres\/[^/]+$/);
  const row = page.getByRole('region', { name: 'Clubs' }).getByTestId('club-row').filter({ hasText: CLUB_TYPE });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Active');
  await expect(row).toContainText('Nurlan Abenov');
  await expect(row).toContainText('Thu 18:00–19:30');

  // The network page counts the new club: on the map and in the list.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Network', exact: true }).click();
  await page.getByRole('button', { name: 'Map' }).click();
  await expect(page).toHaveURL(/\/centres\?view=map$/);
  expect(await balkhashClubsOnMap(page)).toBe(before + 1);
  await page.getByRole('button', { name: 'List' }).click();
  await expect(page.getByTestId('centre-row').filter({ hasText: 'Balkhash' }).getByTestId('open-clubs')).toHaveText(String(before + 1));
});

test("the Temirtau coordinator sees Balkhash's new club without edit controls, and has them at Temirtau", async ({ page }) => {
  await signIn(page, DEMO.temirtau, { path: '/centres?q=Balkhash' });
  await expect(page.getByTestId('centre-row')).toHaveCount(1);
  await page.getByTestId('centre-row').getByRole('link', { name: 'Balkhash' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Balkhash' })).toBeVisible();
  const balkhashClubs = page.getByRole('region', { name: 'Clubs' });
  await expect(balkhashClubs.getByTestId('club-row').filter({ hasText: CLUB_TYPE })).toHaveCount(1);
  await expect(page.getByRole('link', { name: 'Start a club' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: /^Edit/ })).toHaveCount(0);
  await expect(page.getByRole('link', { name: /^Add/ })).toHaveCount(0);

  // A direct address is answered with "not allowed", and the API would refuse anyway.
  const balkhashUrl = page.url();
  await page.goto(`${balkhashUrl}/clubs/new`);
  await expect(page.getByTestId('not-allowed')).toBeVisible();

  await page.goto('/centres?q=Temirtau');
  await page.getByTestId('centre-row').getByRole('link', { name: 'Temirtau' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Temirtau' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Start a club' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Edit Dombra' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Edit the contacts' })).toBeVisible();
});
