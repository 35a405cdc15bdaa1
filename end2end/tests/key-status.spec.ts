import { test, expect } from '../fixtures/test';

test('disable then enable a key, row updated from the server', async ({ connect, credentials, emulator, demo }) => {
  await connect.signInAsAdmin();
  await credentials.loaded(demo.keys.length);
  const key = demo.overdueKeyInUse;

  await credentials.disableKey(key.access);
  await expect(credentials.row(key.access)).toContainText('Inactive');
  expect((await emulator.key(key.access))?.status).toBe('inactive');

  await credentials.enableKey(key.access);
  await expect(credentials.row(key.access)).toContainText('Active');
  expect((await emulator.key(key.access))?.status).toBe('active');
});
