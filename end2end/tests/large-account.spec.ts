import { expect, test } from '../fixtures/test';

// A real account: 1,000 users and their keys, each answer 50 ms away.
test.use({ stackOptions: { seed: 'empty', emulatorArgs: ['--users', '1000', '--latency-ms', '50'] } });

test('a 1,000-user account answers a search while it loads, then loads every key, a page at a time', async ({
  connect, credentials, emulator,
}) => {
  test.setTimeout(180_000);
  const state = await emulator.state();
  const first = state.users.find((user) => user.role === null && state.credentials.some((c) => c.user_id === user.id))!;
  const firstKey = state.credentials.find((c) => c.user_id === first.id)!;

  await connect.signInAsAdmin();
  await expect(credentials.progress).toBeVisible();
  await credentials.search(firstKey.access);
  await expect(credentials.row(firstKey.access)).toBeVisible();
  await expect(credentials.progress, 'the search answered while the keys were still loading').toBeVisible();

  await credentials.search('');
  await expect(credentials.progress).toHaveCount(0, { timeout: 120_000 });
  await expect(credentials.summary('keys')).toContainText(String(state.credentials.length));
  await expect(credentials.keyRows).toHaveCount(50);

  await credentials.choosePageSize(200);
  await expect(credentials.keyRows).toHaveCount(200);
  await credentials.goToLastPage();
  const rows = state.credentials.length + state.users.filter((u) => !state.credentials.some((c) => c.user_id === u.id)).length;
  const pages = Math.ceil(rows / 200);
  await expect(credentials.pageStatus).toContainText(`of ${rows}, page ${pages} of ${pages}`);
});
