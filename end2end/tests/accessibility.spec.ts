import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from '../fixtures/test';

/** axe-core's serious and critical findings on the page as it is now (WCAG 2.1 A and AA). */
async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

test('Connect and Settings pass axe in both languages', async ({ page, app, connect, settings }) => {
  await connect.open();
  expect(await seriousViolations(page)).toEqual([]);
  await app.navigateTo('Settings');
  await expect(settings.proxyUrl).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await app.chooseLanguage('zh-CN');
  await expect(settings.proxyUrlIn('zh-CN')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('the access-key table and its dialogs pass axe', async ({ page, connect, credentials, demo }) => {
  await connect.signInAsAdmin();
  await credentials.loaded(demo.keys.length);
  expect(await seriousViolations(page)).toEqual([]);
  const dialog = await credentials.openDeleteDialog(demo.admin.ak);
  await expect(dialog.root).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('a person can sign in with the keyboard alone', async ({ page, connect, demo }) => {
  await connect.open();
  await connect.accessKeyMethod.focus();
  await page.keyboard.press('Tab');
  await expect(connect.accessKeyId).toBeFocused();
  await page.keyboard.type(demo.admin.ak);
  await page.keyboard.press('Tab');
  await expect(connect.secretAccessKey).toBeFocused();
  await page.keyboard.type(demo.admin.sk);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/credentials/);
});
