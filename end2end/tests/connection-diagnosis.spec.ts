import { test, expect } from '../fixtures/test';
import { startStack } from '../fixtures/stack';
import { ConnectPage } from '../pages/connect';

test('a wrong password is explained and signs nobody in', async ({ page, connect, demo }) => {
  await connect.signInWithPassword({ ...demo.admin, password: 'wrong-password' });
  await expect(connect.alert).toContainText('401');
  await expect(page).toHaveURL(/\/connect/);
});

test('a tampered secret key is reported as a bad signature with the service code', async ({ connect, demo }) => {
  const wrongSk = demo.admin.sk.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
  await connect.testAccessKey({ ak: demo.admin.ak, sk: wrongSk });
  await expect(connect.alert).toContainText('APIGW.0301');
});

test('a proxy that refuses the app origin is explained as a CORS refusal', async ({ page, secrets }) => {
  const refusing = await startStack({ proxyAllowedOrigins: () => ['http://127.0.0.1:9'] });
  try {
    const connect = new ConnectPage(page, refusing, secrets);
    await connect.testAccessKey(refusing.account.admin);
    await expect(connect.alert).toContainText(/CORS/);
  } finally {
    refusing.stop();
  }
});

test('a browser clock 30 minutes ahead is explained and corrected automatically', async ({ page, connect, credentials, demo }) => {
  await page.clock.setSystemTime(Date.now() + 30 * 60 * 1000);
  await connect.testAccessKey(demo.admin);
  await expect(connect.status).toContainText(`Connected as ${demo.admin.name}`);
  await expect(connect.statusLine(/clock is .* ahead/)).toBeVisible();

  await connect.signIn();
  await expect(credentials.keyRows).toHaveCount(demo.keys.length);
});
