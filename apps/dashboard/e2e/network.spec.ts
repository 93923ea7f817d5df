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

/**
 * The access token of the page's session, as the app itself sends it: the app keeps it in memory
 * only, so it is read off the app's own requests to the API.
 */
function watchAccessToken(page: Page): () => string {
  let token = '';
  page.on('request', (request) => {
    if (!request.url().endsWith('/graphql')) return;
    void request.headerValue('authorization').then((header) => {
      if (header?.startsWith('Bearer ')) token = header.slice('Bearer '.length);
    });
  });
  return () => {
    expect(token, 'the app sent its bearer token').not.toBe('');
    return token;
  };
}

interface GraphqlAnswer<Data> {
  status: number;
  body: { data?: Data | null; errors?: { message: string; extensions?: { code?: string } }[] };
}

/** A GraphQL request sent from the page, as a script in this browser session could send it. */
async function sendFromPage<Data>(page: Page, token: string, query: string, variables: Record<string, unknown>): Promise<GraphqlAnswer<Data>> {
  return page.evaluate(
    async ({ query, variables, token }) => {
      const response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, body: (await response.json()) as GraphqlAnswer<Data>['body'] };
    },
    { query, variables, token },
  );
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
  const accessToken = watchAccessToken(page);
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
  const balkhashId = decodeURIComponent(new URL(balkhashUrl).pathname.split('/').pop() ?? '');
  await page.goto(`${balkhashUrl}/clubs/new`);
  await expect(page.getByTestId('not-allowed')).toBeVisible();

  // The club's own page, reached by its address, has nothing to change or close it with.
  const CLUBS = `query($id: ID!) { centre(id: $id) { clubs { id leaderName type { name(lang: EN) } } } }`;
  type Clubs = { centre: { clubs: { id: string; leaderName: string | null; type: { name: string } }[] } };
  const listed = await sendFromPage<Clubs>(page, accessToken(), CLUBS, { id: balkhashId });
  const club = listed.body.data?.centre.clubs.find((candidate) => candidate.type.name === CLUB_TYPE);
  expect(club, `the ${CLUB_TYPE} club at Balkhash`).toBeDefined();
  await page.goto(`${balkhashUrl}/clubs/${encodeURIComponent(club!.id)}`);
  const main = page.getByRole('main');
  await expect(main.getByTestId('not-allowed')).toBeVisible();
  await expect(main.getByRole('button')).toHaveCount(0);
  await expect(main.getByRole('textbox')).toHaveCount(0);
  await expect(main.getByRole('combobox')).toHaveCount(0);
  await expect(page.getByText('Close the club')).toHaveCount(0);

  // Sent from this session anyway, the change is refused by the API, and nothing changes.
  const update = await sendFromPage<{ updateClub: unknown }>(page, accessToken(), `mutation($input: UpdateClubInput!) { updateClub(input: $input) { club { id leaderName } } }`, {
    input: { id: club!.id, leaderName: 'Someone from Temirtau' },
  });
  expect(update.status).toBe(200);
  expect(update.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  expect(update.body.data?.updateClub ?? null).toBeNull();
  const after = await sendFromPage<Clubs>(page, accessToken(), CLUBS, { id: balkhashId });
  expect(after.body.data?.centre.clubs.find((candidate) => candidate.id === club!.id)?.leaderName).toBe('Nurlan Abenov');

  await page.goto('/centres?q=Temirtau');
  await page.getByTestId('centre-row').getByRole('link', { name: 'Temirtau' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Temirtau' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Start a club' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Edit Dombra' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Edit the contacts' })).toBeVisible();
});
