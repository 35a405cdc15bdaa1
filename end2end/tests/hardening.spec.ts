import type { Page, Request } from '@playwright/test';
import { test, expect } from '../fixtures/test';

// Issue #12, the app's part: what a browser's password manager, a hostile answer, a changed
// setting or a leftover clipboard could do with the secrets, tried in the built site as a user
// meets it.

/** The last second chrono can hold: a `Date` answer no server sends. */
const END_OF_TIME = 'Mon, 31 Dec 262142 23:59:59 GMT';
const DAY_MS = 24 * 60 * 60 * 1000;

/** Every `securitypolicyviolation` the page reports, gathered from its first script on. */
async function recordCspViolations(page: Page) {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
}

async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
}

/** `X-Sdk-Date` (`20250301T122000Z`) as epoch milliseconds. */
function sdkDateMs(value: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) throw new Error(`not an X-Sdk-Date: ${value}`);
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  return Date.UTC(y, mo - 1, d, h, mi, s);
}

test('no secret field is a password field, so no password manager offers to save one', async ({ page, connect }) => {
  await connect.open();
  const methods = ['Access key (AK/SK)', 'Password', 'Token'] as const;
  const secretsOf = {
    'Access key (AK/SK)': ['Secret access key (SK)'],
    Password: ['Password', 'MFA code (optional)'],
    Token: ['Token'],
  };
  for (const method of methods) {
    await page.getByRole('radio', { name: method }).check();
    // Chrome's password manager takes a form for a login by its password inputs: there are none.
    await expect(page.locator('input[type=password]')).toHaveCount(0);
    await expect(page.locator('form input[type=password]')).toHaveCount(0);
    for (const label of secretsOf[method]) {
      const input = page.getByLabel(label, { exact: true });
      await expect(input).toHaveAttribute('type', 'text');
      await expect(input).toHaveAttribute('data-secret', 'true');
      await expect(input).not.toHaveAttribute('name', /.*/);
      await expect(input).toHaveAttribute('spellcheck', 'false');
      const masked = await input.evaluate((e) => getComputedStyle(e).getPropertyValue('-webkit-text-security'));
      expect(masked, `${label} is masked`).toBe('disc');
    }
    // No field asks for a login's autofill or saving: no username, no password tokens.
    const hints = await page
      .locator('form input')
      .evaluateAll((inputs) => inputs.map((i) => `${i.id}=${i.getAttribute('autocomplete')}`));
    for (const hint of hints) {
      expect(hint, 'autocomplete').toMatch(/=(off|one-time-code)$/);
    }
  }
  await expect(page.getByLabel('MFA code (optional)')).toHaveCount(0);
  await page.getByRole('radio', { name: 'Password' }).check();
  await expect(page.getByLabel('MFA code (optional)')).toHaveAttribute('autocomplete', 'one-time-code');
  await expect(page.getByLabel('Password', { exact: true })).toHaveAttribute('autocomplete', 'off');
});

test('a masked secret cannot be copied out of its field', async ({ page, context, connect, stack }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: stack.url });
  await connect.open();
  await connect.enterAccessKey(stack.account.admin);
  await page.evaluate(() => navigator.clipboard.writeText('before'));
  await connect.secretAccessKey.focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+C');
  await page.keyboard.press('ControlOrMeta+X');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('before');
  await expect(connect.secretAccessKey).toHaveValue(stack.account.admin.sk);
});

test('a hostile Date answer neither crashes the app nor moves signatures by more than a day', async ({
  page,
  connect,
  consoleLog,
  stack,
}) => {
  const signedAt: number[] = [];
  page.on('request', (request: Request) => {
    const date = request.headers()['x-sdk-date'];
    if (date) signedAt.push(sdkDateMs(date) - Date.now());
  });
  // Every answer of the proxy says it is the last second of year 262142: this used to panic
  // ("DateTime + TimeDelta overflowed") on the next signature and leave a dead page.
  await page.route(
    (url) => url.origin === stack.proxyUrl,
    async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), date: END_OF_TIME } });
    },
  );
  await page.clock.install();
  await connect.open();
  await connect.enterAccessKey(stack.account.admin);
  await connect.testConnection();
  await expect(connect.alert).not.toBeEmpty();
  // A moment later the old offset reached past the end of time: the next signature panicked
  // and the page was dead, so this second test never sent a request.
  await page.clock.fastForward('00:02');
  const signedAgain = page.waitForRequest((r) => !!r.headers()['x-sdk-date'], { timeout: 10_000 });
  await connect.testConnection();
  await signedAgain;
  await expect(connect.alert).not.toBeEmpty();
  await expect(page.getByTestId('panic-reload')).toHaveCount(0);
  expect(consoleLog.filter((line) => /panicked|unreachable|RuntimeError/.test(line))).toEqual([]);
  expect(signedAt.length).toBeGreaterThan(1);
  for (const offset of signedAt) {
    expect(Math.abs(offset), 'signed within a day of the browser clock').toBeLessThanOrEqual(DAY_MS + 60_000);
  }

  // Once the answers are sane again, the same page signs in: nothing was left broken.
  await page.unrouteAll({ behavior: 'wait' });
  await connect.signIn();
  await expect(page).toHaveURL(/\/credentials/);
});

test('the built site runs under its Content-Security-Policy, which refuses what the app does not need', async ({
  page,
  connect,
  consoleLog,
}) => {
  await recordCspViolations(page);
  await connect.signInAsAdmin();
  const policy = await page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute('content');
  expect(policy).toContain("default-src 'none'");
  expect(policy).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/]+=*'/);
  expect(policy).not.toContain('unsafe-inline');
  expect(policy).not.toMatch(/'unsafe-eval'/);
  expect(policy).not.toContain('nonce-');
  expect(policy).toContain("connect-src 'self' https: http://127.0.0.1:* http://localhost:*");
  expect(await cspViolations(page)).toEqual([]);
  expect(consoleLog.filter((line) => /Content Security Policy/i.test(line))).toEqual([]);

  // An injected inline script does not run, and no plain-http origin beyond the loopback names
  // (127.0.0.2 is loopback too, but not a name the policy allows) can be reached.
  const ran = await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__injected = true';
    document.head.append(script);
    return (window as unknown as { __injected?: boolean }).__injected ?? false;
  });
  expect(ran).toBe(false);
  const fetched = await page.evaluate(() =>
    fetch('http://127.0.0.2:9/steal', { mode: 'no-cors' }).then(
      () => 'sent',
      (e: unknown) => `refused: ${e}`,
    ),
  );
  expect(fetched).toMatch(/^refused/);
  // Each policy in force (the page's meta and the host's header) reports its own refusal.
  await expect
    .poll(async () => [...new Set(await cspViolations(page))])
    .toEqual(['script-src-elem inline', 'connect-src http://127.0.0.2:9/steal']);
});

test('the Connect page says where credentials go, and warns when the proxy is not the site’s', async ({
  page,
  connect,
  settings,
  stack,
}) => {
  await connect.open();
  const target = page.getByTestId('connect-target');
  await expect(target).toContainText(`through the proxy ${stack.proxyUrl}, which forwards it to IAM at ${stack.account.endpoint}`);
  await expect(page.getByTestId('connect-proxy-warning')).toHaveCount(0);

  await settings.open();
  await settings.save({ proxyUrl: 'http://proxy.example.com' });
  await expect(settings.proxyUrlError).toContainText('The proxy URL must start with https://');
  expect(await settings.stored()).toBeNull();

  await settings.save({ proxyUrl: 'https://proxy.example.com' });
  await expect(settings.status).toContainText('saved', { ignoreCase: true });
  await page.getByRole('banner').getByRole('link', { name: 'Connect' }).click();
  await expect(target).toContainText('through the proxy https://proxy.example.com');
  const warning = page.getByTestId('connect-proxy-warning');
  await expect(warning).toContainText(`This is not the proxy of this site's configuration (${stack.proxyUrl})`);
  await expect(warning.getByRole('link', { name: 'Review the proxy in Settings' })).toBeVisible();
});

test('a copied secret key leaves the clipboard a minute later', async ({ page, context, connect, credentials, demo, stack }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: stack.url });
  await page.clock.install();
  await connect.signInAsAdmin();
  await credentials.loaded(demo.keys.length);
  const created = await credentials.createKey(demo.userWithoutKeys.name, 'clipboard test');
  await created.dialog.root.getByRole('button', { name: 'Copy' }).click();
  await expect(created.dialog.root.getByRole('status')).toHaveText(
    'Copied. Keyturn empties the clipboard in a minute if this page still has the focus.',
  );
  const clipboard = () => page.evaluate(() => navigator.clipboard.readText());
  expect(await clipboard()).toContain(created.sk);

  await page.clock.fastForward('00:50');
  expect(await clipboard()).toContain(created.sk);
  await page.clock.fastForward('00:11');
  await expect.poll(clipboard).toBe('');
});
