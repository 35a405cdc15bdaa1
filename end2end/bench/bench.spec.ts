import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { expect, test, type Page } from '@playwright/test';
import { ConnectPage } from '../pages/connect';
import { CONTROL_HEADERS } from '../fixtures/emulator';
import { Secrets } from '../fixtures/secrets';
import { serveDir, startStack, type Stack } from '../fixtures/stack';
import {
  firstVisit, longestInputDelay, median, recordInputDelays, startUp, updateTime, type Transfer,
} from './measure';

/**
 * `cargo xtask bench`: each figure of Keyturn beside its reference measured in the same run,
 * written to KEYTURN_BENCH_OUT as JSON and printed as a Markdown table. With
 * KEYTURN_BENCH_SIZE=smoke (`cargo xtask test`), tiny sizes and no goals: the bench cannot rot.
 */
const SMOKE = process.env.KEYTURN_BENCH_SIZE === 'smoke';
const SIZE = SMOKE
  ? { users: 12, tableUsers: [12, 24], runs: 1, latencyMs: 5, concurrency: 6 }
  : { users: 1000, tableUsers: [1035, 4140], runs: 7, latencyMs: 50, concurrency: 6 };

interface Figure {
  figure: string;
  keyturn: number;
  reference: number;
  unit: string;
  /** Keyturn / reference. */
  ratio: number;
  goal: string;
  met: boolean | null;
}

const figures: Figure[] = [];

/** Records a figure; `met` judges its ratio against the goal (`null`: a figure without a goal). */
function record(figure: string, keyturn: number, reference: number, unit: string, goal: string, met: ((ratio: number) => boolean) | null) {
  const ratio = keyturn / reference;
  figures.push({ figure, keyturn, reference, unit, ratio, goal, met: SMOKE || !met ? null : met(ratio) });
}

test.describe.configure({ mode: 'serial' });

test.afterAll(() => {
  const rows = figures.map((f) => {
    const met = f.met === null ? '–' : f.met ? 'yes' : 'no';
    return `| ${f.figure} | ${round(f.keyturn)} ${f.unit} | ${round(f.reference)} ${f.unit} | ${f.ratio.toFixed(2)} | ${f.goal} | ${met} |`;
  });
  const table = ['| figure | Keyturn | reference | ratio | goal | met? |', '|---|---|---|---|---|---|', ...rows].join('\n');
  console.log(`\n${table}\n`);
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB`;
  const out = process.env.KEYTURN_BENCH_OUT;
  if (out) {
    writeFileSync(out, `${JSON.stringify({ size: SMOKE ? 'smoke' : 'full', machine, date: new Date().toISOString(), figures, table }, null, 2)}\n`);
  }
});

function round(value: number): string {
  return value >= 100 ? Math.round(value).toLocaleString('en') : value.toFixed(1);
}

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run \`cargo xtask bench\``);
  return value;
}

/** The interactive Connect page: the sign-in button is there and enabled. */
const CONNECT_READY = 'form.connect-form button[type=submit]:not([disabled])';
/** The minimal app's routed page, with its fetched document shown. */
const MINIMAL_READY = '#ready';

test('first-load size', async ({ browser }) => {
  const keyturn = await serveDir(env('KEYTURN_DIST'));
  const minimal = await serveDir(env('KEYTURN_MINIMAL_DIST'));
  try {
    const sizes = async (url: string, ready: string): Promise<Transfer> => {
      const context = await browser.newContext();
      const transfer = await firstVisit(await context.newPage(), url, ready);
      await context.close();
      return transfer;
    };
    const ours = await sizes(`${keyturn.url}/connect`, CONNECT_READY);
    const theirs = await sizes(`${minimal.url}/`, MINIMAL_READY);
    record('first load, raw', ours.raw / 1024, theirs.raw / 1024, 'KiB', '–', null);
    record('first load, gzip', ours.gzip / 1024, theirs.gzip / 1024, 'KiB', '–', null);
    record('first load, brotli', ours.brotli / 1024, theirs.brotli / 1024, 'KiB', '≤ 2 ×', (r) => r <= 2);
  } finally {
    keyturn.stop();
    minimal.stop();
  }
});

test('start-up', async ({ browser }) => {
  const keyturn = await serveDir(env('KEYTURN_DIST'));
  const minimal = await serveDir(env('KEYTURN_MINIMAL_DIST'));
  try {
    const times = async (url: string, ready: string) => {
      const runs: number[] = [];
      for (let i = 0; i < SIZE.runs; i++) {
        const context = await browser.newContext();
        runs.push(await startUp(await context.newPage(), url, ready));
        await context.close();
      }
      return median(runs);
    };
    const ours = await times(`${keyturn.url}/connect`, CONNECT_READY);
    const theirs = await times(`${minimal.url}/`, MINIMAL_READY);
    record('start-up to an interactive page (median)', ours, theirs, 'ms', '≤ 1.5 ×', (r) => r <= 1.5);
  } finally {
    keyturn.stop();
    minimal.stop();
  }
});

interface State {
  users: unknown[];
  credentials: unknown[];
}

async function emulatorState(stack: Stack): Promise<State> {
  const answer = await fetch(`${stack.account.endpoint}/__emulator/state`, { headers: CONTROL_HEADERS });
  return (await answer.json()) as State;
}

/** Signs in as the administrator and waits until every key is in the table, its last use included. */
async function auditTime(page: Page, stack: Stack, keys: number, typeWhileLoading: boolean): Promise<number> {
  const connect = new ConnectPage(page, stack, new Secrets());
  await connect.open();
  await connect.enterAccessKey(stack.account.admin);
  const started = Date.now();
  await connect.signIn();
  let loading = true;
  const typing = (async () => {
    while (typeWhileLoading && loading) {
      const search = page.locator('#filter-search');
      if (await search.isVisible().catch(() => false)) {
        await search.press('x').catch(() => {});
        await search.press('Backspace').catch(() => {});
      }
      await page.waitForTimeout(250);
    }
  })();
  await page.waitForFunction(
    (expected) => {
      const total = document.querySelector('[data-testid=summary-keys] .summary-value, [data-testid=summary-keys]');
      const count = Number((total?.textContent ?? '').replace(/\D/g, ''));
      return !document.querySelector('.key-progress') && count === expected;
    },
    keys,
    { polling: 100, timeout: 20 * 60_000 },
  );
  const elapsed = Date.now() - started;
  loading = false;
  await typing;
  return elapsed;
}

test('account audit', async ({ browser }) => {
  const audit = async (concurrency: number, typeWhileLoading: boolean) => {
    const stack = await startStack({
      seed: 'empty',
      emulatorArgs: ['--users', String(SIZE.users), '--latency-ms', String(SIZE.latencyMs)],
      config: { concurrency },
    });
    try {
      const state = await emulatorState(stack);
      const context = await browser.newContext();
      const page = await context.newPage();
      await recordInputDelays(page);
      const time = await auditTime(page, stack, state.credentials.length, typeWhileLoading);
      const inputDelay = await longestInputDelay(page);
      await context.close();
      return { time, inputDelay, users: state.users.length, keys: state.credentials.length };
    } finally {
      stack.stop();
    }
  };
  const parallel = await audit(SIZE.concurrency, true);
  // Sign-in: domains, own key, own user, then the user list twice (administrator check, table).
  const sequentialSteps = 5;
  const tableRequests = parallel.users + parallel.keys;
  const bound = (sequentialSteps + Math.ceil(tableRequests / SIZE.concurrency)) * SIZE.latencyMs;
  const label = `${parallel.users} users, ${parallel.keys} keys, ${SIZE.latencyMs} ms latency`;
  record(`audit at concurrency ${SIZE.concurrency} (${label}) vs the network's bound`, parallel.time, bound, 'ms', '≤ 1.2 ×', (r) => r <= 1.2);
  const sequential = await audit(1, false);
  record(`audit at concurrency ${SIZE.concurrency} vs one request at a time`, parallel.time, sequential.time, 'ms', '≤ 1/6 ×', (r) => r <= 1 / 6);
  record('longest input delay while the audit loads', parallel.inputDelay, 100, 'ms', '≤ 1 ×', (r) => r <= 1);
});

/** In-page code for each table operation; run twice in a row it changes the view and back. */
const OPERATIONS: Record<string, string> = {
  sort: `[...document.querySelectorAll('button.sort-button')].find((b) => b.textContent.includes('Age')).click();`,
  filter: `const s = document.getElementById('filter-status');
    s.value = s.value ? '' : 'inactive';
    s.dispatchEvent(new Event('change', { bubbles: true }));`,
  search: `const i = document.getElementById('filter-search');
    i.value = i.value ? '' : 'user-1';
    i.dispatchEvent(new InputEvent('input', { bubbles: true }));`,
  select: `const all = [...document.querySelectorAll('.key-selection button')][0];
    if (all) all.click(); else document.querySelector('.key-table button.user-name').click();`,
};

async function tableTimes(browser: import('@playwright/test').Browser, users: number) {
  const stack = await startStack({ seed: 'empty', emulatorArgs: ['--users', String(users)] });
  try {
    const state = await emulatorState(stack);
    const context = await browser.newContext();
    const page = await context.newPage();
    await auditTime(page, stack, state.credentials.length, false);
    const times: Record<string, number> = {};
    for (const [name, code] of Object.entries(OPERATIONS)) {
      const runs: number[] = [];
      for (let i = 0; i < SIZE.runs * 2; i++) runs.push(await updateTime(page, code));
      times[name] = median(runs);
    }
    await context.close();
    return { keys: state.credentials.length, times };
  } finally {
    stack.stop();
  }
}

test('table at scale', async ({ browser }) => {
  const [smallUsers, bigUsers] = SIZE.tableUsers as [number, number];
  const small = await tableTimes(browser, smallUsers);
  const big = await tableTimes(browser, bigUsers);
  for (const name of Object.keys(OPERATIONS)) {
    const at = big.times[name]!;
    record(`${name} at ${big.keys} keys`, at, 100, 'ms', '≤ 1 × (100 ms)', (r) => r <= 1);
    record(`${name}: ${big.keys} keys vs ${small.keys}`, at, small.times[name]!, 'ms', '≤ 4.5 ×', (r) => r <= 4.5);
  }
  expect(figures.length).toBeGreaterThan(0);
});

/** Waits until the KMS page has read every status: no progress bar, `keys` keys counted. */
async function kmsLoaded(page: Page, keys: number) {
  await page.waitForFunction(
    (expected) => {
      const count = Number(document.querySelector('[data-testid=kms-count-keys] dd')?.textContent ?? '');
      return !document.querySelector('.key-progress') && count === expected;
    },
    keys,
    { polling: 100, timeout: 20 * 60_000 },
  );
}

test('KMS page at the request rate', async ({ browser }) => {
  const keys = SMOKE ? 20 : 1200;
  const rate = 15;
  const stack = await startStack({
    seed: 'empty',
    emulatorArgs: ['--kms-keys', String(keys), '--kms-rate-limit', '20'],
    config: { kms_requests_per_second: rate },
  });
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    const connect = new ConnectPage(page, stack, new Secrets());
    await connect.signInAsAdmin();
    let started = Date.now();
    await page.getByRole('link', { name: 'KMS keys' }).click();
    await kmsLoaded(page, keys);
    const loadTime = Date.now() - started;
    const count = async (name: string) => Number(await page.locator(`[data-testid=kms-count-${name}] dd`).textContent());
    const statusReads = keys - (await count('not-rotatable'));
    // One list page, then one status read per key that can rotate, each in its own slot.
    record(`KMS load of ${keys} keys (${statusReads} status reads) at ${rate} requests/s vs the rate's bound`, loadTime, ((statusReads + 1) / rate) * 1000, 'ms', '≤ 1.2 ×', (r) => r <= 1.2);
    await page.getByRole('checkbox', { name: /^Select all \d+ keys shown$/ }).check();
    await page.getByRole('button', { name: 'Change rotation…' }).click();
    await page.getByLabel('Turn on').check();
    await page.getByLabel('Set the interval').check();
    await page.getByLabel('Rotation interval (days)').fill('90');
    await page.getByRole('button', { name: 'Preview' }).click();
    const planned = (await page.getByRole('status').filter({ hasText: 'left alone' }).textContent()) ?? '';
    const [changed, writes] = (planned.match(/\d+/g) ?? []).map(Number) as [number, number];
    started = Date.now();
    await page.getByRole('button', { name: /^Apply to \d+ keys?$/ }).click();
    await expect(page.getByRole('button', { name: 'Close' })).toBeEnabled({ timeout: 20 * 60_000 });
    expect(await page.locator('[data-testid=kms-bulk-results] tr[data-result=done]').count()).toBe(changed);
    record(`KMS bulk change of ${changed} keys (${writes} writes) at ${rate} requests/s vs the rate's bound`, Date.now() - started, (writes / rate) * 1000, 'ms', '≤ 1.2 ×', (r) => r <= 1.2);
    await context.close();
  } finally {
    stack.stop();
  }
});
