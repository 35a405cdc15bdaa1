import { test, expect } from '../fixtures/test';
import { KmsAccount } from '../fixtures/kms';
import type { KmsCall } from '../pages/kms';

// KMS allows 5 calls a second here; the console is set to send at most 4.
test.use({ stackOptions: { emulatorArgs: ['--kms-rate-limit', '5'] } });

/** The most calls sent within any one second. */
function busiestSecond(calls: KmsCall[]): number {
  const times = calls.map((c) => c.at).sort((a, b) => a - b);
  return Math.max(0, ...times.map((t, i) => times.filter((u, j) => j >= i && u - t < 1_000).length));
}

test('the console keeps to the KMS request rate of the settings, for reads and a bulk change alike', async ({
  connect, kms, kmsAccount, settings, emulator, stack,
}) => {
  test.setTimeout(120_000);
  await settings.open();
  await settings.save({ kmsRate: '4' });
  await expect(settings.status).toContainText('Settings saved.');

  const keys = kmsAccount.inRegion(stack.account.region);
  await connect.signInAsAdmin();
  await kms.open();
  await kms.loaded(keys.length, 60_000);
  await kms.selectEveryKeyShown();
  const bulk = await kms.openBulkDialog();
  await bulk.choose('on', 90);
  const planned = KmsAccount.turnOn(keys, 90).filter((o) => o.planned);
  await bulk.apply();
  await bulk.finished(90_000);
  await expect(bulk.withResult('done')).toHaveCount(planned.length);

  const calls = await kms.calls.settled();
  expect(calls.filter((c) => c.status !== 200), 'no call refused, none over the limit').toEqual([]);
  // The browser's request events arrive with some jitter: allow one more than the rate.
  expect(busiestSecond(calls), 'at most 4 calls a second').toBeLessThanOrEqual(5);
  const after = await emulator.kmsKeysById(planned.map((o) => o.key.id));
  expect([...after.values()].filter((k) => !k.rotation.enabled || k.rotation.interval_days !== 90)).toEqual([]);
});
