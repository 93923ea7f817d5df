import { expect, test } from '@playwright/test';
import { DEMO, failOnPageProblems, signIn } from './support.js';

failOnPageProblems();

test('an administrator adds a program for ages 18–80, giving the reason it asks for; an analyst reads it without edit controls', async ({ page }) => {
  // Specs share one database: a code and name of this run's own.
  const suffix = Date.now().toString(36);
  const code = `e2e-relatives-${suffix}`;
  const name = `Relatives circle ${suffix}`;

  await signIn(page, DEMO.admin, { path: '/catalogue/programs' });
  await expect(page.getByRole('heading', { level: 2, name: 'Programs' })).toBeVisible();
  await page.getByRole('link', { name: 'New program' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New program' })).toBeVisible();

  await page.getByRole('textbox', { name: 'Name — English' }).fill(name);
  await page.getByRole('combobox', { name: 'Kind' }).selectOption('SUPPORT_GROUP');
  await page.getByRole('spinbutton', { name: 'Youngest age' }).fill('18');
  const reason = page.getByRole('group', { name: 'Why the ages reach outside the usual range' });
  await expect(reason).toHaveCount(0);
  await page.getByRole('spinbutton', { name: 'Oldest age' }).fill('80');
  await expect(reason).toBeVisible();
  await page.getByRole('checkbox', { name: 'Anonymous support group' }).check();
  await page.getByRole('spinbutton', { name: 'Length of one run, in weeks' }).fill('6');
  await page.getByRole('button', { name: 'Add a partner' }).click();
  await page.getByRole('textbox', { name: 'Partner 1 — English' }).fill('Atameken chamber of entrepreneurs');
  await page.getByRole('button', { name: 'Add a mentor' }).click();
  await page.getByRole('textbox', { name: 'Full name of mentor 1' }).fill('Saule Nurlanovna');
  await page.getByRole('textbox', { name: 'Field of mentor 1 — English' }).fill('Family psychology');
  await page.getByRole('textbox', { name: 'Code' }).fill(code);

  // Without a reason the form says what is missing, at the field, before asking the server.
  await page.getByRole('button', { name: 'Add to the catalogue' }).click();
  await expect(reason.getByText('Give the reason: ages outside 14–35 need one.')).toBeVisible();
  await expect(reason.getByRole('textbox', { name: 'Why the ages reach outside the usual range — English' })).toHaveAttribute('aria-invalid', 'true');

  await reason.getByRole('textbox', { name: 'Why the ages reach outside the usual range — English' }).fill('Relatives of young people, of any adult age');
  await page.getByRole('button', { name: 'Add to the catalogue' }).click();

  await expect(page.getByText(`The program “${name}” was added to the catalogue.`)).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  const eligibility = page.getByTestId('eligibility');
  await expect(eligibility).toContainText('Ages 18–80, outside the usual 14–35: Relatives of young people, of any adult age');
  await expect(eligibility).toContainText('An anonymous support group: members are never named, only counted.');
  await expect(page.getByRole('region', { name: 'Partners' })).toContainText('Atameken chamber of entrepreneurs');
  await expect(page.getByRole('region', { name: 'Mentors' })).toContainText('Saule Nurlanovna — Family psychology');

  // Schedule a run at Saran; with no last day the API works it out from the six weeks.
  const schedule = page.getByRole('group', { name: 'Schedule a run' });
  await schedule.getByRole('combobox', { name: 'Centre' }).selectOption({ label: 'Saran' });
  await schedule.getByLabel('First day').fill('2027-03-01');
  await expect(schedule.getByLabel('Last day (optional)')).toHaveAccessibleDescription('Leave it empty and the run ends after 6 weeks, on 11 April 2027.');
  await schedule.getByRole('button', { name: 'Schedule the run' }).click();
  await expect(schedule.getByRole('status')).toHaveText('Scheduled at Saran from 1 March 2027.');
  const saranRun = page.getByTestId('run-row').filter({ hasText: 'Saran' });
  await expect(saranRun).toContainText('1 March 2027 – 11 April 2027');
  await expect(saranRun).toContainText('Planned');

  // Listed in the catalogue, found by the filter in the shareable address.
  await page.getByRole('link', { name: '← All programs' }).click();
  await page.getByRole('combobox', { name: 'Kind' }).selectOption('SUPPORT_GROUP');
  await expect(page).toHaveURL(/\/catalogue\/programs\?kind=SUPPORT_GROUP$/);
  const row = page.getByTestId('program-row').filter({ hasText: name });
  await expect(row).toContainText('18–80 · anonymous');
  await expect(row).toContainText('6 weeks');

  // The analyst sees the same program, and nothing that would change it.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await signIn(page, DEMO.analyst, { path: '/catalogue/programs?kind=SUPPORT_GROUP' });
  await expect(page.getByRole('link', { name: 'New program' })).toHaveCount(0);
  await page.getByTestId('program-row').filter({ hasText: name }).getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByTestId('run-row').filter({ hasText: 'Saran' })).toContainText('Planned');
  await expect(page.getByRole('link', { name: 'Edit the program' })).toHaveCount(0);
  await expect(page.getByRole('main').getByRole('button')).toHaveCount(0);
  await expect(page.getByRole('group', { name: 'Schedule a run' })).toHaveCount(0);

  await page.goto(`${new URL(page.url()).pathname}/edit`);
  await expect(page.getByTestId('not-allowed')).toBeVisible();
});

test('club types: the seeded catalogue, where a type runs, and a retirement refused while its clubs are open', async ({ page }) => {
  await signIn(page, DEMO.admin, { path: '/catalogue' });
  const dombra = page.getByTestId('club-type-row').filter({ hasText: 'Dombra' });
  await expect(dombra).toHaveCount(1);
  await dombra.getByRole('link', { name: 'Dombra' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Dombra' })).toBeVisible();
  const where = page.getByRole('region', { name: 'Where it runs' });
  // The seed runs Dombra at the regional centre and six district centres.
  const clubs = where.getByTestId('club-row');
  await expect(clubs.filter({ hasText: 'Temirtau' })).toContainText('Active');
  await expect(clubs.filter({ hasText: 'Temirtau' }).getByRole('link', { name: 'Temirtau' })).toHaveAttribute('href', /^\/centres\/[^/]+$/);

  const place = page.getByRole('region', { name: 'Place in the catalogue' });
  await place.getByRole('button', { name: 'Retire the club type' }).click();
  await place.getByRole('button', { name: 'Yes, retire' }).click();
  await expect(place.getByRole('alert')).toContainText('The club type could not be retired.');
  await expect(place.getByRole('alert')).toContainText(/still open at \d+ centres?\. Close th(ose clubs|at club) first/);
  await expect(place.getByRole('button', { name: 'Retire the club type' })).toBeVisible();
});
