import AxeBuilder from '@axe-core/playwright';
import { Page } from '@playwright/test';
import { test, expect } from '../fixtures/test';
import { ConnectPage } from '../pages/connect';
import { CredentialsPage } from '../pages/credentials';

/** axe-core's serious and critical findings on the page as it is now (WCAG 2.1 A and AA). */
async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

test('Connect and Settings pass axe in both languages', async ({ page, stack }) => {
  const connect = new ConnectPage(page);
  await connect.open(stack.url);
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByLabel('Proxy URL')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByLabel('Language').selectOption('zh-CN');
  await expect(page.getByLabel('代理 URL')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('the access-key table and its dialogs pass axe', async ({ page, stack }) => {
  await new ConnectPage(page).signInAsAdmin(stack.url, stack.account);
  const table = new CredentialsPage(page);
  await table.loaded(12);
  expect(await seriousViolations(page)).toEqual([]);
  await table.button(`Delete ${stack.account.admin.ak}`).click();
  await expect(table.dialog('Delete access key')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('a person can sign in with the keyboard alone', async ({ page, stack }) => {
  await new ConnectPage(page).open(stack.url);
  await page.getByRole('radio', { name: 'Access key (AK/SK)' }).focus();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Access key ID (AK)')).toBeFocused();
  await page.keyboard.type(stack.account.admin.ak);
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Secret access key (SK)')).toBeFocused();
  await page.keyboard.type(stack.account.admin.sk);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/credentials/);
});
