import { test, expect } from '../fixtures/test';

test('a user at two keys frees a slot by deleting the suggested unused key, typed, never the key rotated', async ({
  connect, credentials, rotation, emulator, demo,
}) => {
  const user = demo.userWithTwoKeys;
  const [rotated, unused] = demo.keyPairOf(user);
  expect(unused.never_used, 'the demo user’s newer key was never used').toBe(true);
  await connect.signInAsAdmin();
  await credentials.loaded(demo.keys.length);
  await credentials.rotate(rotated.access);

  await rotation.at('preflight');
  await expect(rotation.freeSlot).toContainText(`${unused.access} can go first: it was never used`);
  await expect(rotation.continueButton, 'no way on before a slot is free').toHaveCount(0);
  await expect(rotation.typedConfirmation(rotated.access).button, 'the rotated key is never offered').toHaveCount(0);

  // The typed confirmation wants the suggested key: the rotated key's AK does not do.
  const { field, button } = rotation.typedConfirmation(unused.access);
  await field.fill(rotated.access);
  await expect(button).toBeDisabled();
  await field.fill('');
  await rotation.confirmDeletion(unused.access, unused.access.slice(-6));

  await expect(rotation.wizard).toContainText('The user has a free slot for the new key.');
  expect((await emulator.keysOf(user.name)).map((k) => k.access)).toEqual([rotated.access]);
  const saved = await rotation.savedRotation(rotated.access);
  expect(saved?.events.map((e) => e.what.kind)).toEqual(['started', 'slot_freed']);

  await rotation.passPreflight('safe');
  const created = await rotation.createNewKey();
  await rotation.confirmSecretSaved();
  await rotation.at('hand_over');
  expect((await emulator.keysOf(user.name)).map((k) => k.access)).toEqual([rotated.access, created.ak]);
});

test('an inactive other key is suggested as the one to go', async ({ connect, credentials, rotation, demo }) => {
  const user = demo.user('second-admin');
  const [inactive, inUse] = demo.keyPairOf(user);
  expect(inactive.status).toBe('inactive');
  await connect.signInAsAdmin();
  await credentials.loaded(demo.keys.length);
  await credentials.rotate(inUse.access);
  await rotation.at('preflight');
  await expect(rotation.freeSlot).toContainText(`${inactive.access} can go first: it is disabled`);
});

test('a user whose two keys are both active and in use cannot rotate yet, and is told why', async ({
  connect, credentials, rotation, emulator, demo,
}) => {
  const user = demo.userWithTwoKeys;
  const [rotated, other] = demo.keyPairOf(user);
  await emulator.markUsed(other.access);
  await connect.signInAsAdmin();
  await credentials.loaded(demo.keys.length);
  await credentials.rotate(rotated.access);

  await rotation.at('preflight');
  await expect(rotation.blocked).toHaveText(
    `The user holds two keys and the other one, ${other.access}, is active and in use: retire it first (or rotate it), then come back.`,
  );
  await expect(rotation.freeSlot).toHaveCount(0);
  await expect(rotation.continueButton).toHaveCount(0);
  await expect(rotation.createButton).toHaveCount(0);
  expect((await emulator.keysOf(user.name)).map((k) => [k.access, k.status])).toEqual([
    [rotated.access, 'active'],
    [other.access, 'active'],
  ]);
});
