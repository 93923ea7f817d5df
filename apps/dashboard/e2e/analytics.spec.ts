import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { DEMO, failOnPageProblems, signIn } from './support.js';

failOnPageProblems();

// One analyst's session across both pages: ask, download, take the question further, save it.
test.setTimeout(120_000);

test('an analyst asks about support groups, sees withheld cells marked in words, downloads the CSV, then runs and saves an example in the workbench', async ({ page }) => {
  await signIn(page, DEMO.analyst, { path: '/analytics' });
  await expect(page.getByRole('heading', { level: 1, name: 'Analytics' })).toBeVisible();

  await page.getByRole('link', { name: 'Support groups by quarter' }).click();
  await expect(page).toHaveURL(/[?&]metrics=SUPPORT_GROUP_MEETINGS%2CSUPPORT_GROUP_ATTENDANCE&by=CENTRE%2CQUARTER/);
  await expect(page.getByRole('link', { name: 'Support groups by quarter' })).toHaveAttribute('aria-current', 'true');
  const table = page.getByRole('table', { name: 'Support group meetings, Support group attendance (visits) by Centre, Quarter' });
  await expect(table).toBeVisible();

  // Over whole quarters the seeded groups meet often enough to be shown; one month of a quarter (two
  // months back: every seeded report of it is in) holds the few meetings that must be withheld.
  const now = new Date();
  const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 2, 1)).toISOString().slice(0, 7);
  await page.getByLabel('From', { exact: false }).fill(month);
  await page.getByLabel('To', { exact: false }).fill(month);
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page).toHaveURL(new RegExp(`from=${month}&to=${month}`));
  await expect(page.getByRole('link', { name: 'Support groups by quarter' })).toHaveAttribute('aria-current', 'true');

  // Support groups meet in small numbers: some cells are withheld, each saying so and why, in words.
  const withheld = table.getByTestId('withheld');
  await expect(withheld.first()).toBeVisible();
  await expect(withheld.first()).toHaveText(/^⊘ withheld \(a count of 1 to \d+, or one that would reveal such a count\)$/);
  await expect(page.getByTestId('threshold')).toContainText(/Counts of people from 1 to \d+ are withheld \(threshold \d+\)/);
  await expect(page.getByTestId('data-as-of')).toHaveText(/\d{1,2} [A-Z][a-z]+ \d{4}, \d{2}:\d{2}/);

  // The same table from the server as a file: UTF-8 with a byte-order mark, then the header.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^analytics.*\.csv$/);
  const bytes = await readFile((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const [header, ...lines] = bytes.subarray(3).toString('utf8').split(/\r?\n/);
  expect(header?.toLowerCase()).toContain('quarter');
  expect(header?.toLowerCase()).toMatch(/support.group.meetings/);
  expect(lines.filter((line) => line.trim() !== '').length).toBeGreaterThan(0);
  await expect(page.getByTestId('export-status')).toContainText(`Downloaded ${download.suggestedFilename()}.`);

  // Take the question further: the workbench, from the menu, with an example of the library.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Workbench' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Query workbench' })).toBeVisible();
  const example = page.getByTestId('example-list').getByRole('link', { name: /^Reports expected, received and on time, by district/ });
  await example.click();
  await expect(page).toHaveURL(/\?example=/);
  await expect(page.getByTestId('editor-heading')).toHaveText('Example: Reports expected, received and on time, by district');
  // The real editor (CodeMirror) holds the example's text.
  await expect(page.getByTestId('query-editor')).toContainText('query ReportingByDistrict');

  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const results = page.getByTestId('results-table');
  await expect(results).toBeVisible();
  await expect(results.getByRole('columnheader', { name: 'REPORTS_EXPECTED', exact: true })).toBeVisible();
  await expect(page.getByTestId('results-summary')).toContainText('from analytics.rows');
  await expect(page.getByTestId('run-errors')).toHaveCount(0);

  // Save it as one's own query and find it under "My queries".
  const title = `Reporting by district, e2e ${Date.now()}`;
  await page.getByRole('button', { name: 'Save as…' }).click();
  const form = page.getByRole('form', { name: 'Save as a new query' });
  await form.getByRole('textbox', { name: 'Title' }).fill(title);
  await form.getByRole('textbox', { name: 'Description' }).fill('Completeness per district, for the monthly review.');
  await form.getByRole('button', { name: 'Save the query' }).click();

  await expect(page.getByText(`Saved as “${title}”.`)).toBeVisible();
  await expect(page).toHaveURL(/\?saved=/);
  await expect(page.getByTestId('editor-heading')).toHaveText(title);
  await page.getByRole('button', { name: 'My queries' }).click();
  const mine = page.getByTestId('saved-list').getByRole('link', { name: new RegExp(`^${title}`) });
  await expect(mine).toBeVisible();

  // After a reload (a shared link), the saved query opens from the address.
  await page.reload();
  await expect(page.getByTestId('editor-heading')).toHaveText(title);
  await expect(page.getByTestId('query-editor')).toContainText('query ReportingByDistrict');
});
