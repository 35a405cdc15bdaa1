import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import type { Page } from '@playwright/test';

/** Bytes of one first visit, raw and compressed as a static host would serve them. */
export interface Transfer {
  raw: number;
  gzip: number;
  brotli: number;
}

/** Loads `url` in a fresh page and sums every same-origin response body (HTML, JS, wasm, CSS, JSON, icon). */
export async function firstVisit(page: Page, url: string, ready: string): Promise<Transfer> {
  const bodies: Promise<Buffer>[] = [];
  const origin = new URL(url).origin;
  page.on('response', (response) => {
    if (new URL(response.url()).origin === origin && response.status() === 200) {
      bodies.push(response.body().catch(() => Buffer.alloc(0)));
    }
  });
  await page.goto(url);
  await page.waitForSelector(ready);
  const total: Transfer = { raw: 0, gzip: 0, brotli: 0 };
  for (const body of await Promise.all(bodies)) {
    total.raw += body.length;
    total.gzip += gzipSync(body, { level: 9 }).length;
    total.brotli += brotliCompressSync(body, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
    }).length;
  }
  return total;
}

/** Milliseconds from navigation start until `ready` matches, read in the page. */
export async function startUp(page: Page, url: string, ready: string): Promise<number> {
  await page.goto(url, { waitUntil: 'commit' });
  const handle = await page.waitForFunction(
    (selector) => (document.querySelector(selector) ? performance.now() : null),
    ready,
    { polling: 'raf', timeout: 60_000 },
  );
  return (await handle.jsonValue()) as number;
}

/**
 * Milliseconds from `act` (run in the page) until the app has rendered its answer and the
 * browser has laid it out: the update's own cost, without waiting for the display's next frame.
 */
export async function updateTime(page: Page, act: string): Promise<number> {
  return page.evaluate(async (code) => {
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const start = performance.now();
    new Function(code)();
    // Yew renders in tasks queued by the event; a zero timeout runs after them.
    await new Promise((resolve) => setTimeout(resolve, 0));
    document.body.getBoundingClientRect();
    return performance.now() - start;
  }, act);
}

/** Starts recording how long input events take to show (Event Timing), from the next navigation on. */
export async function recordInputDelays(page: Page) {
  await page.addInitScript(() => {
    const delays: number[] = [];
    (window as unknown as { inputDelays: number[] }).inputDelays = delays;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (['keydown', 'keypress', 'keyup', 'input', 'beforeinput'].includes(entry.name)) {
          delays.push(entry.duration);
        }
      }
    }).observe({ type: 'event', durationThreshold: 16, buffered: true } as PerformanceObserverInit);
  });
}

/** The longest input delay recorded so far (0 when every input showed within 16 ms). */
export async function longestInputDelay(page: Page): Promise<number> {
  return page.evaluate(() => Math.max(0, ...(window as unknown as { inputDelays: number[] }).inputDelays));
}

/** The median of `values`. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
