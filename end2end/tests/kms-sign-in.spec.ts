import { test, expect } from '../fixtures/test';

test('a password sign-in gets a token for the region’s project, and the KMS page lists its keys with it', async ({
  page, connect, kms, kmsAccount, demo, stack,
}) => {
  const region = stack.account.region;
  const projectToken = kms.nextProjectTokenRequest(region);
  await connect.signInWithPassword(demo.admin);
  expect((await (await projectToken).response())?.status(), 'KMS needs a token scoped to the region’s project').toBe(201);
  await expect(page).toHaveURL(/\/credentials/);

  await kms.open();
  await kms.loaded(kmsAccount.inRegion(region).length);
  await expect(kms.row(kmsAccount.key('rotating').alias)).toBeVisible();
  const calls = await kms.calls.settled();
  expect(calls.length).toBeGreaterThan(0);
  expect(
    calls.filter((c) => c.auth !== 'token' || c.projectId !== kmsAccount.projectOf(region) || c.status !== 200),
    'every KMS call carries the project token and is answered',
  ).toEqual([]);
});
