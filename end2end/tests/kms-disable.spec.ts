import { test, expect } from '../fixtures/test';
import type { KmsKey } from '../fixtures/kms';
import type { KmsCall, KmsPage } from '../pages/kms';

/** The disables and interval changes sent for keys whose rotation was off, and KMS's `KMS.0313` refusals. */
function writesWhileOff(calls: KmsCall[], off: Set<string>): KmsCall[] {
  return calls.filter(
    (c) =>
      c.errorCode === 'KMS.0313' ||
      ((c.operation === 'disable-key-rotation' || c.operation === 'update-key-rotation-interval') && off.has(c.keyId ?? '')),
  );
}

/** A key whose rotation is off offers to enable it, and nothing else. */
async function offersOnlyEnable(kms: KmsPage, key: KmsKey) {
  await expect(kms.enableButton(key.alias)).toBeVisible();
  await expect(kms.disableButton(key.alias)).toHaveCount(0);
  await expect(kms.changeIntervalButton(key.alias)).toHaveCount(0);
}

test('turning rotation off asks first: cancel changes nothing, confirm turns it off in KMS', async ({
  connect, kms, kmsAccount, emulator, stack,
}) => {
  const keys = kmsAccount.inRegion(stack.account.region);
  const key = kmsAccount.key('rotating');
  expect(key.rotation.enabled, 'a rotating key').toBe(true);
  const offAtStart = keys.filter((k) => !k.cannotRotate && !k.rotation.enabled);

  await connect.signInAsAdmin();
  await kms.open();
  await kms.loaded(keys.length);
  for (const off of offAtStart) await offersOnlyEnable(kms, off);

  const dialog = await kms.openDisableDialog(key.alias);
  await dialog.cancel();
  await expect(dialog.root).toHaveCount(0);
  await expect(kms.cell(key.alias, 'rotation')).toHaveText(kms.rotationLabel(true));
  expect(kms.calls.writes(), 'a cancelled dialog sends nothing').toEqual([]);
  expect((await emulator.kmsKey(key.id)).rotation.enabled).toBe(true);

  await kms.disableRotation(key.alias);
  await kms.calls.settled();
  expect(kms.calls.writes().map(({ operation, keyId, status }) => ({ operation, keyId, status }))).toEqual([
    { operation: 'disable-key-rotation', keyId: key.id, status: 200 },
  ]);
  expect((await emulator.kmsKey(key.id)).rotation.enabled).toBe(false);
  await expect(kms.cell(key.alias, 'rotation')).toHaveText(kms.rotationLabel(false));
  await offersOnlyEnable(kms, key);

  // Its one disable is the only write it got; the keys off from the start got none.
  const off = new Set(offAtStart.map((k) => k.id));
  expect(writesWhileOff(await kms.calls.settled(), off), 'nothing asked of a key whose rotation is off').toEqual([]);
});

test('turning rotation off for every key sends the disable only to the keys that rotate', async ({
  connect, kms, kmsAccount, emulator, stack,
}) => {
  const keys = kmsAccount.inRegion(stack.account.region);
  const rotating = keys.filter((k) => !k.cannotRotate && k.rotation.enabled);
  const off = new Set(keys.filter((k) => !k.cannotRotate && !k.rotation.enabled).map((k) => k.id));
  expect(rotating.length && off.size, 'the demo has keys rotating and keys not').toBeTruthy();

  await connect.signInAsAdmin();
  await kms.open();
  await kms.loaded(keys.length);
  await kms.selectEveryKeyShown();
  await expect(kms.selected(keys.length)).toBeVisible();
  const bulk = await kms.openBulkDialog();
  await bulk.choose('off');
  expect((await bulk.plan()).map((p) => p.keyId).sort()).toEqual(rotating.map((k) => k.id).sort());
  for (const id of off) await expect(bulk.skippedKey(id)).toContainText('already as asked');
  await bulk.apply();
  await bulk.finished(60_000);
  await expect(bulk.withResult('done')).toHaveCount(rotating.length);
  await bulk.close();

  const writes = (await kms.calls.settled()).filter((c) => c.operation === 'disable-key-rotation');
  expect(writes.map((c) => c.keyId).sort()).toEqual(rotating.map((k) => k.id).sort());
  expect(writesWhileOff(kms.calls.sent, off)).toEqual([]);
  const after = await emulator.kmsKeysById(keys.map((k) => k.id));
  expect([...after.values()].filter((k) => k.rotation.enabled).map((k) => k.details.key_alias)).toEqual([]);
  for (const key of rotating) await offersOnlyEnable(kms, key);
});
