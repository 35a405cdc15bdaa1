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

test('the KMS request rate starts at 15 and a new one survives a reload', async ({ page, settings }) => {
  await settings.open();
  await expect(settings.kmsRate).toHaveValue('15');
  await expect(settings.kmsRate).toHaveAccessibleDescription(/at most 20/);

  await settings.save({ kmsRate: '8' });
  await expect(settings.status).toContainText('Settings saved.');
  expect(JSON.parse((await settings.stored()) ?? 'null')).toEqual({ kms_requests_per_second: 8 });

  await page.reload();
  await expect(settings.kmsRate).toHaveValue('8');
});

test('a KMS request rate outside 1 to 20, or not a number, is refused and nothing is stored', async ({ page, settings }) => {
  await settings.open();
  // Each message differs from the one before, so every check waits for its own save.
  for (const [typed, message] of [
    ['0', 'Enter a number from 1 to 20.'],
    ['abc', 'Enter a whole number.'],
    ['21', 'Enter a number from 1 to 20.'],
  ] as const) {
    await settings.save({ kmsRate: typed });
    await expect(settings.kmsRateError).toHaveText(message);
    await expect(settings.refusal).toContainText('Settings not saved');
    await expect(settings.kmsRate).toHaveAttribute('aria-invalid', 'true');
    // The error is read out with the field, after its hint.
    await expect(settings.kmsRate).toHaveAccessibleDescription(/at most 20.*Enter a/);
    expect(await settings.stored()).toBeNull();
  }

  await page.reload();
  await expect(settings.kmsRate).toHaveValue('15');
});
