import { test, expect } from '../fixtures/test';

test('a quick rotation of a key never used: create, save the secret, then the old key is disabled by default', async ({
  connect, credentials, rotation, emulator, demo,
}) => {
  const old = demo.overdueUnusedKey;
  await connect.signInAsAdmin();
  await credentials.loaded(demo.keys.length);
  await credentials.rotate(old.access);

  await rotation.at('preflight');
  await expect(rotation.quickMode).toHaveAccessibleName(/\(the old key was never used\)$/);
  await rotation.passPreflight('quick');
  await expect(rotation.steps).toHaveText([rotation.stageName('preflight'), rotation.stageName('create'), rotation.stageName('replace')]);

  const created = await rotation.createNewKey();
  await expect(rotation.continueButton).toBeDisabled();
  await rotation.confirmSecretSaved();
  await rotation.replaceOldKey(old.access, 'disable');
  await rotation.at('finished');
  await expect(rotation.completed).toBeVisible();

  expect((await emulator.keysOf(old.user.name)).map((k) => [k.access, k.status])).toEqual([
    [old.access, 'inactive'],
    [created.ak, 'active'],
  ]);
});

test('a quick rotation started from its address deletes the old key, typed', async ({
  page, stack, connect, rotation, emulator, demo,
}) => {
  const old = demo.overdueKeyInUse;
  // A shared address: signing in lands on it and starts the quick rotation.
  await page.goto(`${stack.url}/rotation?start=${old.access}&mode=quick`);
  await rotation.signInLink.click();
  await connect.enterAccessKey(demo.admin);
  await connect.signIn();
  await rotation.at('preflight');
  await expect(page).toHaveURL(new RegExp(`/rotation\\?open=${old.access}$`));
  await expect(rotation.quickMode).toBeChecked();
  await rotation.passPreflight('quick');

  const created = await rotation.createNewKey();
  await rotation.confirmSecretSaved();
  await rotation.replaceOldKey(old.access, 'delete');
  await rotation.at('finished');
  expect((await emulator.keysOf(old.user.name)).map((k) => [k.access, k.status])).toEqual([[created.ak, 'active']]);
  const saved = await rotation.saved();
  expect(saved.book.history.map((r) => [r.old, r.mode, r.outcome])).toEqual([[old.access, 'quick', 'completed']]);
  expect(saved.text).not.toContain(created.sk);
});
