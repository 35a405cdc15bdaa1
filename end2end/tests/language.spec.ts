import { test, expect } from '../fixtures/test';

test('switching to 简体中文 translates the page and is remembered', async ({ page, app, settings }) => {
  await settings.open();
  await app.chooseLanguage('zh-CN');
  await expect(settings.proxyUrlIn('zh-CN')).toBeVisible();
  await expect(app.document).toHaveAttribute('lang', 'zh-CN');

  await page.reload();
  await expect(settings.proxyUrlIn('zh-CN')).toBeVisible();

  // The switcher keeps the name "Language" in every language, so it can always be found.
  await app.chooseLanguage('en');
  await expect(settings.proxyUrlIn('en')).toBeVisible();
});
