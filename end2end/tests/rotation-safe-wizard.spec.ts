import { test, expect } from '../fixtures/test';
import { csvRecords } from '../pages/download';

test('the safe wizard from a key row: create, hand over, watch the old key, disable, observe, delete', async ({
  page, connect, credentials, rotation, emulator, demo,
}) => {
  const old = demo.overdueKeyInUse;
  const user = old.user.name;
  await connect.signInAsAdmin();
  await credentials.loaded(demo.keys.length);

  // Preflight: the user's one key, a free slot.
  await credentials.rotate(old.access);
  await expect(page).toHaveURL(new RegExp(`/rotation\\?open=${old.access}$`));
  await rotation.at('preflight');
  await expect(rotation.title(old.access, user)).toBeVisible();
  await expect(rotation.currentStep).toHaveText(rotation.stageName('preflight'));
  await expect(rotation.userKey(old.access)).toContainText('old key');
  await expect(rotation.safeMode).toBeChecked();
  await rotation.passPreflight('safe');

  // Create: the AK and SK once, a CSV, and nothing goes on before "I have saved…".
  const created = await rotation.createNewKey();
  const keys = await emulator.keysOf(user);
  expect(keys.map((k) => k.access)).toEqual([old.access, created.ak]);
  expect(created.sk).toMatch(/^[A-Za-z0-9]{40}$/);
  const csv = await rotation.downloadCsv();
  expect(csv.name).toBe('credentials.csv');
  expect(csvRecords(csv.text.trim())).toEqual([
    ['User Name', 'Access Key Id', 'Secret Access Key'],
    [user, created.ak, created.sk],
  ]);
  await expect(rotation.continueButton).toBeDisabled();
  await rotation.at('create');
  const whileShown = await rotation.savedRotation(old.access);
  expect(whileShown?.new?.access).toBe(created.ak);
  await rotation.confirmSecretSaved();
  await rotation.at('hand_over');
  await expect(rotation.newSecretKey).toHaveCount(0);
  expect(await page.content()).not.toContain(created.sk);

  // Hand over, then watch: the old key was last used before the new key existed.
  await expect(rotation.wizard).toContainText(`Replace ${old.access} with ${created.ak}`);
  await rotation.startWatching();
  await expect(rotation.oldKeyUse).toHaveText(rotation.notUsedSinceNewKey);
  await expect(rotation.newKeyUse).toHaveText('The new key has not been used yet');
  await expect(rotation.wizard).toContainText('about every 15 minutes');

  // An application still signs with the old key.
  await emulator.markUsed(old.access);
  await rotation.checkNow();
  await expect(rotation.oldKeyUse).toHaveText(rotation.oldKeyLastUsed());

  // It moved to the new key: its first use shows.
  await emulator.markUsed(created.ak);
  await rotation.checkNow();
  await expect(rotation.newKeyUse).toHaveText(/^The new key was first seen in use (just now|\d+ minutes? ago)$/);

  // The interval is the user's pick, never below a minute; moving on before the advised week asks.
  await expect(rotation.checkEvery).toHaveValue('5');
  await rotation.checkEveryMinutes(1);
  await expect.poll(async () => (await rotation.savedRotation(old.access))?.stage).toBe('watch');
  await expect(rotation.toDisableButton).toBeDisabled();
  await rotation.moveOnToDisable({ early: true });

  // Disable (confirmed), observe, delete (typed: the last 6 characters).
  await rotation.disableOldKey();
  expect((await emulator.key(old.access))?.status).toBe('inactive');
  await expect(rotation.rollBackButton).toBeEnabled();
  await rotation.toDelete();
  await rotation.confirmDeletion(old.access, old.access.slice(-6));
  await rotation.at('finished');
  await expect(rotation.completed).toBeVisible();

  const after = await emulator.keysOf(user);
  expect(after.map((k) => [k.access, k.status])).toEqual([[created.ak, 'active']]);
  await rotation.backToList();
  await expect(rotation.inProgressRow(old.access)).toHaveCount(0);
  await expect(rotation.historyRow(old.access)).toHaveAttribute('data-outcome', 'completed');
  const saved = await rotation.saved();
  expect(saved.book.history.map((r) => [r.old, r.new?.access, r.outcome])).toEqual([[old.access, created.ak, 'completed']]);
  expect(saved.text).not.toContain(created.sk);
});

test('Roll back at Observe enables the old key again and returns to Watch', async ({
  connect, credentials, rotation, emulator, demo,
}) => {
  const old = demo.keyPastPolicy;
  await connect.signInAsAdmin();
  await credentials.loaded(demo.keys.length);
  await credentials.rotate(old.access);
  await rotation.passPreflight('safe');
  const created = await rotation.createNewKey();
  await rotation.confirmSecretSaved();
  await rotation.startWatching();
  await rotation.moveOnToDisable({ early: true });
  await rotation.disableOldKey();
  expect((await emulator.key(old.access))?.status).toBe('inactive');

  // Something broke: roll back.
  await rotation.rollBack();
  expect((await emulator.key(old.access))?.status).toBe('active');
  await expect(rotation.userKey(old.access)).toContainText('Active');
  const saved = await rotation.savedRotation(old.access);
  expect(saved?.stage).toBe('watch');
  expect(saved?.events.map((e) => e.what.kind)).toContain('rolled_back');

  // The watch starts again: moving on early asks again, and the rotation can go the whole way.
  await expect(rotation.toDisableButton).toBeDisabled();
  await rotation.moveOnToDisable({ early: true });
  await rotation.disableOldKey();
  await rotation.toDelete();
  await rotation.confirmDeletion(old.access);
  await rotation.at('finished');
  expect((await emulator.keysOf(old.user.name)).map((k) => k.access)).toEqual([created.ak]);
});
