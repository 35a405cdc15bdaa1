import { test, expect } from '../fixtures/test';

test('enabling rotation at 180 days sends the enable, then the interval, and KMS rotates every 180 days', async ({
  connect, kms, kmsAccount, emulator, stack,
}) => {
  const key = kmsAccount.key('never-rotated');
  expect(key.rotation.enabled, 'a key whose rotation is off').toBe(false);

  await connect.signInAsAdmin();
  await kms.open();
  await kms.loaded(kmsAccount.inRegion(stack.account.region).length);
  const dialog = await kms.openEnableDialog(key.alias);
  await expect(dialog.interval, 'KMS enables at 365 days').toHaveValue('365');
  await dialog.submit('180');
  await expect(kms.notice(`Rotation of ${key.alias} enabled, every 180 days.`)).toBeVisible();
  await expect(dialog.root).toHaveCount(0);

  await kms.calls.settled();
  expect(kms.calls.writes().map(({ operation, keyId, interval, status }) => ({ operation, keyId, interval, status }))).toEqual([
    { operation: 'enable-key-rotation', keyId: key.id, interval: undefined, status: 200 },
    { operation: 'update-key-rotation-interval', keyId: key.id, interval: 180, status: 200 },
  ]);
  expect((await emulator.kmsKey(key.id)).rotation).toMatchObject({ enabled: true, interval_days: 180 });
  await expect(kms.cell(key.alias, 'rotation')).toHaveText(kms.rotationLabel(true));
  await expect(kms.cell(key.alias, 'interval')).toHaveText('180');
  await expect(kms.changeIntervalButton(key.alias)).toBeVisible();
  await expect(kms.enableButton(key.alias)).toHaveCount(0);
});

test('enabling rotation at 365 days sends the enable alone', async ({ connect, kms, kmsAccount, emulator, stack }) => {
  const key = kmsAccount.key('fresh');
  expect(key.rotation.enabled, 'a key whose rotation is off').toBe(false);

  await connect.signInAsAdmin();
  await kms.open();
  await kms.loaded(kmsAccount.inRegion(stack.account.region).length);
  await kms.enableRotation(key.alias, 365);

  await kms.calls.settled();
  expect(kms.calls.writes().map(({ operation, keyId, status }) => ({ operation, keyId, status }))).toEqual([
    { operation: 'enable-key-rotation', keyId: key.id, status: 200 },
  ]);
  expect((await emulator.kmsKey(key.id)).rotation).toMatchObject({ enabled: true, interval_days: 365 });
  await expect(kms.cell(key.alias, 'interval')).toHaveText('365');
});
