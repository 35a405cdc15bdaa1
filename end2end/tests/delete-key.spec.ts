import { test, expect } from '../fixtures/test';

test('delete asks for the key to be typed, warns, then removes it', async ({ connect, credentials, emulator, demo }) => {
  await connect.signInAsAdmin();
  await credentials.loaded(demo.keys.length);
  const key = demo.overdueUnusedKey;

  const dialog = await credentials.openDeleteDialog(key.access);
  await expect(dialog.warning).toBeVisible(); // active, and the user's only active key
  await expect(dialog.deleteButton).toBeDisabled();
  await dialog.typeConfirmation('WRONG1');
  await expect(dialog.deleteButton).toBeDisabled();
  await dialog.typeConfirmation(key.access.slice(-6));
  await expect(dialog.deleteButton).toBeEnabled();
  await dialog.confirm();

  await expect(credentials.row(key.access)).toHaveCount(0);
  expect(await emulator.key(key.access)).toBeUndefined();
  await expect(credentials.userWithoutKeysRow(key.user.name)).toBeVisible();
});

test('deleting one of two keys frees the slot for a new one', async ({ connect, credentials, emulator, demo }) => {
  await connect.signInAsAdmin();
  await credentials.loaded(demo.keys.length);
  const user = demo.userWithTwoKeys.name;
  const [old, kept] = demo.keyPairOf(demo.userWithTwoKeys);
  await expect(credentials.createKeyButton(user)).toBeDisabled();

  await credentials.deleteKey(old.access);
  expect(await emulator.key(old.access)).toBeUndefined();
  await expect(credentials.keyRows).toHaveCount(demo.keys.length - 1);
  await expect(credentials.row(kept.access)).not.toContainText('No free slot');
  await expect(credentials.createKeyButton(user)).toBeEnabled();
  await expect(credentials.noFreeSlotReason(user)).toHaveCount(0);
});
