import { expect, test } from '@playwright/test';

const pageProblems = new WeakMap<object, string[]>();

test.beforeEach(({ baseURL, page }) => {
  expect(baseURL, 'global-setup.ts sets E2E_BASE_URL to the API it started').toBeTruthy();
  // A page can look right while throwing or logging errors (a failed request, a React warning).
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

test('lists the regional centre and its 14 district centres, and remembers Kazakh', async ({ page }) => {
  await page.goto('/centres');

  await expect(page.getByTestId('regional-centre')).toBeVisible();
  await expect(page.getByTestId('centre-row')).toHaveCount(14);
  // The browser asks for English (locale en-US) and nothing is remembered yet.
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('centre-row').filter({ hasText: 'Теміртау' })).toHaveCount(0);

  await page.getByLabel('Language').selectOption('kk');

  await expect(page.locator('html')).toHaveAttribute('lang', 'kk');
  await expect(page.getByRole('link', { name: 'Орталықтар' })).toBeVisible();
  // Russian writes Темиртау; the Kazakh name has і.
  await expect(page.getByTestId('centre-row').filter({ hasText: 'Теміртау' })).toHaveCount(1);
  await expect(page.getByTestId('centre-row')).toHaveCount(14);

  await page.reload();

  await expect(page.locator('html')).toHaveAttribute('lang', 'kk');
  await expect(page.getByLabel('Тіл')).toHaveValue('kk');
  await expect(page.getByTestId('centre-row').filter({ hasText: 'Теміртау' })).toHaveCount(1);
  await expect(page.getByTestId('centre-row')).toHaveCount(14);
});
