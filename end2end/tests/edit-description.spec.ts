import { test, expect } from '../fixtures/test';

test('edit a key description; the row shows the server answer', async ({ connect, credentials, emulator, demo }) => {
  await connect.signInAsAdmin();
  await credentials.loaded(demo.keys.length);
  const key = demo.keyPastPolicy;

  await credentials.editDescription(key.access, 'prometheus exporter, rotate in June');
  await expect(credentials.editDescriptionDialog).toHaveCount(0);
  await expect(credentials.row(key.access)).toContainText('prometheus exporter, rotate in June');
  expect((await emulator.key(key.access))?.description).toBe('prometheus exporter, rotate in June');
});
