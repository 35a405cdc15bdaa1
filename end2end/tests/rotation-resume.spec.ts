import type { Page } from '@playwright/test';
import { test, expect } from '../fixtures/test';
import type { AccessKeyPair } from '../fixtures/demo';
import { holdAnswersAfterCommit } from '../fixtures/faults';
import type { Secrets } from '../fixtures/secrets';
import type { Stack } from '../fixtures/stack';
import { ConnectPage } from '../pages/connect';
import { CredentialsPage } from '../pages/credentials';
import { RotationPage, type Stage } from '../pages/rotation';

/**
 * Reloads the page (which signs out: secrets live in memory), signs in again from the Rotation
 * page's link and lands back on the wizard, which must stand at `stage`.
 */
async function reloadAndSignInAgain(page: Page, connect: ConnectPage, rotation: RotationPage, admin: AccessKeyPair, stage: Stage) {
  const address = page.url();
  await page.reload();
  await expect(rotation.wizard).toHaveCount(0);
  await rotation.signInLink.click();
  await connect.enterAccessKey(admin);
  await connect.signIn();
  await expect(page).toHaveURL(address);
  await rotation.at(stage);
}

test('a reload at every step resumes the wizard at that step, from the record saved in localStorage', async ({
  page, connect, credentials, rotation, emulator, demo,
}) => {
  const old = demo.overdueKeyInUse;
  const user = old.user.name;
  const resume = (stage: Stage) => reloadAndSignInAgain(page, connect, rotation, demo.admin, stage);
  await connect.signInAsAdmin();
  await credentials.loaded(demo.keys.length);
  await credentials.rotate(old.access);

  await rotation.at('preflight');
  await resume('preflight');
  await rotation.passPreflight('safe');
  await resume('create');

  // The secret lives in memory only: after a reload the wizard asks whether it was saved.
  const created = await rotation.createNewKey();
  await resume('create');
  await expect(rotation.newSecretKey).toHaveCount(0);
  await expect(rotation.secretGone).toContainText(created.ak);
  await rotation.answerSecretGone(true);
  await rotation.at('hand_over');
  await resume('hand_over');
  await expect(rotation.wizard).toContainText(`Replace ${old.access} with ${created.ak}`);
  await rotation.startWatching();

  // The watch reads the keys again on resuming: the old key's use after the reload shows.
  await emulator.markUsed(old.access);
  await resume('watch');
  await expect(rotation.oldKeyUse).toHaveText(rotation.oldKeyLastUsed());
  await rotation.moveOnToDisable({ early: true });
  await resume('disable');

  // A reload while the disable is on its way: the record says it was sent, so the wizard reads
  // the keys, finds the old key disabled, and stands at Observe.
  const held = await holdAnswersAfterCommit(page, (r) => r.method() === 'PUT' && r.url().endsWith(`/credentials/${old.access}`));
  await rotation.confirmDisable();
  await expect.poll(() => held.count).toBe(1);
  await expect(rotation.working).toBeVisible();
  expect((await rotation.savedRotation(old.access))?.pending).toEqual({ write: 'disable' });
  expect((await emulator.key(old.access))?.status).toBe('inactive');
  await resume('observe');
  await held.stop();
  await expect(rotation.userKey(old.access)).toContainText('Inactive');

  await rotation.toDelete();
  await resume('delete');
  await rotation.confirmDeletion(old.access);
  await rotation.at('finished');
  await resume('finished');
  await expect(rotation.completed).toBeVisible();
  expect((await emulator.keysOf(user)).map((k) => k.access)).toEqual([created.ak]);
});

test('a secret lost to a reload makes the new key an orphan, deleted before a new one is created', async ({
  page, connect, credentials, rotation, emulator, demo,
}) => {
  const old = demo.overdueUnusedKey;
  const user = old.user.name;
  await connect.signInAsAdmin();
  await credentials.loaded(demo.keys.length);
  await credentials.rotate(old.access);
  await rotation.passPreflight('safe');
  const lostKey = await rotation.createNewKey();
  await reloadAndSignInAgain(page, connect, rotation, demo.admin, 'create');

  await rotation.answerSecretGone(false);
  await expect(rotation.orphan).toContainText(lostKey.ak);
  await expect(rotation.createButton).toHaveCount(0);
  await rotation.deleteOrphan(lostKey.ak);
  await expect(rotation.orphan).toHaveCount(0);
  expect((await emulator.keysOf(user)).map((k) => k.access)).toEqual([old.access]);

  const created = await rotation.createNewKey();
  expect(created.ak).not.toBe(lostKey.ak);
  await rotation.confirmSecretSaved();
  await rotation.at('hand_over');
  expect((await emulator.keysOf(user)).map((k) => k.access)).toEqual([old.access, created.ak]);
});

/** A browser profile of its own: its page and the page objects on it. */
function session(page: Page, stack: Stack, secrets: Secrets) {
  return {
    page,
    connect: new ConnectPage(page, stack, secrets),
    credentials: new CredentialsPage(page, secrets),
    rotation: new RotationPage(page, secrets),
  };
}

test('closing the browser and opening it again resumes the rotation where it was', async ({
  browser, page, stack, secrets, emulator, demo,
}) => {
  const old = demo.keyPastPolicy;
  const user = old.user.name;

  // The first browser: as far as the watch.
  const firstContext = await browser.newContext();
  const first = session(await firstContext.newPage(), stack, secrets);
  await first.connect.signInAsAdmin();
  await first.credentials.loaded(demo.keys.length);
  await first.credentials.rotate(old.access);
  await first.rotation.passPreflight('safe');
  const created = await first.rotation.createNewKey();
  await first.rotation.confirmSecretSaved();
  await first.rotation.startWatching();
  await secrets.expectNotExposed(first.page, []);
  const kept = await firstContext.storageState();
  await firstContext.close();

  // The browser restarts with what it kept on disk: localStorage, never a session.
  await page.context().setStorageState(kept);
  const second = session(page, stack, secrets);
  await second.connect.signInAsAdmin();
  await second.rotation.open();
  await expect(second.rotation.inProgressRow(old.access)).toContainText(second.rotation.stageName('watch'));
  await second.rotation.openRotation(old.access);
  await second.rotation.at('watch');
  await expect(second.rotation.wizard).toContainText(`New key: ${created.ak}`);

  await second.rotation.moveOnToDisable({ early: true });
  await second.rotation.disableOldKey();
  await second.rotation.toDelete();
  await second.rotation.confirmDeletion(old.access);
  await second.rotation.at('finished');
  expect((await emulator.keysOf(user)).map((k) => [k.access, k.status])).toEqual([[created.ak, 'active']]);
});
