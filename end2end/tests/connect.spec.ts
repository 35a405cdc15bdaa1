import { test, expect } from '../fixtures/test';
import { startStack } from '../fixtures/stack';
import { ConnectPage } from '../pages/connect';
import { CredentialsPage } from '../pages/credentials';

// The non-administrator of the demo account (crates/emulator/README.md).
const ALICE = { ak: 'ALICEDEMOACCESSKEY01', sk: 'AliceDemoSecretKey0000000000000000000001' };

test('AK/SK sign-in discovers the account and opens the credentials', async ({ page, stack }) => {
  const connect = new ConnectPage(page);
  await connect.open(stack.url);
  await connect.fillAkSk(stack.account.admin.ak, stack.account.admin.sk);
  await connect.testConnection();
  await expect(connect.status).toContainText(`Connected as ${stack.account.admin.name}`);

  await connect.signIn();
  await expect(page).toHaveURL(/\/credentials/);
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText(stack.account.admin.name);
});

test('a reload forgets the session and asks again', async ({ page, stack }) => {
  const connect = new ConnectPage(page);
  await connect.signInAsAdmin(stack.url, stack.account);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Sign out' })).toHaveCount(0);
});

test('password sign-in exchanges the password for a token', async ({ page, stack }) => {
  const connect = new ConnectPage(page);
  await connect.open(stack.url);
  await connect.fillPassword(stack.account.domain_name, stack.account.admin.name, stack.account.admin.password);
  const tokenRequest = page.waitForRequest((r) => r.url().endsWith('/v3/auth/tokens') && r.method() === 'POST');
  await connect.signIn();
  await tokenRequest;
  await expect(page).toHaveURL(/\/credentials/);
  await expect(page.getByRole('banner')).toContainText(stack.account.admin.name);
});

test('a wrong password is explained and signs nobody in', async ({ page, stack, secrets }) => {
  const connect = new ConnectPage(page);
  await connect.open(stack.url);
  await connect.fillPassword(stack.account.domain_name, stack.account.admin.name, 'wrong-password');
  await connect.signIn();
  await expect(connect.alert).toContainText('401');
  await expect(page).toHaveURL(/\/connect/);
  secrets.add('wrong-password');
});

test('a tampered secret key is reported as a bad signature with the service code', async ({ page, stack, secrets }) => {
  const wrongSk = stack.account.admin.sk.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
  const connect = new ConnectPage(page);
  await connect.open(stack.url);
  await connect.fillAkSk(stack.account.admin.ak, wrongSk);
  await connect.testConnection();
  await expect(connect.alert).toContainText('APIGW.0301');
  secrets.add(wrongSk);
});

test('a non-administrator is told they will see their own keys only', async ({ page, stack, secrets }) => {
  const connect = new ConnectPage(page);
  await connect.open(stack.url);
  await connect.fillAkSk(ALICE.ak, ALICE.sk);
  await connect.testConnection();
  await expect(connect.status).toContainText('Connected as alice');
  await expect(page.getByText(/own keys/i).first()).toBeVisible();
  secrets.add(ALICE.sk);
});

test('a proxy that refuses the app origin is explained as a CORS refusal', async ({ page, secrets }) => {
  const stack = await startStack({ proxyAllowedOrigins: () => ['http://127.0.0.1:9'] });
  try {
    const connect = new ConnectPage(page);
    await connect.open(stack.url);
    await connect.fillAkSk(stack.account.admin.ak, stack.account.admin.sk);
    await connect.testConnection();
    await expect(connect.alert).toContainText(/CORS/);
    secrets.add(stack.account.admin.sk);
  } finally {
    stack.stop();
  }
});

test('a browser clock 30 minutes ahead is explained and corrected automatically', async ({ page, stack }) => {
  await page.clock.setSystemTime(Date.now() + 30 * 60 * 1000);
  const connect = new ConnectPage(page);
  await connect.open(stack.url);
  await connect.fillAkSk(stack.account.admin.ak, stack.account.admin.sk);
  await connect.testConnection();
  await expect(connect.status).toContainText(`Connected as ${stack.account.admin.name}`);
  await expect(page.getByText(/clock is .* ahead/).first()).toBeVisible();

  await connect.signIn();
  await expect(new CredentialsPage(page).keyRows).toHaveCount(12);
});
