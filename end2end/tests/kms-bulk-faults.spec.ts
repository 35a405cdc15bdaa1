import { test, expect } from '../fixtures/test';
import { KmsAccount, settingOf } from '../fixtures/kms';

// One call in five fails (500/502/504, unprocessed) and one in ten is throttled (429).
test.use({ stackOptions: { emulatorArgs: ['--kms-keys', '60', '--fail-rate', '0.2', '--throttle-rate', '0.1'] } });

test('under failures and throttling, retrying the failed keys ends where a clean run does', async ({
  connect, kms, kmsAccount, emulator, stack,
}) => {
  test.setTimeout(300_000);
  const generated = kmsAccount.generated;
  const outcomes = KmsAccount.turnOn(generated, 90);
  const planned = outcomes.flatMap((o) => (o.planned ? [o] : []));

  await connect.signInAsAdminDespiteFailures();
  await kms.open();
  await kms.loadedDespiteFailures(kmsAccount.inRegion(stack.account.region).length);
  await kms.search('gen/');
  await kms.selectEveryKeyShown();
  await expect(kms.selected(generated.length)).toBeVisible();
  const bulk = await kms.openBulkDialog();
  await bulk.choose('on', 90);
  await expect(bulk.applyButton).toHaveText(`Apply to ${planned.length} keys`);
  await bulk.apply();
  await bulk.finished(120_000);

  const retried: number[] = [];
  for (let round = 0; round < 15 && (await bulk.retryFailedButton.count()) > 0; round += 1) {
    retried.push(await bulk.retryFailed());
    await bulk.finished(120_000);
  }
  test.info().annotations.push({ type: 'retried', description: retried.join(', ') });
  expect(retried.length, 'the first run had failures to retry').toBeGreaterThan(0);
  await expect(bulk.withResult('failed'), `no key still failing after retrying ${retried.join(', ')}`).toHaveCount(0);
  await expect(bulk.retryFailedButton).toHaveCount(0);

  // The same end as without faults: every key that can rotate rotates every 90 days, the rest untouched.
  const after = await emulator.kmsKeysById(generated.map((k) => k.id));
  for (const outcome of outcomes) {
    const rotation = settingOf(after.get(outcome.key.id)!);
    if (outcome.planned) expect(rotation, outcome.key.alias).toEqual(outcome.after);
    else expect(rotation, `${outcome.key.alias} is untouched`).toEqual(outcome.key.rotation);
  }
  const calls = await kms.calls.settled();
  expect(calls.some((c) => c.status === 429) && calls.some((c) => (c.status ?? 0) >= 500), 'the run met both faults').toBe(true);
  expect(calls.filter((c) => c.errorCode === 'KMS.2901' || c.errorCode === 'KMS.0313'), 'no write repeated blindly').toEqual([]);
});
