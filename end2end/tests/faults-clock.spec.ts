import type { Page } from '@playwright/test';
import { test, expect } from '../fixtures/test';

// The computer's clock is 20 minutes off: more than the API gateway's 15 minutes, so a request
// signed at the browser's time is refused. The app learns the server's offset from the `Date`
// of its answers and signs again at the server's time: signing in with an access key, loading
// the table and a write all work.

const SKEW_MS = 20 * 60_000;

/** Answers 401 from the API proxy from now on: requests refused for the time they were signed at. */
function refusedSignatures(page: Page, proxyUrl: string): { readonly count: number } {
  let count = 0;
  page.on('response', (response) => {
    if (new URL(response.url()).origin === proxyUrl && response.status() === 401) count += 1;
  });
  return {
    get count() {
      return count;
    },
  };
}

/** The page's clock, less the journey's: how far off the browser's `Date` is. */
async function pageClockOffset(page: Page): Promise<number> {
  const before = Date.now();
  const seen = await page.evaluate(() => Date.now());
  return seen - (before + Date.now()) / 2;
}

test('a browser clock 20 minutes ahead: sign-in, the table and a new key all work', async ({
  page, connect, credentials, emulator, demo, stack,
}) => {
  // Playwright's clock: starts 20 minutes ahead, then runs as time does.
  await page.clock.install({ time: Date.now() + SKEW_MS });
  await connect.open();
  expect(Math.abs((await pageClockOffset(page)) - SKEW_MS)).toBeLessThan(60_000);

  const refused = refusedSignatures(page, stack.proxyUrl);
  await connect.signInAsAdmin();
  await credentials.loaded(demo.keys.length);
  const user = demo.userWithoutKeys.name;
  const created = await credentials.createKey(user, 'signed off a skewed clock');
  await created.dialog.confirmSaved();
  await created.dialog.close();
  expect((await emulator.keysOf(user)).map((k) => k.access)).toEqual([created.ak]);
  // Only the first signed request met the gateway's refusal; every later one was signed right.
  expect(refused.count).toBe(1);
});

test('a browser clock 20 minutes behind: sign-in and the table work', async ({ page, connect, credentials, demo, stack }) => {
  // Every `Date` of the page, from its first script on, 20 minutes behind.
  await page.addInitScript((skew) => {
    const RealDate = Date;
    class SkewedDate extends RealDate {
      constructor(...args: unknown[]) {
        if (args.length === 0) super(RealDate.now() - skew);
        else super(...(args as [string | number]));
      }
      static override now() {
        return RealDate.now() - skew;
      }
    }
    globalThis.Date = SkewedDate as DateConstructor;
  }, SKEW_MS);
  await connect.open();
  expect(Math.abs((await pageClockOffset(page)) + SKEW_MS)).toBeLessThan(60_000);

  // The first signed request is refused for its time; the app signs it again at the server's.
  const refused = refusedSignatures(page, stack.proxyUrl);
  await connect.signInAsAdmin();
  await credentials.loaded(demo.keys.length);
  expect(refused.count).toBe(1);
});
