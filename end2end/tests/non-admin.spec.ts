import { test, expect } from '../fixtures/test';

test('a non-administrator is told they will see their own keys only', async ({ connect, demo }) => {
  await connect.testAccessKey(demo.nonAdmin);
  await expect(connect.status).toContainText(`Connected as ${demo.nonAdmin.name}`);
  await expect(connect.statusLine(/own keys/i)).toBeVisible();
});

test('a non-administrator sees only their own keys', async ({ connect, credentials, demo }) => {
  await connect.signInWithAccessKey(demo.nonAdmin);
  await expect(credentials.ownKeysNotice).toBeVisible();
  await credentials.loaded(demo.keysOf(demo.nonAdmin.name).length);
  await expect(credentials.row(demo.nonAdmin.ak)).toContainText(demo.nonAdmin.name);
});
