import { test, expect } from '../fixtures/test';
import { KmsAccount, settingOf, type BulkOutcome } from '../fixtures/kms';
import { rotationText, skipText, type KmsBulkDialog } from '../pages/kms';

/** The preview shows every planned key's rotation now → after and its writes, and every other key with why. */
async function expectPreview(bulk: KmsBulkDialog, outcomes: BulkOutcome[]) {
  const planned = outcomes.flatMap((o) => (o.planned ? [o] : []));
  const skipped = outcomes.flatMap((o) => (o.planned ? [] : [o]));
  await expect(bulk.applyButton).toHaveText(`Apply to ${planned.length} keys`);
  const byId = <T extends { keyId: string }>(rows: T[]) => [...rows].sort((a, b) => a.keyId.localeCompare(b.keyId));
  expect(byId(await bulk.plan())).toEqual(
    byId(planned.map((o) => ({ keyId: o.key.id, current: rotationText(o.key.rotation), new: rotationText(o.after), writes: o.writes }))),
  );
  expect(byId(await bulk.leftAlone())).toEqual(
    byId(skipped.map((o) => ({ keyId: o.key.id, text: `${o.key.alias}: ${skipText(o.skipped)}` }))),
  );
}

test.describe('200 generated keys', () => {
  // KMS's documented limit of 20 calls a second per user is enforced: the console must keep under it.
  test.use({ stackOptions: { emulatorArgs: ['--kms-keys', '200', '--kms-rate-limit', '20'] } });

  test('rotation turned on at 90 days for every generated key: preview, apply, every key done in KMS', async ({
    connect, kms, kmsAccount, emulator, stack,
  }) => {
    test.setTimeout(300_000);
    const generated = kmsAccount.generated;
    expect(generated).toHaveLength(200);
    const outcomes = KmsAccount.turnOn(generated, 90);
    const planned = outcomes.flatMap((o) => (o.planned ? [o] : []));

    await connect.signInAsAdmin();
    await kms.open();
    await kms.loaded(kmsAccount.inRegion(stack.account.region).length, 120_000);
    await kms.search('gen/');
    await expect(kms.selectAllShown).toHaveAccessibleName('Select all 200 keys shown');
    await kms.selectEveryKeyShown();
    await expect(kms.selected(200)).toBeVisible();

    const bulk = await kms.openBulkDialog();
    await bulk.choose('on', 90);
    await expectPreview(bulk, outcomes);

    await bulk.apply();
    await expect(bulk.progress).toBeVisible();
    await expect(bulk.resultRows).toHaveCount(planned.length);
    await bulk.finished(240_000);
    await expect(bulk.withResult('done')).toHaveCount(planned.length);
    await expect(bulk.withResult('failed')).toHaveCount(0);
    await expect(bulk.retryFailedButton).toHaveCount(0);
    await expect(bulk.progress).toHaveAttribute('value', String(planned.length));

    const after = await emulator.kmsKeysById(generated.map((k) => k.id));
    for (const outcome of outcomes) {
      const rotation = settingOf(after.get(outcome.key.id)!);
      if (outcome.planned) expect(rotation, outcome.key.alias).toEqual(outcome.after);
      else expect(rotation, `${outcome.key.alias} is untouched`).toEqual(outcome.key.rotation);
    }
    await bulk.close();
    const now = await KmsAccount.load(emulator);
    await expect.poll(() => kms.counts()).toEqual(KmsAccount.counts(now.inRegion(stack.account.region)));

    const calls = await kms.calls.settled();
    expect(calls.filter((c) => c.status === 429), 'no call over KMS’s rate limit').toEqual([]);
    expect(calls.filter((c) => c.errorCode?.startsWith('KMS.')), 'no write KMS refuses').toEqual([]);
  });
});

test('keys that cannot rotate, or rotate as asked already, are left alone and said why', async ({
  connect, kms, kmsAccount, emulator, stack,
}) => {
  const keys = kmsAccount.inRegion(stack.account.region);
  const outcomes = KmsAccount.turnOn(keys, 90);
  expect(outcomes.some((o) => !o.planned && o.skipped !== 'nothing-to-change'), 'the demo has keys that cannot rotate').toBe(true);

  await connect.signInAsAdmin();
  await kms.open();
  await kms.loaded(keys.length);
  await kms.selectEveryKeyShown();
  await expect(kms.selected(keys.length)).toBeVisible();
  const bulk = await kms.openBulkDialog();
  await bulk.choose('on', 90);
  await expectPreview(bulk, outcomes);

  await bulk.apply();
  await bulk.finished(60_000);
  await expect(bulk.withResult('done')).toHaveCount(outcomes.filter((o) => o.planned).length);
  const after = await emulator.kmsKeysById(keys.map((k) => k.id));
  for (const outcome of outcomes) {
    const rotation = settingOf(after.get(outcome.key.id)!);
    if (outcome.planned) expect(rotation, outcome.key.alias).toEqual(outcome.after);
    else expect(rotation, `${outcome.key.alias} is untouched`).toEqual(outcome.key.rotation);
  }
  const skippedIds = new Set(outcomes.filter((o) => !o.planned).map((o) => o.key.id));
  expect(kms.calls.writes().filter((c) => skippedIds.has(c.keyId ?? '')), 'nothing sent for a key left alone').toEqual([]);
});

test('every selected key is in the preview, also one a later filter hides', async ({ connect, kms, kmsAccount, stack }) => {
  const rotating = kmsAccount.key('rotating');
  const off = kmsAccount.key('never-rotated');
  await connect.signInAsAdmin();
  await kms.open();
  await kms.loaded(kmsAccount.inRegion(stack.account.region).length);
  await kms.select(rotating.alias);
  await kms.select(off.alias);
  await kms.filterByRotation('off');
  await expect(kms.row(rotating.alias), 'the filter hides a selected key').toHaveCount(0);
  await expect(kms.selected(2), 'it stays selected').toBeVisible();

  const bulk = await kms.openBulkDialog();
  await expect(bulk.root).toHaveAccessibleName('Change the rotation of 2 keys');
  await bulk.choose('on', 90);
  // The dialog changes "2 keys": each is either changed or left alone with why, never dropped unsaid.
  await expect(bulk.plannedRow(off.id)).toBeVisible();
  await expect(bulk.plannedRow(rotating.id).or(bulk.skippedKey(rotating.id))).toBeVisible();
});
