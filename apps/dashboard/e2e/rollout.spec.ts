import { expect, test, type APIRequestContext } from '@playwright/test';
import { DEMO, failOnPageProblems, signIn } from './support.js';

failOnPageProblems();
test.setTimeout(90_000);

interface Item {
  id: string;
  status: string;
  gates: string[];
  late: boolean;
  version: number;
  centre: { id: string; name: string };
  clubType: { name: string };
}

/** A GraphQL request straight to the API, as another dashboard (or a script) would send it. */
async function graphql<T>(request: APIRequestContext, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
  const response = await request.post('/graphql', {
    data: { query, variables },
    headers: { 'accept-language': 'en', ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });
  expect(response.ok(), await response.text()).toBe(true);
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return body.data!;
}

async function signInOverHttp(request: APIRequestContext, account: { email: string; password: string }) {
  const { login } = await graphql<{ login: { accessToken: string; user: { centre: { id: string } | null } } }>(
    request,
    'mutation ($input: LoginInput!) { login(input: $input) { accessToken user { centre { id } } } }',
    { input: { email: account.email, password: account.password } },
  );
  return login;
}

const ITEM_FIELDS = 'id status gates late version centre { id name } clubType { name }';

test("the matrix follows a change made elsewhere, without reloading: Temirtau's coordinator launches a late club", async ({ page, request }) => {
  await signIn(page, DEMO.admin, { path: '/rollout' });
  await expect(page.getByRole('heading', { level: 1, name: 'Rollout of clubs to the districts' })).toBeVisible();
  await expect(page.getByTestId('rollout-matrix')).toBeVisible();
  // The socket is open: changes from now on arrive by themselves.
  await expect(page.getByTestId('live-status')).toHaveAttribute('data-state', 'live');

  // Elsewhere: Temirtau's coordinator, over plain HTTP, picks one of their clubs that is late.
  const coordinator = await signInOverHttp(request, DEMO.temirtau);
  const temirtauId = coordinator.user.centre!.id;
  const { rolloutItems } = await graphql<{ rolloutItems: { nodes: Item[] } }>(
    request,
    `query ($centreId: ID!) { rolloutItems(first: 100, filter: { centreId: $centreId }) { nodes { ${ITEM_FIELDS} } } }`,
    { centreId: temirtauId },
    coordinator.accessToken,
  );
  const late = rolloutItems.nodes.find((item) => item.status === 'PREPARING' && item.late && item.gates.length < 4);
  expect(late, 'the seed has a late Temirtau item still being prepared').toBeDefined();

  const cell = page.locator(`[data-testid="matrix-cell"][data-item-id="${late!.id}"]`);
  await expect(cell).toHaveAttribute('data-status', 'PREPARING');
  await expect(cell).toHaveAttribute('data-late', 'true');
  await expect(cell).toContainText('late');
  const lateHeading = page.getByRole('heading', { name: /^\d+ late items?$/ });
  const lateBefore = Number((await lateHeading.textContent())!.split(' ')[0]);

  // Anything that reloads the page or navigates would lose this mark.
  await page.evaluate(() => Object.assign(window, { rolloutMark: 'still the same page' }));
  const navigations: string[] = [];
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) navigations.push(frame.url());
  });

  // Every gate met…
  const { updateRolloutItem } = await graphql<{ updateRolloutItem: { rolloutItem: Item } }>(
    request,
    `mutation ($input: UpdateRolloutItemInput!) { updateRolloutItem(input: $input) { rolloutItem { ${ITEM_FIELDS} } } }`,
    { input: { id: late!.id, version: late!.version, gates: ['SPACE_READY', 'LEADER_ASSIGNED', 'EQUIPMENT_IN_PLACE', 'FIRST_MEETING_HELD'] } },
    coordinator.accessToken,
  );
  await expect(cell).toHaveAttribute('data-gates', '4');
  await expect(cell.getByRole('link')).toHaveAccessibleName(`Temirtau, ${late!.clubType.name}: Preparing, 4 of 4 gates met, late`);

  // …and the club launches.
  await graphql(
    request,
    'mutation ($input: AdvanceRolloutInput!) { advanceRollout(input: $input) { rolloutItem { id status } } }',
    { input: { id: late!.id, version: updateRolloutItem.rolloutItem.version, action: 'LAUNCH' } },
    coordinator.accessToken,
  );
  await expect(cell).toHaveAttribute('data-status', 'LAUNCHED');
  await expect(cell).toContainText('Launched');
  await expect(cell).toHaveAttribute('data-late', 'false');
  await expect(cell).not.toContainText('late');
  await expect(page.getByRole('heading', { name: new RegExp(`^${lateBefore - 1} late items?$`) })).toBeVisible();

  // The same page all along.
  expect(await page.evaluate(() => (window as unknown as { rolloutMark?: string }).rolloutMark)).toBe('still the same page');
  expect(navigations).toEqual([]);
});
