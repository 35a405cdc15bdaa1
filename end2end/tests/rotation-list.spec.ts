import { test, expect } from '../fixtures/test';

test('the list holds every rotation in progress across users; a key is rotated once at a time; abandoning keeps it in the history', async ({
  page, app, connect, credentials, rotation, emulator, demo,
}) => {
  const first = demo.overdueKeyInUse;
  const second = demo.keyPastPolicy;
  await connect.signInAsAdmin();
  await credentials.loaded(demo.keys.length);
  await credentials.rotate(first.access);
  await rotation.passPreflight('safe');
  const created = await rotation.createNewKey();
  await rotation.confirmSecretSaved();
  await rotation.at('hand_over');
  await app.navigateTo('Access keys');
  await credentials.loaded(demo.keys.length + 1);
  await credentials.rotate(second.access);
  await rotation.at('preflight');
  await rotation.backToList();

  await expect(rotation.inProgressRow(first.access)).toContainText(first.user.name);
  await expect(rotation.inProgressRow(first.access)).toContainText(created.ak);
  await expect(rotation.inProgressRow(first.access)).toContainText(rotation.stageName('hand_over'));
  await expect(rotation.inProgressRow(second.access)).toContainText(second.user.name);
  await expect(rotation.inProgressRow(second.access)).toContainText(rotation.stageName('preflight'));

  // "Rotate…" on a key already rotating opens its rotation: no second one starts.
  await app.navigateTo('Access keys');
  await credentials.loaded(demo.keys.length + 1);
  await credentials.rotate(first.access);
  await rotation.at('hand_over');
  await expect(page).toHaveURL(new RegExp(`/rotation\\?open=${first.access}$`));
  expect((await rotation.saved()).book.active.map((r) => r.old)).toEqual([first.access, second.access]);
  // Back returns to the keys (the start's address was replaced by the wizard's).
  await page.goBack();
  await expect(page).toHaveURL(/\/credentials/);
  await credentials.loaded(demo.keys.length + 1);

  // The new key of a rotation in progress cannot be rotated before that rotation ends.
  await app.navigateTo('Access keys');
  await credentials.loaded(demo.keys.length + 1);
  await credentials.rotate(created.ak);
  await expect(rotation.startRefused).toContainText(`${created.ak} is the new key of the rotation of ${first.access}`);
  await rotation.openRotationFromRefusal(first.access);
  await rotation.at('hand_over');
  expect((await rotation.saved()).book.active).toHaveLength(2);

  // Abandoning leaves the keys as they are and keeps the record in the history.
  await rotation.backToList();
  await rotation.abandon(second.access);
  await expect(rotation.inProgressRow(second.access)).toHaveCount(0);
  await expect(rotation.historyRow(second.access)).toHaveAttribute('data-outcome', 'abandoned');
  expect((await emulator.keysOf(second.user.name)).map((k) => [k.access, k.status])).toEqual([[second.access, 'active']]);

  // A rotation can start from the list, by AK.
  await rotation.startRotationOf(demo.overdueUnusedKey.access);
  await rotation.at('preflight');
  await expect(rotation.title(demo.overdueUnusedKey.access, demo.overdueUnusedKey.user.name)).toBeVisible();
});

test('opening a rotation reads the keys again: changes made elsewhere are taken in, and a missing new key stops the wizard', async ({
  app, connect, credentials, rotation, emulator, demo,
}) => {
  const old = demo.overdueKeyInUse;
  const user = old.user.name;
  await connect.signInAsAdmin();
  await credentials.loaded(demo.keys.length);
  await credentials.rotate(old.access);
  await rotation.passPreflight('safe');
  const created = await rotation.createNewKey();
  await rotation.confirmSecretSaved();
  await rotation.startWatching();

  // The old key disabled on the keys page: the rotation stands at Observe.
  await app.navigateTo('Access keys');
  await credentials.loaded(demo.keys.length + 1);
  await credentials.disableKey(old.access);
  await expect.poll(async () => (await emulator.key(old.access))?.status).toBe('inactive');
  await rotation.open();
  await rotation.openRotation(old.access);
  await rotation.at('observe');

  // The new key deleted elsewhere: the wizard says so and goes no further than rolling back.
  await app.navigateTo('Access keys');
  await credentials.loaded(demo.keys.length + 1);
  await credentials.deleteKey(created.ak);
  await rotation.open();
  await rotation.openRotation(old.access);
  await rotation.at('observe');
  await expect(rotation.newKeyMissing).toContainText(`${created.ak} is gone`);
  await expect(rotation.toDeleteButton).toBeDisabled();
  await expect(rotation.rollBackButton).toBeEnabled();
  await rotation.rollBack();
  expect((await emulator.key(old.access))?.status).toBe('active');
  await expect(rotation.toDisableButton).toBeDisabled();
  await rotation.moveOnEarly.check();
  await expect(rotation.toDisableButton, 'never on to disabling without the new key').toBeDisabled();

  // The old key deleted elsewhere: the rotation ends and says why.
  await app.navigateTo('Access keys');
  await credentials.loaded(demo.keys.length);
  await credentials.deleteKey(old.access);
  await rotation.open();
  await rotation.openRotation(old.access);
  await rotation.at('finished');
  await expect(rotation.wizard).toContainText('Ended: the old key was deleted outside the wizard.');
  await rotation.backToList();
  await expect(rotation.historyRow(old.access)).toHaveAttribute('data-outcome', 'old_key_gone');
  expect(await emulator.keysOf(user)).toEqual([]);
});
