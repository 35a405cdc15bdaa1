import { test, expect } from '../fixtures/test';

test('the watch checks the old key’s last use by itself at the interval chosen', async ({
  page, connect, credentials, rotation, emulator, demo,
}) => {
  await page.clock.install();
  const old = demo.overdueKeyInUse;
  await connect.signInAsAdmin();
  await credentials.loaded(demo.keys.length);
  await credentials.rotate(old.access);
  await rotation.passPreflight('safe');
  await rotation.createNewKey();
  await rotation.confirmSecretSaved();
  await rotation.startWatching();
  await expect(rotation.oldKeyUse).toHaveText(rotation.notUsedSinceNewKey);
  await rotation.checkEveryMinutes(1);
  await expect.poll(async () => (await rotation.savedRotation(old.access))?.stage).toBe('watch');

  // An application signs with the old key; a minute later the watch has seen it, unasked.
  await emulator.markUsed(old.access);
  await page.clock.fastForward('00:30');
  await expect(rotation.oldKeyUse, 'not before the interval').toHaveText(rotation.notUsedSinceNewKey);
  await page.clock.fastForward('00:31');
  await expect(rotation.oldKeyUse).toHaveText(rotation.oldKeyLastUsed());
});

test('a check that cannot read the keys says so, and the keys can be read again', async ({
  page, connect, credentials, rotation, emulator, demo,
}) => {
  const old = demo.overdueKeyInUse;
  await connect.signInAsAdmin();
  await credentials.loaded(demo.keys.length);
  await credentials.rotate(old.access);
  await rotation.passPreflight('safe');
  await rotation.createNewKey();
  await rotation.confirmSecretSaved();
  await rotation.startWatching();
  await expect(rotation.oldKeyUse).toHaveText(rotation.notUsedSinceNewKey);

  const listing = '**/OS-CREDENTIAL/credentials?user_id=*';
  await page.route(listing, (route) => route.abort('connectionrefused'));
  await emulator.markUsed(old.access);
  await rotation.checkNow();
  await expect(rotation.errors).toContainText("The user's keys could not be read.", { timeout: 30_000 });
  await page.unroute(listing);
  await rotation.readKeysAgain();
  await expect(rotation.errors).toHaveCount(0);
  await expect(rotation.oldKeyUse).toHaveText(rotation.oldKeyLastUsed());
});

test('the watch checks the keys as soon as it starts', async ({ connect, credentials, rotation, emulator, demo }) => {
  const old = demo.overdueKeyInUse;
  await connect.signInAsAdmin();
  await credentials.loaded(demo.keys.length);
  await credentials.rotate(old.access);
  await rotation.passPreflight('safe');
  await rotation.createNewKey();
  await rotation.confirmSecretSaved();
  await rotation.at('hand_over');

  // Not every application was updated: one still signs with the old key.
  await emulator.markUsed(old.access);
  await rotation.startWatching();
  await expect(rotation.oldKeyUse).toHaveText(rotation.oldKeyLastUsed());
});
