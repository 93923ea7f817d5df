import { expect, test, type Locator, type Page } from '@playwright/test';
import { DEMO, failOnPageProblems, signIn } from './support.js';

failOnPageProblems();

// One story across two people: each step must see what the step before it did.
test.describe.configure({ mode: 'serial' });
test.setTimeout(120_000);

/** The grid cell of Temirtau × the period, as the administrator sees it after loading the page afresh. */
async function temirtauCell(admin: Page, period: string): Promise<Locator> {
  await admin.goto('/reports/completeness');
  await expect(admin.getByRole('heading', { level: 1, name: 'Report completeness' })).toBeVisible();
  const row = admin.getByTestId('grid-row').filter({ has: admin.getByRole('rowheader', { name: 'Temirtau', exact: true }) });
  return row.locator(`td[data-period="${period}"]`);
}

async function expectCell(admin: Page, period: string, status: string, text: string) {
  const cell = await temirtauCell(admin, period);
  await expect(cell).toHaveAttribute('data-status', status);
  await expect(cell).toContainText(text);
  return cell;
}

/** Every line of the form (the clubs and program runs of Temirtau that met in the period). */
async function fillLines(page: Page, meetings: string, attendance: string) {
  const lines = page.getByTestId('report-line');
  for (const line of await lines.all()) {
    const boxes = line.getByRole('textbox');
    await boxes.nth(0).fill(meetings);
    await boxes.nth(1).fill(attendance);
  }
}

test('a coordinator submits, the region returns it, the coordinator resubmits, the region approves; the grid follows', async ({ page, browser, baseURL }) => {
  const adminContext = await browser.newContext({ baseURL, locale: 'en-US' });
  const admin = await adminContext.newPage();
  const adminProblems: string[] = [];
  admin.on('pageerror', (error) => adminProblems.push(`page error: ${error.message}`));
  admin.on('console', (message) => {
    if (message.type() === 'error') adminProblems.push(`console error: ${message.text()}`);
  });

  // The coordinator's periods, newest first: the latest ended period has no report yet.
  await signIn(page, DEMO.temirtau, { path: '/reports' });
  await expect(page.getByRole('heading', { level: 1, name: 'My reports' })).toBeVisible();
  const latest = page.getByTestId('my-report-row').first();
  const period = await latest.getAttribute('data-period');
  expect(period).toMatch(/^\d{4}-\d{2}$/);

  // Past its deadline (the 5th of the month after) and not received: overdue.
  await signIn(admin, DEMO.admin, { path: '/reports/completeness' });
  const before = await expectCell(admin, period!, 'OVERDUE', 'Overdue');
  await expect(before).toHaveAttribute('data-late', 'true');

  await latest.getByRole('link', { name: /^Start the report for / }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Temirtau: report for / })).toBeVisible();

  await page.getByRole('textbox', { name: 'Events held' }).fill('6');
  await page.getByRole('textbox', { name: 'Young people reached in total' }).fill('60');
  const parts: Array<[string, string]> = [
    ['14–17, Female', '10'],
    ['14–17, Male', '12'],
    ['18–24, Female', '8'],
    ['18–24, Male', '9'],
    ['25–35, Female', '11'],
    ['25–35, Male', '8'],
  ];
  for (const [name, value] of parts) await page.getByRole('textbox', { name }).fill(value);
  await expect(page.getByTestId('reach-sum')).toHaveText('Sum of the parts: 58 of 60');
  const total = page.getByRole('textbox', { name: 'Young people reached in total' });
  await expect(total).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Must equal the sum by age band and sex (58), not 60.')).toBeVisible();
  await total.fill('58');
  await expect(total).not.toHaveAttribute('aria-invalid');

  await fillLines(page, '4', '40');
  for (const name of ['Raids', 'Prevention sessions', 'Screenings', 'Online shops found', 'Online shops blocked']) {
    await page.getByRole('textbox', { name, exact: true }).fill('1');
  }
  await page.getByRole('textbox', { name: 'Highlights of the period' }).fill('A dombra evening for parents and a debate with the akimat.');
  // The draft is kept as they type.
  await expect(page.getByTestId('autosave')).toHaveText(/^Saved at \d\d:\d\d\.$/);

  await page.getByRole('button', { name: 'Submit the report' }).click();
  await expect(page.getByText('The report was submitted. The regional centre will review it.')).toBeVisible();
  await expect(page.getByTestId('report-view')).toBeVisible();

  // Received after the deadline: submitted, and marked late.
  const submitted = await expectCell(admin, period!, 'SUBMITTED', 'Submitted');
  await expect(submitted).toHaveAttribute('data-late', 'true');
  await expect(submitted).toContainText('late');

  // The administrator opens it from the grid and returns it with a comment.
  await submitted.getByRole('link').click();
  await expect(admin.getByTestId('report-view')).toBeVisible();
  await admin.getByRole('button', { name: 'Return to the centre…' }).click();
  await admin.getByRole('textbox', { name: 'Comment for the centre' }).fill('Six events but no raids reported by the police: check the prevention figures.');
  await admin.getByRole('button', { name: 'Return the report' }).click();
  await expect(admin.getByText('The report was returned to the centre with your comment.')).toBeVisible();

  await expectCell(admin, period!, 'RETURNED', 'Returned');

  // The coordinator reads the comment in their list, corrects the figure and submits again.
  await page.goto('/reports');
  const returned = page.locator(`[data-testid="my-report-row"][data-period="${period}"]`);
  await expect(returned).toContainText('Returned');
  await expect(returned).toContainText('check the prevention figures');
  await returned.getByRole('link', { name: /^Continue the report for / }).click();
  await expect(page.getByTestId('review-comment')).toContainText('check the prevention figures');
  await page.getByRole('textbox', { name: 'Raids', exact: true }).fill('2');
  await expect(page.getByTestId('autosave')).toHaveText(/^Saved at/);
  await page.getByRole('button', { name: 'Submit the report' }).click();
  await expect(page.getByText('The report was submitted. The regional centre will review it.')).toBeVisible();

  await expectCell(admin, period!, 'SUBMITTED', 'Submitted');

  // The administrator finds it in the review queue and approves it.
  await admin.goto('/reports/review');
  const queued = admin.getByTestId('queue-row').filter({ has: admin.getByRole('rowheader', { name: 'Temirtau', exact: true }) });
  await queued.getByRole('link', { name: /^Review the report of Temirtau for / }).click();
  await expect(admin.getByTestId('view-eventsHeld')).toContainText('6');
  await admin.getByRole('button', { name: 'Approve' }).click();
  await expect(admin.getByText('The report was approved.')).toBeVisible();

  const approved = await expectCell(admin, period!, 'APPROVED', 'Approved');
  await expect(approved).toContainText('late');

  expect(adminProblems).toEqual([]);
  await adminContext.close();
});
