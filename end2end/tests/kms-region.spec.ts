import { test, expect } from '../fixtures/test';

test('another region shows its own keys, and its address keeps the region through a reload and a new sign-in', async ({
  page, connect, kms, kmsAccount, demo, stack,
}) => {
  const home = stack.account.region;
  const key = kmsAccount.key('other-region');
  const region = key.region;
  expect(region).not.toBe(home);
  const inRegion = kmsAccount.inRegion(region);

  await connect.signInAsAdmin();
  await kms.open();
  await kms.loaded(kmsAccount.inRegion(home).length);

  await kms.chooseRegion(region);
  await expect(page).toHaveURL(new RegExp(`[?&]region=${region}(&|$)`));
  await kms.loaded(inRegion.length);
  await expect(kms.row(key.alias)).toBeVisible();
  await expect(kms.rows).toHaveCount(inRegion.length);
  await expect(kms.row(kmsAccount.key('rotating').alias), 'the first region’s keys are gone').toHaveCount(0);
  const lists = (await kms.calls.settled()).filter((c) => c.operation === 'list-keys').map((c) => c.projectId);
  expect(lists.at(-1), 'the region’s project is listed').toBe(kmsAccount.projectOf(region));

  // A reload forgets the session, not the view: signing in again lands on the same region.
  await page.reload();
  await expect(page).toHaveURL(new RegExp(`[?&]region=${region}(&|$)`));
  await kms.signInLink.click();
  await connect.enterAccessKey(demo.admin);
  await connect.signIn();
  await expect(page).toHaveURL(new RegExp(`/kms\\?(.*&)?region=${region}(&|$)`));
  await expect(kms.region).toHaveValue(region);
  await kms.loaded(inRegion.length);
  await expect(kms.row(key.alias)).toBeVisible();
});

test('a password session gets a token for the other region’s project when the region changes', async ({
  page, connect, kms, kmsAccount, demo, stack,
}) => {
  const key = kmsAccount.key('other-region');
  const region = key.region;
  await connect.signInWithPassword(demo.admin);
  await expect(page).toHaveURL(/\/credentials/);
  await kms.open();
  await kms.loaded(kmsAccount.inRegion(stack.account.region).length);

  const projectToken = kms.nextProjectTokenRequest(region);
  await kms.chooseRegion(region);
  expect((await (await projectToken).response())?.status()).toBe(201);
  await kms.loaded(kmsAccount.inRegion(region).length);
  await expect(kms.row(key.alias)).toBeVisible();
  const inRegion = (await kms.calls.settled()).filter((c) => c.projectId === kmsAccount.projectOf(region));
  expect(inRegion.length).toBeGreaterThan(0);
  expect(inRegion.filter((c) => c.auth !== 'token' || c.status !== 200)).toEqual([]);
});
