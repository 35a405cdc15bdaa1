import type { Request } from '@playwright/test';
import { test, expect } from '../fixtures/test';
import type { Emulator } from '../fixtures/emulator';
import { holdAnswersAfterCommit, isCreateKey, loseAnswersAfterCommit } from '../fixtures/faults';

/** Reads `userName`'s keys from the emulator every 50 ms and keeps the largest count seen. */
function watchKeyCount(emulator: Emulator, userName: string) {
  let peak = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      peak = Math.max(peak, (await emulator.keysOf(userName)).length);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  return {
    get peak() {
      return peak;
    },
    stop: async () => {
      running = false;
      await loop;
    },
  };
}

// The emulator's `--drop-after-commit-rate 1` loses every answer, the sign-in's too: the journey
// loses the create's answer alone, after the emulator committed it (fixtures/faults.ts).
test('a create without an answer: the keys are listed again, the orphan is reported and offered for deletion, and never two keys are created', async ({
  page, connect, credentials, rotation, emulator, demo,
}) => {
  const old = demo.overdueKeyInUse;
  const user = old.user.name;
  const before = demo.keysOf(user).length;
  const peak = watchKeyCount(emulator, user);
  await connect.signInAsAdmin();
  await credentials.loaded(demo.keys.length);
  await credentials.rotate(old.access);
  await rotation.passPreflight('safe');

  const calls: Request[] = [];
  page.on('request', (request) => calls.push(request));
  const lost = await loseAnswersAfterCommit(page, isCreateKey);
  await rotation.createButton.click();
  await expect(rotation.orphan).toBeVisible();
  expect(lost.count).toBe(1);
  const [, orphan] = await emulator.keysOf(user);
  expect(orphan, 'the create was committed').toBeDefined();
  await expect(rotation.orphan).toContainText(`${orphan!.access} was created but its secret was never seen`);
  await expect(rotation.errors).toContainText('The last step failed.');
  await expect(rotation.userKey(orphan!.access)).toContainText('orphan (secret never seen)');
  await expect(rotation.createButton, 'no second create while the orphan stands').toHaveCount(0);

  // Nothing was sent again: the wizard listed the user's keys after the unanswered create.
  const creates = calls.filter(isCreateKey);
  expect(creates).toHaveLength(1);
  const listedAfter = calls.slice(calls.indexOf(creates[0]!) + 1).filter((r) => r.method() === 'GET' && /\/OS-CREDENTIAL\/credentials\?user_id=/.test(r.url()));
  expect(listedAfter.length, 'the keys are listed again').toBeGreaterThan(0);
  const saved = await rotation.savedRotation(old.access);
  expect([saved?.stage, saved?.orphan, saved?.new, saved?.pending]).toEqual(['create', orphan!.access, null, null]);

  // A reload does not forget it.
  await page.reload();
  await rotation.signInLink.click();
  await connect.enterAccessKey(demo.admin);
  await connect.signIn();
  await rotation.at('create');
  await expect(rotation.orphan).toContainText(orphan!.access);

  // Deleting it frees the slot; then the new key is created once, answered this time.
  await rotation.deleteOrphan(orphan!.access);
  await expect(rotation.orphan).toHaveCount(0);
  expect((await emulator.keysOf(user)).map((k) => k.access)).toEqual([old.access]);
  await lost.stop();
  const created = await rotation.createNewKey();
  await rotation.confirmSecretSaved();
  await rotation.at('hand_over');
  expect((await emulator.keysOf(user)).map((k) => k.access)).toEqual([old.access, created.ak]);
  await peak.stop();
  expect(peak.peak, 'at most one key more than before, at any time').toBe(before + 1);
  const events = (await rotation.savedRotation(old.access))?.events.map((e) => e.what.kind);
  expect(events).toEqual(['started', 'orphan_found', 'orphan_deleted', 'created', 'secret_saved']);
});

test('a reload while the create is on its way: on resuming, the key that appeared is reported as an orphan', async ({
  page, connect, credentials, rotation, emulator, demo,
}) => {
  const old = demo.overdueUnusedKey;
  const user = old.user.name;
  await connect.signInAsAdmin();
  await credentials.loaded(demo.keys.length);
  await credentials.rotate(old.access);
  await rotation.passPreflight('safe');

  const held = await holdAnswersAfterCommit(page, isCreateKey);
  await rotation.createButton.click();
  await expect.poll(() => held.count).toBe(1);
  await expect(rotation.working).toBeVisible();
  expect((await rotation.savedRotation(old.access))?.pending).toEqual({ write: 'create', keys_before: [old.access] });
  const [, orphan] = await emulator.keysOf(user);

  await page.reload();
  await held.stop();
  await rotation.signInLink.click();
  await connect.enterAccessKey(demo.admin);
  await connect.signIn();
  await rotation.at('create');
  await expect(rotation.orphan).toContainText(orphan!.access);
  await expect(rotation.createButton).toHaveCount(0);
  expect((await emulator.keysOf(user)).map((k) => k.access)).toEqual([old.access, orphan!.access]);
});
