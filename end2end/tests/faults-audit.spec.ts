import { test, expect } from '../fixtures/test';
import type { Emulator, EmulatorState } from '../fixtures/emulator';

// The audit (every user's keys in one table) over an unreliable cloud, a proxy that dies and
// comes back, and an emulator restarted under the page: failed users show their error and a
// "Retry", and once retried every key of the account is shown, the account unchanged.

/** The account's keys as the table must end up showing them (reads never change a key). */
function keysOf(state: EmulatorState) {
  return state.credentials
    .map(({ access, user_id, status, description, create_time }) => ({ access, user_id, status, description, create_time }))
    .sort((a, b) => a.access.localeCompare(b.access));
}

/** Every key of the emulator has its row. */
async function expectEveryKeyShown(emulator: Emulator, row: (ak: string) => import('@playwright/test').Locator) {
  for (const key of (await emulator.state()).credentials) await expect(row(key.access), key.access).toHaveCount(1);
}

test.describe('under gateway failures, throttling and dropped connections', () => {
  // 40 generated users besides the demo's: about a hundred reads, so some users fail even
  // after the transport's own retries of a read.
  test.use({
    stackOptions: {
      emulatorArgs: ['--users', '40', '--fail-rate', '0.1', '--throttle-rate', '0.1', '--drop-rate', '0.05'],
    },
  });

  test('the audit ends with every key shown, each failed user resumed with its Retry', async ({
    connect, credentials, emulator,
  }) => {
    const before = await emulator.state();
    await connect.signInAsAdminDespiteFailures();
    const { retried, refreshes } = await credentials.loadedDespiteFailures(before.credentials.length);
    test.info().annotations.push({ type: 'retried', description: `${retried.length} users (${retried.join(', ')}), ${refreshes} refreshes` });

    await expectEveryKeyShown(emulator, (ak) => credentials.row(ak));
    await expect(credentials.failedUserRows).toHaveCount(0);
    expect(keysOf(await emulator.state()), 'reading changed no key').toEqual(keysOf(before));
  });
});

test.describe('a proxy killed mid-audit', () => {
  // Slow answers: the audit is still running when the proxy dies.
  test.use({ stackOptions: { emulatorArgs: ['--users', '24', '--latency-ms', '300'] } });

  test('rows fail while it is down and resume with Retry once it is back on the same port', async ({
    page, connect, credentials, emulator, stack,
  }) => {
    const before = await emulator.state();
    await connect.signInAsAdmin();
    // Some users are in, most are not.
    await expect(credentials.keyRows.first()).toBeVisible();
    await expect(credentials.progress).toBeVisible();
    await stack.stopProxy();

    // Every user still to load fails after the transport's retries; the page stays usable.
    await expect(credentials.progress).toHaveCount(0, { timeout: 45_000 });
    const failed = await credentials.failedUserRows.count();
    expect(failed, 'users whose keys failed while the proxy was down').toBeGreaterThan(0);
    await expect(credentials.failedUserRows.first()).toContainText('could not be loaded');
    await expect(credentials.failedUserRows.first()).toContainText('proxy unreachable');
    expect(await credentials.keyRows.count()).toBeLessThan(before.credentials.length);

    // Retrying while the proxy is still down fails again, and says so.
    const [first] = await credentials.failedUserRows.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-user-error')!));
    await credentials.retryUser(first!);
    await expect(credentials.failedUserRow(first!)).toBeVisible({ timeout: 20_000 });

    await stack.startProxy();
    const { retried } = await credentials.loadedDespiteFailures(before.credentials.length);
    expect(retried.length).toBeGreaterThanOrEqual(failed);
    await expectEveryKeyShown(emulator, (ak) => credentials.row(ak));
    expect(keysOf(await emulator.state())).toEqual(keysOf(before));
    await expect(page).toHaveURL(/\/credentials/);
  });
});

test.describe('an emulator restarted mid-audit', () => {
  test.use({ stackOptions: { emulatorArgs: ['--users', '24', '--latency-ms', '300'] } });

  test('rows fail while the cloud is away and come back with Retry and Refresh', async ({
    page, connect, credentials, emulator, stack, consoleLog,
  }) => {
    const before = await emulator.state();
    await connect.signInAsAdmin();
    await expect(credentials.keyRows.first()).toBeVisible();
    await expect(credentials.progress).toBeVisible();
    await stack.stopEmulator();

    // The proxy answers 502 proxy.upstream_unreachable: each failed user says so, with Retry.
    await expect(credentials.progress).toHaveCount(0, { timeout: 45_000 });
    expect(await credentials.failedUserRows.count()).toBeGreaterThan(0);
    await expect(credentials.failedUserRows.first()).toContainText('proxy.upstream_unreachable');

    // A refresh while it is away: the user list itself fails, and says so.
    await credentials.refresh();
    await expect(credentials.listFailure).toBeVisible({ timeout: 20_000 });

    // Back (a fresh account with the same ids and keys): Refresh, then Retry, until every key is in.
    await stack.startEmulator();
    await credentials.loadedDespiteFailures(before.credentials.length);
    await expectEveryKeyShown(emulator, (ak) => credentials.row(ak));
    expect(keysOf(await emulator.state()).map((k) => k.access)).toEqual(keysOf(before).map((k) => k.access));
    await expect(page).toHaveURL(/\/credentials/);
    expect(consoleLog.filter((line) => /panicked|RuntimeError|unreachable executed/.test(line))).toEqual([]);
  });
});
