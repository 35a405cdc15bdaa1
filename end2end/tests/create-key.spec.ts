import { test, expect } from '../fixtures/test';

test('a new key is shown once, downloaded as credentials.csv, and never again', async ({ page, connect, credentials, emulator, demo }) => {
  await connect.signInAsAdmin();
  await credentials.loaded(demo.keys.length);

  const user = demo.userWithoutKeys.name;
  const created = await credentials.createKey(user, `${user} laptop`);
  const shown = created.dialog;
  await expect(shown.root).toBeVisible();
  const [stored] = await emulator.keysOf(user);
  expect(stored?.description).toBe(`${user} laptop`);
  expect(created.ak).toBe(stored?.access);
  await expect(shown.root).toContainText(created.ak);

  const csv = await shown.downloadCsv();
  expect(csv.name).toBe('credentials.csv');
  const [header, line] = csv.text.trim().split('\n');
  expect(header).toBe('User Name,Access Key Id,Secret Access Key');
  const [csvUser, ak, sk] = (line ?? '').split(',');
  expect([csvUser, ak]).toEqual([user, created.ak]);
  expect(sk).toMatch(/^[A-Za-z0-9]{40}$/);
  expect(sk).toBe(created.sk);
  await expect(shown.root).toContainText(created.sk);

  // The dialog cannot be dismissed by accident.
  await expect(shown.closeButton).toBeDisabled();
  await page.keyboard.press('Escape');
  await expect(shown.root).toBeVisible();
  await shown.confirmSaved();
  await shown.close();
  await expect(shown.root).toHaveCount(0);

  await expect(credentials.row(created.ak)).toContainText(`${user} laptop`);
  expect(await page.content()).not.toContain(created.sk);
});

test('a user with two keys cannot get a third and is pointed to the rotation wizard', async ({ page, connect, credentials, demo }) => {
  await connect.signInAsAdmin();
  await credentials.loaded(demo.keys.length);

  const user = demo.userWithTwoKeys.name;
  await expect(credentials.createKeyButton(user)).toBeDisabled();
  await expect(credentials.noFreeSlotReason(user)).toBeVisible();
  await credentials.openRotationWizardFor(user);
  await expect(page).toHaveURL(/\/rotation/);
});
