import { test, expect } from '../fixtures/test';
import { SettingsPage } from '../pages/settings';

test('a saved setting survives a reload', async ({ page, stack }) => {
  const settings = new SettingsPage(page);
  await settings.open(stack.url);
  await expect(settings.proxyUrl).toHaveValue(stack.proxyUrl);

  await settings.proxyUrl.fill('https://proxy.example.com');
  await settings.save.click();
  await expect(settings.status).toContainText('Settings saved.');

  await page.reload();
  await expect(settings.proxyUrl).toHaveValue('https://proxy.example.com');
});

test('an invalid proxy URL is refused and nothing is stored', async ({ page, stack }) => {
  const settings = new SettingsPage(page);
  await settings.open(stack.url);
  await settings.proxyUrl.fill('not a url');
  await settings.save.click();
  await expect(page.locator('#settings-proxy-url-error')).toContainText('Enter a full URL');
  await expect(settings.proxyUrl).toHaveAttribute('aria-invalid', 'true');
  expect(await page.evaluate(() => localStorage.getItem('keyturn.settings'))).toBeNull();

  await page.reload();
  await expect(settings.proxyUrl).toHaveValue(stack.proxyUrl);
});

test('switching to 简体中文 translates the page and is remembered', async ({ page, stack }) => {
  const settings = new SettingsPage(page);
  await settings.open(stack.url);
  await settings.language.selectOption('zh-CN');
  await expect(page.getByLabel('代理 URL')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');

  await page.reload();
  await expect(page.getByLabel('代理 URL')).toBeVisible();

  // The switcher keeps the name "Language" in every language, so it can always be found.
  await settings.language.selectOption('en');
  await expect(page.getByLabel('Proxy URL')).toBeVisible();
});
