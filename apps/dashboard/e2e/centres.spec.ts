import { expect, test } from '@playwright/test';
import { DEMO, failOnPageProblems } from './support.js';

failOnPageProblems();

test('lists the regional centre and its 14 district centres, and remembers Kazakh', async ({ page }) => {
  await page.goto('/centres');

  // Nobody is signed in yet: the sign-in page, in the browser's language (locale en-US, nothing remembered).
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fcentres$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByLabel('Email').fill(DEMO.analyst.email);
  await page.getByLabel('Password').fill(DEMO.analyst.password);
  await page.getByRole('button', { name: 'Sign in' }).click();

  // Back where the person was going; the analyst's own language is English.
  await expect(page).toHaveURL(/\/centres$/);
  await expect(page.getByTestId('regional-centre')).toBeVisible();
  await expect(page.getByTestId('centre-row')).toHaveCount(14);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('centre-row').filter({ hasText: 'Теміртау' })).toHaveCount(0);

  await page.getByLabel('Language').selectOption('kk');

  await expect(page.locator('html')).toHaveAttribute('lang', 'kk');
  await expect(page.getByRole('link', { name: 'Желі', exact: true })).toBeVisible();
  // Russian writes Темиртау; the Kazakh name has і.
  await expect(page.getByTestId('centre-row').filter({ hasText: 'Теміртау' })).toHaveCount(1);
  await expect(page.getByTestId('centre-row')).toHaveCount(14);

  await page.reload();

  await expect(page.locator('html')).toHaveAttribute('lang', 'kk');
  await expect(page.getByLabel('Тіл')).toHaveValue('kk');
  await expect(page.getByTestId('centre-row').filter({ hasText: 'Теміртау' })).toHaveCount(1);
  await expect(page.getByTestId('centre-row')).toHaveCount(14);
});
