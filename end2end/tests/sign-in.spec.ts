import { test, expect } from '../fixtures/test';

test('AK/SK sign-in discovers the account and opens the credentials', async ({ page, connect, app, demo }) => {
  await connect.open();
  await connect.enterAccessKey(demo.admin);
  await connect.testConnection();
  await expect(connect.status).toContainText(`Connected as ${demo.admin.name}`);

  await connect.signIn();
  await expect(page).toHaveURL(/\/credentials/);
  await expect(app.signOutButton).toBeVisible();
  await expect(app.banner).toContainText(demo.admin.name);
});

test('password sign-in exchanges the password for a token', async ({ page, connect, app, demo }) => {
  const tokenRequest = connect.nextTokenRequest();
  await connect.signInWithPassword(demo.admin);
  await tokenRequest;
  await expect(page).toHaveURL(/\/credentials/);
  await expect(app.banner).toContainText(demo.admin.name);
});

test('a pasted token of a user without access keys signs in as that user', async ({ page, connect, app, demo, emulator }) => {
  const user = demo.userWithoutKeys;
  const token = await emulator.accountToken(demo.passwordOf(user));
  await connect.signInWithToken(token);
  await expect(page).toHaveURL(/\/credentials/);
  await expect(app.banner).toContainText(`${user.name} @ ${demo.passwordOf(user).account}`);
});

test('a reload forgets the session and asks again', async ({ page, connect, app }) => {
  await connect.signInAsAdmin();
  await page.reload();
  await expect(app.signOutButton).toHaveCount(0);
});
