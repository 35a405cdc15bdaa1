import { test, expect } from '../fixtures/test';
import { KmsAccount, settingOf } from '../fixtures/kms';
import type { Emulator, EmulatedKmsKey } from '../fixtures/emulator';
import type { ConnectPage } from '../pages/connect';
import type { KmsPage } from '../pages/kms';

// A bulk "Turn on" over the generated keys while answers fail, are throttled, get dropped, or are
// lost after KMS did the write. Failed keys are shown per key and retried with "Retry failed"
// until none is left; the account then ends as a clean run leaves it: every key that can rotate
// rotates every 90 days, the rest (and every key not chosen) untouched.

/** What a KMS key is, for "untouched": its details (its state) and rotation setting. */
function facts(key: EmulatedKmsKey) {
  return { details: key.details, rotation: settingOf(key) };
}

async function turnOnDespiteFaults(
  { connect, kms, kmsAccount, emulator, region }: { connect: ConnectPage; kms: KmsPage; kmsAccount: KmsAccount; emulator: Emulator; region: string },
) {
  const generated = kmsAccount.generated;
  const outcomes = KmsAccount.turnOn(generated, 90);
  const planned = outcomes.flatMap((o) => (o.planned ? [o] : []));
  const before = new Map((await emulator.kmsKeys()).map((k) => [k.details.key_id, facts(k)]));

  await connect.signInAsAdminDespiteFailures();
  await kms.open();
  await kms.loadedDespiteFailures(kmsAccount.inRegion(region).length);
  await kms.search('gen/');
  await kms.selectEveryKeyShown();
  await expect(kms.selected(generated.length)).toBeVisible();
  const bulk = await kms.openBulkDialog();
  await bulk.choose('on', 90);
  await expect(bulk.applyButton).toHaveText(`Apply to ${planned.length} keys`);
  await bulk.apply();
  await bulk.finished(45_000);

  const retried: number[] = [];
  for (let round = 0; round < 10 && (await bulk.retryFailedButton.count()) > 0; round += 1) {
    // Each failed key says why, in its own row.
    await expect(bulk.withResult('failed').first()).toBeVisible();
    retried.push(await bulk.retryFailed());
    await bulk.finished(45_000);
  }
  test.info().annotations.push({ type: 'retried', description: retried.join(', ') || 'none' });
  await expect(bulk.withResult('failed'), `no key still failing after retrying ${retried.join(', ')}`).toHaveCount(0);
  await expect(bulk.retryFailedButton).toHaveCount(0);

  // The same end as without faults, and nothing else touched.
  const after = new Map((await emulator.kmsKeys()).map((k) => [k.details.key_id, k]));
  for (const outcome of outcomes) {
    const rotation = settingOf(after.get(outcome.key.id)!);
    if (outcome.planned) expect(rotation, outcome.key.alias).toEqual(outcome.after);
    else expect(rotation, `${outcome.key.alias} is untouched`).toEqual(outcome.key.rotation);
  }
  const chosen = new Set(generated.map((k) => k.id));
  for (const [id, was] of before) {
    const now = after.get(id);
    expect(now, `${was.details.key_alias} still exists`).toBeDefined();
    expect(now!.details.key_state, `${was.details.key_alias} keeps its state`).toBe(was.details.key_state);
    if (!chosen.has(id)) expect(settingOf(now!), `${was.details.key_alias} was not chosen`).toEqual(was.rotation);
  }
  return { calls: await kms.calls.settled(), retried };
}

test.describe('under gateway failures, throttling and dropped connections', () => {
  test.use({
    stackOptions: { emulatorArgs: ['--kms-keys', '30', '--fail-rate', '0.1', '--throttle-rate', '0.1', '--drop-rate', '0.05'] },
  });

  test('retrying the failed keys ends where a clean run does', async ({ connect, kms, kmsAccount, emulator, stack }) => {
    const { calls, retried } = await turnOnDespiteFaults({ connect, kms, kmsAccount, emulator, region: stack.account.region });
    expect(retried.length, 'the first run had failures to retry').toBeGreaterThan(0);
    expect(calls.some((c) => c.status === 429), 'the run met throttling').toBe(true);
    expect(calls.some((c) => (c.status ?? 0) >= 500 || c.status === 0), 'the run met failures').toBe(true);
    // These faults never let a write through: no write can find its work already done.
    expect(calls.filter((c) => c.errorCode === 'KMS.2901' || c.errorCode === 'KMS.0313'), 'no write repeated blindly').toEqual([]);
  });
});

test.describe('when answers are lost after KMS did the write', () => {
  test.use({ stackOptions: { emulatorArgs: ['--kms-keys', '30', '--drop-after-commit-rate', '0.3'] } });

  test('retrying the failed keys ends where a clean run does, each from what KMS holds', async ({
    connect, kms, kmsAccount, emulator, stack,
  }) => {
    const { calls, retried } = await turnOnDespiteFaults({ connect, kms, kmsAccount, emulator, region: stack.account.region });
    expect(retried.length, 'some answers were lost').toBeGreaterThan(0);
    // A retry plans from the rotation read after the loss, not from the plan: a write KMS did is
    // not sent again.
    expect(calls.filter((c) => c.errorCode === 'KMS.2901' || c.errorCode === 'KMS.0313'), 'no write repeated blindly').toEqual([]);
  });
});
