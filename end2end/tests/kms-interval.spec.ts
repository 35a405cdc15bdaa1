import { test, expect } from '../fixtures/test';

test('a refused interval says why and sends nothing; 90 days is saved and KMS holds it', async ({
  connect, kms, kmsAccount, emulator, stack,
}) => {
  const key = kmsAccount.key('mid-interval');
  expect(key.rotation.enabled, 'a rotating key').toBe(true);
  expect(key.rotation.days, 'whose interval is not 90 days yet').not.toBe(90);

  await connect.signInAsAdmin();
  await kms.open();
  await kms.loaded(kmsAccount.inRegion(stack.account.region).length);
  const dialog = await kms.openIntervalDialog(key.alias);
  await expect(dialog.interval).toHaveValue(String(key.rotation.days));

  // Each message differs from the one before, so every check waits for its own attempt.
  for (const [typed, message] of [
    ['29', 'The interval is at least 30 days.'],
    ['366', 'The interval is at most 365 days.'],
    ['3.5', 'Enter whole days in digits, e.g. 90.'],
    ['', 'Enter the number of days.'],
    ['90d', 'Enter whole days in digits, e.g. 90.'],
  ] as const) {
    await dialog.submit(typed);
    await expect(dialog.error, `"${typed}"`).toHaveText(message);
    await expect(dialog.interval).toHaveAttribute('aria-invalid', 'true');
    await expect(dialog.interval).toHaveAccessibleDescription(new RegExp(message.replace(/[.]/g, '\\.')));
    await expect(dialog.root, 'a refused value keeps the dialog open').toBeVisible();
  }
  await kms.calls.settled();
  expect(kms.calls.writes(), 'no refused value reached KMS').toEqual([]);

  await dialog.submit('90');
  await expect(kms.notice(`${key.alias} now rotates every 90 days.`)).toBeVisible();
  await expect(dialog.root).toHaveCount(0);
  await expect(kms.cell(key.alias, 'interval')).toHaveText('90');

  const writes = await kms.calls.settled().then(() => kms.calls.writes());
  expect(writes.map(({ operation, keyId, interval, status }) => ({ operation, keyId, interval, status }))).toEqual([
    { operation: 'update-key-rotation-interval', keyId: key.id, interval: 90, status: 200 },
  ]);
  expect((await emulator.kmsKey(key.id)).rotation).toMatchObject({ enabled: true, interval_days: 90 });
});
