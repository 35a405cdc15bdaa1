import { test, expect } from '../fixtures/test';

test('a saved setting survives a reload', async ({ page, stack, settings }) => {
  await settings.open();
  await expect(settings.proxyUrl).toHaveValue(stack.proxyUrl);

  await settings.save({ proxyUrl: 'https://proxy.example.com' });
  await expect(settings.status).toContainText('Settings saved.');

  await page.reload();
  await expect(settings.proxyUrl).toHaveValue('https://proxy.example.com');
});

test('an invalid proxy URL is refused and nothing is stored', async ({ page, stack, settings }) => {
  await settings.open();
  await settings.save({ proxyUrl: 'not a url' });
  await expect(settings.proxyUrlError).toContainText('Enter a full URL');
  await expect(settings.proxyUrl).toHaveAttribute('aria-invalid', 'true');
  await expect(settings.proxyUrl).toHaveAccessibleDescription(/Enter a full URL/);
  expect(await settings.stored()).toBeNull();

  await page.reload();
  await expect(settings.proxyUrl).toHaveValue(stack.proxyUrl);
});
