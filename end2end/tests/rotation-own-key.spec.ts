import { test, expect } from '../fixtures/test';

test('rotating the key Keyturn is signed in with: the old key is disabled only from a session of the new key', async ({
  app, connect, credentials, rotation, emulator, demo,
}) => {
  const own = demo.admin;
  await connect.signInAsAdmin();
  await credentials.loaded(demo.keys.length);
  await credentials.rotate(own.ak);
  await rotation.passPreflight('safe');
  const created = await rotation.createNewKey();
  await rotation.confirmSecretSaved();
  await rotation.at('hand_over');
  await expect(rotation.ownKey).toContainText(`Keyturn is signed in with ${own.ak}`);
  await rotation.startWatching();
  await rotation.moveOnToDisable({ early: true });
  await expect(rotation.ownKey).toContainText(`sign in with the new key ${created.ak}`);
  await expect(rotation.wizard.getByRole('button', { name: 'Disable the old key', exact: true })).toBeDisabled();
  expect((await emulator.key(own.ak))?.status).toBe('active');

  // Signed in with the new key, the wizard goes on.
  await app.signOutButton.click();
  await connect.signInWithAccessKey({ ak: created.ak, sk: created.sk });
  await credentials.loaded(demo.keys.length + 1);
  await rotation.open();
  await rotation.openRotation(own.ak);
  await rotation.at('disable');
  await expect(rotation.ownKey).toHaveCount(0);
  await rotation.disableOldKey();
  await rotation.rollBack();
  await rotation.moveOnToDisable({ early: true });
  await rotation.disableOldKey();
  await rotation.toDelete();
  await rotation.confirmDeletion(own.ak);
  await rotation.at('finished');
  expect((await emulator.keysOf(own.name)).map((k) => [k.access, k.status])).toEqual([[created.ak, 'active']]);
});
