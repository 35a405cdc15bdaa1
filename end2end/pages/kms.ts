import { expect, type Locator, type Page, type Request } from '@playwright/test';
import type { KmsCounts, KmsKeyState, NotRotatable, RotationSetting } from '../fixtures/kms';
import { AppShell, type Language } from './app';
import { downloadBy, type DownloadedFile } from './download';

/** What the KMS page says, in each language the app speaks (src/i18n/kms.rs). */
interface KmsWords {
  title: string;
  region: string;
  loading: string;
  table: string;
  filters: string;
  rotation: string;
  state: string;
  search: string;
  notRotatableOnly: string;
  yes: string;
  on: string;
  off: string;
  states: Record<KmsKeyState, string>;
  reasons: Record<NotRotatable, string>;
  enable: (alias: string) => string;
  changeInterval: (alias: string) => string;
  disable: (alias: string) => string;
  retryStatus: (alias: string) => string;
  select: (alias: string) => string;
  selectAllShown: RegExp;
  intervalLabel: string;
}

const WORDS: Record<Language, KmsWords> = {
  en: {
    title: 'KMS keys',
    region: 'Region',
    loading: 'Loading KMS keys',
    table: 'KMS keys',
    filters: 'Filters',
    rotation: 'Rotation',
    state: 'State',
    search: 'Search alias or key ID',
    notRotatableOnly: 'Only keys that cannot rotate',
    yes: 'Yes',
    on: 'On',
    off: 'Off',
    states: {
      enabled: 'Enabled',
      disabled: 'Disabled',
      pending_activation: 'Pending activation',
      pending_import: 'Pending import',
      pending_deletion: 'Pending deletion',
    },
    reasons: {
      default_key: 'No: default master key',
      external: 'No: imported key material',
      asymmetric: 'No: asymmetric key',
      disabled: 'No: key disabled',
      pending_deletion: 'No: pending deletion',
      pending_import: 'No: pending import',
      pending_activation: 'No: pending activation',
    },
    enable: (alias) => `Enable rotation of ${alias}`,
    changeInterval: (alias) => `Change the rotation interval of ${alias}`,
    disable: (alias) => `Disable rotation of ${alias}`,
    retryStatus: (alias) => `Retry reading the rotation of ${alias}`,
    select: (alias) => `Select ${alias}`,
    selectAllShown: /^Select all \d+ keys? shown$/,
    intervalLabel: 'Rotation interval (days)',
  },
  'zh-CN': {
    title: 'KMS 密钥',
    region: '区域',
    loading: '正在加载 KMS 密钥',
    table: 'KMS 密钥',
    filters: '筛选',
    rotation: '轮换',
    state: '状态',
    search: '搜索别名或密钥 ID',
    notRotatableOnly: '仅显示不可轮换的密钥',
    yes: '可以',
    on: '已开启',
    off: '未开启',
    states: {
      enabled: '启用',
      disabled: '禁用',
      pending_activation: '待激活',
      pending_import: '等待导入',
      pending_deletion: '计划删除',
    },
    reasons: {
      default_key: '否：默认主密钥',
      external: '否：外部导入的密钥材料',
      asymmetric: '否：非对称密钥',
      disabled: '否：密钥已禁用',
      pending_deletion: '否：计划删除',
      pending_import: '否：等待导入',
      pending_activation: '否：待激活',
    },
    enable: (alias) => `开启 ${alias} 的轮换`,
    changeInterval: (alias) => `修改 ${alias} 的轮换周期`,
    disable: (alias) => `关闭 ${alias} 的轮换`,
    retryStatus: (alias) => `重新读取 ${alias} 的轮换状态`,
    select: (alias) => `选择 ${alias}`,
    selectAllShown: /^选择显示的全部 \d+ 个密钥$/,
    intervalLabel: '轮换周期（天）',
  },
};

/** A cell of a key row, by its `data-col`. */
export type KmsColumn =
  | 'alias'
  | 'id'
  | 'spec'
  | 'usage'
  | 'state'
  | 'origin'
  | 'default'
  | 'created'
  | 'rotation'
  | 'interval'
  | 'last-rotation'
  | 'rotations'
  | 'rotatable';

/** The filter of the rotation select, by its option value. */
export type RotationFilter = 'on' | 'off' | '';

/** A KMS operation the page calls (`POST /v1.0/{project_id}/kms/<operation>`). */
export type KmsOperation =
  | 'list-keys'
  | 'describe-key'
  | 'get-key-rotation-status'
  | 'enable-key-rotation'
  | 'disable-key-rotation'
  | 'update-key-rotation-interval';

/** The rotation writes. */
export const WRITES: readonly KmsOperation[] = [
  'enable-key-rotation',
  'disable-key-rotation',
  'update-key-rotation-interval',
];

/** One KMS call the browser sent, and how it was answered. */
export interface KmsCall {
  operation: KmsOperation;
  /** The project in the path. */
  projectId: string;
  /** The body's `key_id`, when it has one. */
  keyId?: string | undefined;
  /** The body's `rotation_interval`, when it has one. */
  interval?: number | undefined;
  /** When the browser sent it (ms since 1970, as the journey's clock reads it). */
  at: number;
  /** How the call authenticated: an IAM token (`X-Auth-Token`) or an AK/SK signature. */
  auth: 'token' | 'signature' | 'none';
  /** The HTTP status, once answered; 0 for no answer. */
  status?: number;
  /** The service's error code of a refusal (`KMS.0313`, `APIGW.0308`…). */
  errorCode?: string | undefined;
}

const KMS_PATH = /\/v1\.0\/([^/]+)\/kms\/([a-z-]+)$/;

/**
 * Every KMS call the page sends (preflights aside), recorded from the browser's own requests:
 * what the console asked KMS, in order, and what KMS answered. Bodies are read for `key_id` and
 * `rotation_interval` only; headers only for which kind of authentication they carry.
 */
export class KmsCalls {
  readonly sent: KmsCall[] = [];
  private readonly answering = new Set<Promise<void>>();

  constructor(page: Page) {
    page.on('request', (request) => this.record(request));
  }

  /** Waits until every call sent so far has its answer recorded. */
  async settled(): Promise<KmsCall[]> {
    while (this.answering.size) await Promise.all([...this.answering]);
    return this.sent;
  }

  /** The rotation writes sent so far (enable, disable, interval), in order. */
  writes(keyId?: string): KmsCall[] {
    return this.sent.filter((c) => WRITES.includes(c.operation) && (keyId === undefined || c.keyId === keyId));
  }

  /** The calls of one operation sent so far. */
  of(operation: KmsOperation): KmsCall[] {
    return this.sent.filter((c) => c.operation === operation);
  }

  private record(request: Request) {
    const match = KMS_PATH.exec(new URL(request.url()).pathname);
    if (!match || request.method() !== 'POST') return;
    let body: { key_id?: string; rotation_interval?: number } = {};
    try {
      body = (request.postDataJSON() as typeof body) ?? {};
    } catch {
      // A body that is not JSON has no key id to record.
    }
    const headers = request.headers();
    const call: KmsCall = {
      operation: match[2] as KmsOperation,
      projectId: match[1] ?? '',
      keyId: body.key_id,
      interval: body.rotation_interval,
      at: Date.now(),
      auth: headers['x-auth-token'] ? 'token' : headers['authorization']?.startsWith('SDK-HMAC') ? 'signature' : 'none',
    };
    this.sent.push(call);
    const answered = this.answer(request, call).finally(() => this.answering.delete(answered));
    this.answering.add(answered);
  }

  private async answer(request: Request, call: KmsCall) {
    const response = await request.response().catch(() => null);
    call.status = response?.status() ?? 0;
    if (response && call.status >= 400) {
      const body = (await response.json().catch(() => ({}))) as {
        error_code?: string;
        error?: { error_code?: string };
      };
      call.errorCode = body.error?.error_code ?? body.error_code;
    }
  }
}

/** The interval dialog: enabling rotation at an interval, or changing a rotating key's interval. */
export class KmsIntervalDialog {
  readonly root: Locator;
  readonly interval: Locator;
  /** The line under the field saying why the value is refused. */
  readonly error: Locator;

  constructor(
    page: Page,
    /** The dialog's title: "Enable rotation of …" or "Rotation interval of …". */
    title: string,
    /** "Enable rotation" or "Save interval". */
    private readonly submitText: string,
    words: KmsWords,
  ) {
    this.root = page.getByRole('dialog', { name: title, exact: true });
    this.interval = this.root.getByLabel(words.intervalLabel, { exact: true });
    this.error = this.root.locator('#kms-interval-error');
  }

  get submitButton(): Locator {
    return this.root.getByRole('button', { name: this.submitText, exact: true });
  }

  /** Types `days` (any text) and presses the submit button. */
  async submit(days: string) {
    await this.interval.fill(days);
    await this.submitButton.click();
  }

  async cancel() {
    await this.root.getByRole('button', { name: 'Cancel', exact: true }).click();
  }
}

/** The confirmation before a key's rotation is turned off. */
export class KmsDisableDialog {
  readonly root: Locator;

  constructor(page: Page, alias: string) {
    this.root = page.getByRole('dialog', { name: `Disable rotation of ${alias}`, exact: true });
  }

  async confirm() {
    await this.root.getByRole('button', { name: 'Disable rotation', exact: true }).click();
  }

  async cancel() {
    await this.root.getByRole('button', { name: 'Cancel', exact: true }).click();
  }
}

/** What the bulk dialog's "Rotation" radios offer. */
export type BulkRotation = 'keep' | 'on' | 'off';
const BULK_ROTATION: Record<BulkRotation, string> = { keep: 'Leave as it is', on: 'Turn on', off: 'Turn off' };

/** How the bulk preview says a key's rotation: "Off" or "On, every N days". */
export function rotationText({ enabled, days }: RotationSetting): string {
  return enabled ? `On, every ${days} days` : 'Off';
}

/** How the bulk preview says why a selected key is left alone. */
export function skipText(why: NotRotatable | 'nothing-to-change'): string {
  return why === 'nothing-to-change' ? 'already as asked' : `cannot rotate (${WORDS.en.reasons[why]})`;
}

/** The bulk change dialog: choose, preview, apply, watch the results, retry the failures. */
export class KmsBulkDialog {
  readonly root: Locator;
  readonly preview: Locator;
  /** "Keys that change": one row per key (`data-key-id`), cells `current`, `new`, `writes`. */
  readonly plannedRows: Locator;
  /** The keys left alone, each `li[data-key-id]` with its alias and why. */
  readonly skipped: Locator;
  readonly results: Locator;
  /** One row per key of the run, `data-result` pending, running, done or failed. */
  readonly resultRows: Locator;
  readonly progress: Locator;
  readonly retryFailedButton: Locator;
  readonly closeButton: Locator;

  constructor(page: Page) {
    this.root = page.getByRole('dialog', { name: /^Change the rotation of \d+ keys?$/ });
    this.preview = this.root.getByTestId('kms-bulk-preview');
    this.plannedRows = this.preview.getByRole('table', { name: 'Keys that change' }).locator('tr[data-key-id]');
    this.skipped = this.preview.getByTestId('kms-bulk-skipped').locator('li[data-key-id]');
    this.results = this.root.getByTestId('kms-bulk-results');
    this.resultRows = this.results.locator('tr[data-key-id][data-result]');
    this.progress = this.results.getByRole('progressbar', { name: 'Changing rotation' });
    this.retryFailedButton = this.root.getByRole('button', { name: /^Retry failed \(\d+\)$/ });
    this.closeButton = this.root.getByRole('button', { name: 'Close', exact: true });
  }

  plannedRow(keyId: string): Locator {
    return this.preview.locator(`tr[data-key-id="${keyId}"]`);
  }

  plannedCell(keyId: string, col: 'current' | 'new' | 'writes'): Locator {
    return this.plannedRow(keyId).locator(`td[data-col="${col}"]`);
  }

  skippedKey(keyId: string): Locator {
    return this.preview.locator(`li[data-key-id="${keyId}"]`);
  }

  /** What the preview plans, row by row: the key, its rotation now and after, and its writes. */
  async plan(): Promise<{ keyId: string; current: string; new: string; writes: number }[]> {
    return this.plannedRows.evaluateAll((rows) =>
      rows.map((row) => {
        const cell = (col: string) => row.querySelector(`td[data-col="${col}"]`)?.textContent?.trim() ?? '';
        return { keyId: row.getAttribute('data-key-id') ?? '', current: cell('current'), new: cell('new'), writes: Number(cell('writes')) };
      }),
    );
  }

  /** What the preview leaves alone: each key and the line saying so ("alias: why"). */
  async leftAlone(): Promise<{ keyId: string; text: string }[]> {
    return this.skipped.evaluateAll((items) =>
      items.map((item) => ({ keyId: item.getAttribute('data-key-id') ?? '', text: item.textContent?.trim() ?? '' })),
    );
  }

  /** The keys of the run whose result is `result`. */
  withResult(result: 'pending' | 'running' | 'done' | 'failed'): Locator {
    return this.results.locator(`tr[data-key-id][data-result="${result}"]`);
  }

  /** Chooses the change and presses "Preview"; `interval` ticks "Set the interval" and types it. */
  async choose(rotation: BulkRotation, interval?: number) {
    await this.root.getByRole('radio', { name: BULK_ROTATION[rotation], exact: true }).check();
    if (interval !== undefined) {
      await this.root.getByRole('checkbox', { name: 'Set the interval', exact: true }).check();
      await this.root.getByLabel('Rotation interval (days)', { exact: true }).fill(String(interval));
    }
    await this.root.getByRole('button', { name: 'Preview', exact: true }).click();
    await expect(this.preview).toBeVisible();
  }

  /** "Apply to N keys" of the preview. */
  get applyButton(): Locator {
    return this.preview.getByRole('button', { name: /^Apply to \d+ keys?$/ });
  }

  async apply() {
    await this.applyButton.click();
    await expect(this.results).toBeVisible();
  }

  async back() {
    await this.preview.getByRole('button', { name: 'Back', exact: true }).click();
  }

  /** Waits until every key of the run is answered ("Close" becomes available). */
  async finished(timeout: number) {
    await expect(this.closeButton).toBeEnabled({ timeout });
  }

  /** Presses "Retry failed (N)" and returns N. */
  async retryFailed(): Promise<number> {
    const name = await this.retryFailedButton.innerText();
    await this.retryFailedButton.click();
    return Number(/\((\d+)\)/.exec(name)![1]);
  }

  async close() {
    await this.closeButton.click();
    await expect(this.root).toHaveCount(0);
  }
}

/**
 * The KMS page (`/kms`): a region's keys and their rotation, the counts, filters and exports, the
 * actions on one key and the bulk change. A key row is found by its alias (`data-alias`) or id
 * (`data-key-id`), a cell by its `data-col`; everything else by role and label. `calls` records
 * every KMS call the page sends from the moment the page object exists.
 */
export class KmsPage {
  readonly heading: Locator;
  readonly region: Locator;
  readonly progress: Locator;
  readonly table: Locator;
  /** The key rows of the page shown. */
  readonly rows: Locator;
  readonly filters: Locator;
  readonly rotationFilter: Locator;
  readonly stateFilter: Locator;
  readonly intervalAbove: Locator;
  readonly intervalBelow: Locator;
  readonly notRotatableOnly: Locator;
  readonly searchBox: Locator;
  readonly selectAllShown: Locator;
  /** "N keys selected" and "Change rotation…". */
  readonly selection: Locator;
  /** Failures (role `alert`, `data-testid="error-notice"`). */
  readonly errors: Locator;
  /** What a signed-out visitor is offered instead of the keys. */
  readonly signInLink: Locator;
  readonly calls: KmsCalls;
  private readonly words: KmsWords;

  constructor(
    private readonly page: Page,
    language: Language = 'en',
    calls?: KmsCalls,
  ) {
    const w = (this.words = WORDS[language]);
    this.heading = page.getByRole('heading', { name: w.title, level: 1 });
    this.region = page.getByLabel(w.region, { exact: true });
    this.progress = page.getByRole('progressbar', { name: w.loading });
    this.table = page.getByRole('table', { name: w.table, exact: true });
    this.rows = this.table.locator('tr[data-key-id]');
    this.filters = page.getByRole('group', { name: w.filters });
    this.rotationFilter = this.filters.getByLabel(w.rotation, { exact: true });
    this.stateFilter = this.filters.getByLabel(w.state, { exact: true });
    this.intervalAbove = this.filters.getByLabel('Interval above (days)');
    this.intervalBelow = this.filters.getByLabel('Interval below (days)');
    this.notRotatableOnly = this.filters.getByLabel(w.notRotatableOnly);
    this.searchBox = this.filters.getByLabel(w.search);
    this.selectAllShown = this.table.getByRole('checkbox', { name: w.selectAllShown });
    this.selection = page.getByTestId('kms-selection');
    this.errors = page.getByTestId('error-notice');
    this.signInLink = page.getByRole('main').getByRole('link', { name: 'Sign in', exact: true });
    this.calls = calls ?? new KmsCalls(page);
  }

  /** The same page read in another language (the same record of calls). */
  inLanguage(language: Language): KmsPage {
    return new KmsPage(this.page, language, this.calls);
  }

  /** Follows the main navigation to the page, as a signed-in person would. */
  async open() {
    await new AppShell(this.page).navigateTo('KMS keys');
    await expect(this.heading).toBeVisible();
  }

  /** Waits until `keys` keys are listed and every rotation status is read. */
  async loaded(keys: number, timeout = 30_000) {
    await expect(this.count('keys')).toHaveText(String(keys), { timeout });
    await expect(this.progress).toHaveCount(0, { timeout });
  }

  /**
   * Like {@link loaded}, on an unreliable connection: lists again and reads failed statuses
   * again, as a person would press "Retry listing" and each "Retry", until every key and status
   * is in (at most `rounds` times).
   */
  async loadedDespiteFailures(keys: number, rounds = 10) {
    for (let round = 0; ; round += 1) {
      await expect(this.progress).toHaveCount(0, { timeout: 60_000 });
      const retryList = this.page.getByRole('button', { name: 'Retry listing', exact: true });
      const unread = this.table.getByRole('button', { name: /^Retry reading the rotation of / });
      if (await retryList.count()) {
        if (round >= rounds) throw new Error(`the keys were still not listed after ${rounds} retries`);
        await retryList.click();
        continue;
      }
      await this.showAllRows();
      if ((await unread.count()) === 0 && (await this.count('keys').textContent()) === String(keys)) return;
      if (round >= rounds) throw new Error(`the rotation of every key was still not read after ${rounds} rounds of retries`);
      // A retried read leaves the row until it is answered: retry whichever is still unread.
      for (let clicks = 0; clicks < keys && (await unread.count()) > 0; clicks += 1) {
        await unread.first().click();
      }
    }
  }

  /** One count above the table (its number). */
  count(name: keyof KmsCounts): Locator {
    return this.page.getByTestId(`kms-count-${name}`).locator('dd');
  }

  /** Every count above the table, as numbers. */
  async counts(): Promise<KmsCounts> {
    const names: (keyof KmsCounts)[] = ['keys', 'on', 'off', 'not-rotatable', 'failed'];
    const values = await Promise.all(names.map(async (name) => Number(await this.count(name).innerText())));
    return Object.fromEntries(names.map((name, i) => [name, values[i]])) as KmsCounts;
  }

  row(alias: string): Locator {
    return this.table.locator(`tr[data-alias="${alias}"]`);
  }

  cell(alias: string, column: KmsColumn): Locator {
    return this.row(alias).locator(`td[data-col="${column}"]`);
  }

  /** The aliases of the rows shown, in order. */
  async shownAliases(): Promise<string[]> {
    return this.rows.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-alias') ?? ''));
  }

  // What a row says, in the page's language.

  stateLabel(state: KmsKeyState): string {
    return this.words.states[state];
  }

  /** "Yes", or the "No: …" reason. */
  rotatableLabel(reason: NotRotatable | null): string {
    return reason ? this.words.reasons[reason] : this.words.yes;
  }

  /** "On" or "Off" of the rotation cell. */
  rotationLabel(enabled: boolean): string {
    return enabled ? this.words.on : this.words.off;
  }

  enableButton(alias: string): Locator {
    return this.button(this.words.enable(alias));
  }

  changeIntervalButton(alias: string): Locator {
    return this.button(this.words.changeInterval(alias));
  }

  disableButton(alias: string): Locator {
    return this.button(this.words.disable(alias));
  }

  retryStatusButton(alias: string): Locator {
    return this.button(this.words.retryStatus(alias));
  }

  /**
   * The next request for a token scoped to `region`'s project (`POST /v3/auth/tokens` with
   * `scope.project.name`): how a password session gets to a region's KMS.
   */
  nextProjectTokenRequest(region: string): Promise<Request> {
    return this.page.waitForRequest((r) => {
      if (!r.url().endsWith('/v3/auth/tokens') || r.method() !== 'POST') return false;
      const body = r.postDataJSON() as { auth?: { scope?: { project?: { name?: string } } } } | null;
      return body?.auth?.scope?.project?.name === region;
    });
  }

  /** A success notice (role `status`), e.g. "Rotation of app/legacy disabled.". */
  notice(text: string): Locator {
    return this.page.getByRole('status').filter({ hasText: text });
  }

  // Region, filters, exports.

  async chooseRegion(region: string) {
    await this.region.selectOption(region);
  }

  async search(text: string) {
    await this.searchBox.fill(text);
  }

  async filterByRotation(rotation: RotationFilter) {
    await this.rotationFilter.selectOption(rotation);
  }

  async filterByState(state: KmsKeyState | '') {
    await this.stateFilter.selectOption(state);
  }

  async showNotRotatableOnly() {
    await this.notRotatableOnly.check();
  }

  async exportCsv(): Promise<DownloadedFile> {
    return downloadBy(this.page, () => this.button('Export CSV').click());
  }

  async exportJson(): Promise<DownloadedFile> {
    return downloadBy(this.page, () => this.button('Export JSON').click());
  }

  /** The page controls under the table (shown once there is more than one page of 25). */
  get pager(): Locator {
    return this.page.getByRole('navigation', { name: 'Pages' });
  }

  async choosePageSize(rows: 25 | 50 | 100 | 200) {
    await this.pager.getByLabel('Rows per page').selectOption(String(rows));
  }

  /** Shows 200 rows a page, when there are pages. */
  async showAllRows() {
    if (await this.pager.count()) await this.choosePageSize(200);
  }

  // One key's rotation.

  /** Opens "Enable rotation of {alias}" (the field holds 365). */
  async openEnableDialog(alias: string): Promise<KmsIntervalDialog> {
    await this.enableButton(alias).click();
    const dialog = new KmsIntervalDialog(this.page, `Enable rotation of ${alias}`, 'Enable rotation', this.words);
    await expect(dialog.root).toBeVisible();
    return dialog;
  }

  /** Opens "Rotation interval of {alias}" (the field holds the interval now). */
  async openIntervalDialog(alias: string): Promise<KmsIntervalDialog> {
    await this.changeIntervalButton(alias).click();
    const dialog = new KmsIntervalDialog(this.page, `Rotation interval of ${alias}`, 'Save interval', this.words);
    await expect(dialog.root).toBeVisible();
    return dialog;
  }

  async openDisableDialog(alias: string): Promise<KmsDisableDialog> {
    await this.disableButton(alias).click();
    const dialog = new KmsDisableDialog(this.page, alias);
    await expect(dialog.root).toBeVisible();
    return dialog;
  }

  /** Enables rotation of `alias` every `days` days and waits for the notice. */
  async enableRotation(alias: string, days: number) {
    const dialog = await this.openEnableDialog(alias);
    await dialog.submit(String(days));
    await expect(this.notice(`Rotation of ${alias} enabled, every ${days} days.`)).toBeVisible();
    await expect(dialog.root).toHaveCount(0);
  }

  /** Sets the interval of the rotating key `alias` and waits for the notice. */
  async changeInterval(alias: string, days: number) {
    const dialog = await this.openIntervalDialog(alias);
    await dialog.submit(String(days));
    await expect(this.notice(`${alias} now rotates every ${days} days.`)).toBeVisible();
    await expect(dialog.root).toHaveCount(0);
  }

  /** Turns rotation of `alias` off, confirming, and waits for the notice. */
  async disableRotation(alias: string) {
    const dialog = await this.openDisableDialog(alias);
    await dialog.confirm();
    await expect(this.notice(`Rotation of ${alias} disabled.`)).toBeVisible();
    await expect(dialog.root).toHaveCount(0);
  }

  // The bulk change.

  async select(alias: string) {
    await this.table.getByRole('checkbox', { name: this.words.select(alias), exact: true }).check();
  }

  /** Ticks the header checkbox: every row the filter shows, on every page. */
  async selectEveryKeyShown() {
    await this.selectAllShown.check();
  }

  /** "N keys selected" of the selection bar. */
  selected(count: number): Locator {
    return this.selection.getByText(count === 1 ? '1 key selected' : `${count} keys selected`, { exact: true });
  }

  /** Presses "Change rotation…" and returns the bulk dialog. */
  async openBulkDialog(): Promise<KmsBulkDialog> {
    await this.selection.getByRole('button', { name: 'Change rotation…', exact: true }).click();
    const dialog = new KmsBulkDialog(this.page);
    await expect(dialog.root).toBeVisible();
    return dialog;
  }

  private button(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }
}
