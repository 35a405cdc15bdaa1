import { expect, type Locator, type Page, type Request } from '@playwright/test';
import type { Badge, SummaryCounts } from '../fixtures/demo';
import type { Secrets } from '../fixtures/secrets';
import { downloadBy, type DownloadedFile } from './download';
import { DeleteKeyDialog, NewKeyDialog } from './key-dialogs';

/** What the table shows for a badge and a status. */
export const BADGE_LABEL: Record<Badge, string> = { ok: 'OK', 'due-soon': 'Due soon', overdue: 'Overdue' };
export const STATUS_LABEL = { active: 'Active', inactive: 'Inactive' } as const;

/** A sortable column, by the name of its header. */
export type Column = 'User' | 'Access key' | 'Status' | 'Created' | 'Age (days)' | 'Last used' | 'Description' | 'Policy';

/** A key the app just created, as its one-time dialog shows it. */
export interface CreatedKey {
  ak: string;
  sk: string;
  /** The dialog still open on it. */
  dialog: NewKeyDialog;
}

/**
 * The Credentials page: the access-key table, its summary, filters and exports, and the actions
 * on one key. A key row is found by its AK (`data-ak`, the table's documented row hook), a user
 * without keys by name (`data-user-without-keys`); everything else by role and label.
 */
export class CredentialsPage {
  readonly table: Locator;
  /** Every key row the view lets through. */
  readonly keyRows: Locator;
  readonly progress: Locator;
  readonly ageHistogram: Locator;
  /** Shown to a non-administrator, whose list of users was refused. */
  readonly ownKeysNotice: Locator;
  readonly statusFilter: Locator;
  readonly policyFilter: Locator;
  readonly neverUsedOnly: Locator;
  readonly editDescriptionDialog: Locator;

  constructor(
    private readonly page: Page,
    private readonly secrets: Secrets,
  ) {
    this.table = page.getByRole('table', { name: 'Access keys' });
    this.keyRows = this.table.locator('tr[data-ak]');
    this.progress = page.getByRole('progressbar', { name: 'Loading access keys' });
    this.ageHistogram = page.getByRole('img', { name: 'Key ages' });
    this.ownKeysNotice = page.getByRole('note').filter({ hasText: 'only your own access keys are shown' });
    this.statusFilter = page.getByLabel('Status');
    this.policyFilter = page.getByLabel('Policy');
    this.neverUsedOnly = page.getByLabel('Never used only');
    this.editDescriptionDialog = page.getByRole('dialog', { name: 'Edit description' });
  }

  row(ak: string): Locator {
    return this.table.locator(`tr[data-ak="${ak}"]`);
  }

  userWithoutKeysRow(userName: string): Locator {
    return this.table.locator(`tr[data-user-without-keys="${userName}"]`);
  }

  /** The page controls under the table. */
  get pager(): Locator {
    return this.page.getByRole('navigation', { name: 'Pages' });
  }

  /** Where the page is: "Rows a–b of n, page p of q". */
  get pageStatus(): Locator {
    return this.pager.getByRole('status');
  }

  /** Types into the user/AK search. */
  async search(text: string) {
    await this.page.getByLabel('Search user or AK').fill(text);
  }

  async goToLastPage() {
    await this.pager.getByRole('button', { name: 'Last page' }).click();
  }

  async choosePageSize(rows: 25 | 50 | 100 | 200) {
    await this.pager.getByLabel('Rows per page').selectOption(String(rows));
  }

  /** One count of the summary above the table. */
  summary(name: keyof SummaryCounts): Locator {
    return this.page.getByTestId(`summary-${name}`);
  }

  columnHeader(column: Column): Locator {
    return this.table.getByRole('columnheader', { name: column, exact: true });
  }

  /** Waits until every user's keys are in. */
  async loaded(expectedKeys: number) {
    await expect(this.keyRows).toHaveCount(expectedKeys);
    await expect(this.progress).toHaveCount(0);
  }

  /** Rows of users whose keys could not be loaded (`data-user-error`), each with its "Retry". */
  get failedUserRows(): Locator {
    return this.table.locator('tr[data-user-error]');
  }

  /** The failed row of `userName`. */
  failedUserRow(userName: string): Locator {
    return this.table.locator(`tr[data-user-error="${userName}"]`);
  }

  /** Said when the users of the account could not be listed (then only "Refresh" helps). */
  get listFailure(): Locator {
    return this.page.getByRole('alert').filter({ hasText: 'The users of the account could not be listed.' });
  }

  /** "Refresh": loads everything again. */
  async refresh() {
    await this.button('Refresh').click();
  }

  /** Presses "Retry" on the row of `userName`, whose keys could not be loaded. */
  async retryUser(userName: string) {
    await this.button(`Retry ${userName}`).click();
  }

  /**
   * Waits for the table over an unreliable connection, as a person would get there: whenever
   * loading settles short of `expectedKeys` rows, presses "Refresh" if the users could not be
   * listed, else "Retry" on every user whose keys failed, at most `rounds` times. Shows every
   * row on one page (200 rows at most). Returns the users retried and the refreshes, in order.
   */
  async loadedDespiteFailures(expectedKeys: number, rounds = 10): Promise<{ retried: string[]; refreshes: number }> {
    const retried: string[] = [];
    let refreshes = 0;
    for (let round = 0; ; round += 1) {
      await expect(this.progress).toHaveCount(0, { timeout: 45_000 });
      if (await this.listFailure.count()) {
        if (round >= rounds) throw new Error(`the users were still not listed after ${rounds} rounds`);
        refreshes += 1;
        await this.refresh();
        continue;
      }
      if ((await this.pager.count()) && (await this.pager.getByLabel('Rows per page').inputValue()) !== '200') {
        await this.choosePageSize(200);
      }
      const failed = await this.failedUserRows.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-user-error') ?? ''));
      if (failed.length === 0 && (await this.keyRows.count()) === expectedKeys) return { retried, refreshes };
      if (round >= rounds) {
        throw new Error(`after ${rounds} rounds: ${await this.keyRows.count()} of ${expectedKeys} keys, failed: ${failed.join(', ')}`);
      }
      if (failed.length === 0) {
        // Settled between two renders: look again.
        await this.page.waitForTimeout(200);
        continue;
      }
      // A retried user's row goes at once; a user already retried (a render behind) is skipped.
      for (const user of failed) {
        const retry = this.failedUserRow(user).getByRole('button', { name: `Retry ${user}`, exact: true });
        if (await retry.count()) {
          retried.push(user);
          await retry.click({ timeout: 2_000 }).catch(() => undefined);
        }
      }
    }
  }

  /** The link a signed-out visitor is offered to sign in first. */
  async followConnectLink() {
    await this.page.getByRole('main').getByRole('link', { name: 'Connect' }).click();
  }

  // Filters, order and the selected user.

  async filterByStatus(status: keyof typeof STATUS_LABEL) {
    await this.statusFilter.selectOption({ label: STATUS_LABEL[status] });
  }

  async filterByPolicy(badge: Badge) {
    await this.policyFilter.selectOption({ label: BADGE_LABEL[badge] });
  }

  async showNeverUsedOnly() {
    await this.neverUsedOnly.check();
  }

  /** Presses a column header: ascending first, descending the second time. */
  async sortBy(column: Column) {
    await this.columnHeader(column).getByRole('button').click();
  }

  async showOnlyUser(userName: string) {
    await this.page.getByRole('button', { name: `Show only ${userName}` }).click();
  }

  async showAllUsers() {
    await this.button('Show all users').click();
  }

  /** The line that says the table is narrowed to one user. */
  showingOnly(userName: string): Locator {
    return this.page.getByText(`Showing only the keys of ${userName}.`);
  }

  // Exports of the rows shown.

  async exportCsv(): Promise<DownloadedFile> {
    return downloadBy(this.page, () => this.button('Export CSV').click());
  }

  async exportJson(): Promise<DownloadedFile> {
    return downloadBy(this.page, () => this.button('Export JSON').click());
  }

  // Actions on keys.

  createKeyButton(userName: string): Locator {
    return this.button(`Create key for ${userName}`);
  }

  /** Why a user at the two-key quota gets no create control, with a link to the rotation wizard. */
  noFreeSlotReason(userName: string): Locator {
    return this.page
      .getByRole('paragraph')
      .filter({ hasText: `${userName} already has two access keys: rotate one instead` });
  }

  async openRotationWizardFor(userName: string) {
    await this.noFreeSlotReason(userName).getByRole('link', { name: 'Rotation wizard' }).click();
  }

  /** A key row's "Rotate…" link (its accessible name ends with the AK). */
  rotateLink(ak: string): Locator {
    return this.row(ak).getByRole('link', { name: `Rotate… ${ak}`, exact: true });
  }

  /** Follows a key row's "Rotate…" to the rotation wizard. */
  async rotate(ak: string) {
    await this.rotateLink(ak).click();
  }

  /** Ticks the checkbox of the key `ak` for a rotation plan. */
  async selectKey(ak: string) {
    await this.page.getByRole('checkbox', { name: `Select ${ak}`, exact: true }).check();
  }

  /** Follows "Plan the rotation of N selected keys" to the plan's dry run. */
  async planSelectedRotation(count: number) {
    const name = count === 1 ? 'Plan the rotation of 1 selected key' : `Plan the rotation of ${count} selected keys`;
    await this.page.getByRole('link', { name, exact: true }).click();
  }

  /** The toolbar's "Plan the rotation of N overdue keys" (of the rows shown). */
  get planOverdueLink(): Locator {
    return this.page.getByRole('link', { name: /^Plan the rotation of \d+ overdue keys?$/ });
  }

  /** Follows "Plan the rotation of N overdue keys" to the plan's dry run. */
  async planOverdueRotation() {
    await this.planOverdueLink.click();
  }

  /**
   * Creates a key for `userName` and returns the AK and SK its one-time dialog shows, the dialog
   * still open. The SK joins the secrets register.
   */
  async createKey(userName: string, description: string): Promise<CreatedKey> {
    await this.createKeyButton(userName).click();
    const form = this.page.getByRole('dialog', { name: 'Create access key' });
    await form.getByLabel('Description').fill(description);
    await form.getByRole('button', { name: 'Create access key' }).click();
    const dialog = new NewKeyDialog(this.page);
    await expect(dialog.root).toBeVisible();
    const [ak, sk] = [await dialog.accessKey.innerText(), await dialog.secretKey.innerText()];
    this.secrets.add(sk);
    return { ak, sk, dialog };
  }

  /** "Create access key", the form (not yet the secret's dialog). */
  get createDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Create access key' });
  }

  /**
   * Said when a write got no clear answer (no answer at all, or a gateway's 5xx): it may have been
   * done, so the dialog closed and the user's keys were read again.
   */
  get unclearOutcome(): Locator {
    return this.page.getByRole('alert').filter({ hasText: 'No clear answer came' });
  }

  /** The rows whose description is `description`. */
  rowsDescribed(description: string): Locator {
    return this.keyRows.filter({ hasText: description });
  }

  /**
   * Waits until `userName`'s keys are read (again), pressing their "Retry" when the read failed,
   * at most `rounds` times.
   */
  async userKeysRead(userName: string, rounds = 6) {
    for (let round = 0; ; round += 1) {
      await expect(this.progress).toHaveCount(0, { timeout: 30_000 });
      if ((await this.failedUserRow(userName).count()) === 0) return;
      if (round >= rounds) throw new Error(`the keys of ${userName} could still not be read after ${rounds} retries`);
      await this.retryUser(userName);
    }
  }

  /**
   * Creates a key for `userName` over an unreliable connection, as a careful person would: a
   * clear refusal (the dialog stays open with it) is sent again; after an unclear outcome the
   * table, read again, tells whether the key exists (a row with `description`), and only when it
   * does not is a key created again. At most `attempts` sends. Returns the new key's AK, its SK
   * when the secret's dialog showed it (that dialog is closed), and what each send came to.
   */
  async createKeyDespiteFailures(
    userName: string,
    description: string,
    attempts = 8,
  ): Promise<{ ak: string; sk?: string; outcomes: ('created' | 'refused' | 'unclear')[] }> {
    const outcomes: ('created' | 'refused' | 'unclear')[] = [];
    const secret = new NewKeyDialog(this.page);
    const refusal = this.createDialog.getByRole('alert');
    for (let attempt = 1; attempt <= attempts; attempt += 1) {
      if (!(await this.createDialog.count())) {
        await this.createKeyButton(userName).click();
        await this.createDialog.getByLabel('Description').fill(description);
      }
      const answered = this.answerTo((r) => r.method() === 'POST' && new URL(r.url()).pathname.endsWith('/v3.0/OS-CREDENTIAL/credentials'));
      await this.createDialog.getByRole('button', { name: 'Create access key' }).click();
      await answered;
      await expect(secret.root.or(refusal).or(this.unclearOutcome)).toBeVisible({ timeout: 30_000 });
      if (await secret.root.isVisible()) {
        outcomes.push('created');
        const [ak, sk] = [await secret.accessKey.innerText(), await secret.secretKey.innerText()];
        this.secrets.add(sk);
        await secret.confirmSaved();
        await secret.close();
        await expect(this.row(ak)).toBeVisible();
        return { ak, sk, outcomes };
      }
      if (await this.unclearOutcome.isVisible()) {
        outcomes.push('unclear');
        await expect(this.createDialog).toHaveCount(0);
        await this.userKeysRead(userName);
        const found = this.rowsDescribed(description);
        if ((await found.count()) > 0) {
          await expect(found).toHaveCount(1);
          return { ak: (await found.getAttribute('data-ak'))!, outcomes };
        }
        await this.dismissNotice();
        continue;
      }
      outcomes.push('refused');
    }
    throw new Error(`no key for ${userName} after ${attempts} attempts: ${outcomes.join(', ')}`);
  }

  /**
   * Deletes `ak` over an unreliable connection, as a careful person would: a clear refusal is
   * sent again from the open dialog; after an unclear outcome the table, read again, tells
   * whether the key is gone, and only when it is not is it deleted again. At most `attempts`
   * sends; returns what each came to.
   */
  async deleteKeyDespiteFailures(ak: string, userName: string, attempts = 8): Promise<('deleted' | 'refused' | 'unclear')[]> {
    const outcomes: ('deleted' | 'refused' | 'unclear')[] = [];
    const dialog = new DeleteKeyDialog(this.page);
    const refusal = dialog.root.getByRole('alert').filter({ hasText: 'could not be deleted' });
    const deleted = this.page.getByRole('status').filter({ hasText: `${ak} deleted.` });
    for (let attempt = 1; attempt <= attempts; attempt += 1) {
      if (!(await dialog.root.count())) {
        await this.openDeleteDialog(ak);
        await dialog.typeConfirmation(ak);
      }
      const answered = this.answerTo((r) => r.method() === 'DELETE' && new URL(r.url()).pathname.endsWith(`/v3.0/OS-CREDENTIAL/credentials/${ak}`));
      await dialog.confirm();
      await answered;
      await expect(deleted.or(refusal).or(this.unclearOutcome)).toBeVisible({ timeout: 30_000 });
      if (await deleted.isVisible()) {
        outcomes.push('deleted');
        await expect(this.row(ak)).toHaveCount(0);
        return outcomes;
      }
      if (await this.unclearOutcome.isVisible()) {
        outcomes.push('unclear');
        await expect(dialog.root).toHaveCount(0);
        await this.userKeysRead(userName);
        if ((await this.row(ak).count()) === 0) return outcomes;
        await this.dismissNotice();
        continue;
      }
      outcomes.push('refused');
    }
    throw new Error(`${ak} still there after ${attempts} attempts: ${outcomes.join(', ')}`);
  }

  /** The answer to (or the loss of) the next request that `matches`: by then its dialog's last failure is gone. */
  private answerTo(matches: (request: Request) => boolean): Promise<unknown> {
    // The one that does not happen times out later, unheard.
    const quiet = () => undefined;
    return Promise.race([
      this.page.waitForResponse((response) => matches(response.request()), { timeout: 30_000 }).catch(quiet),
      this.page.waitForEvent('requestfailed', { predicate: matches, timeout: 30_000 }).catch(quiet),
    ]);
  }

  /** Hides the notice above the table ("Dismiss"). */
  async dismissNotice() {
    await this.page.getByRole('alert').getByRole('button', { name: 'Dismiss' }).click();
  }

  async disableKey(ak: string) {
    await this.button(`Disable ${ak}`).click();
  }

  async enableKey(ak: string) {
    await this.button(`Enable ${ak}`).click();
  }

  async editDescription(ak: string, description: string) {
    await this.button(`Edit description ${ak}`).click();
    await this.editDescriptionDialog.getByLabel('Description').fill(description);
    await this.editDescriptionDialog.getByRole('button', { name: 'Save' }).click();
  }

  /** Opens the delete dialog of a key, nothing typed yet. */
  async openDeleteDialog(ak: string): Promise<DeleteKeyDialog> {
    await this.button(`Delete ${ak}`).click();
    const dialog = new DeleteKeyDialog(this.page);
    await expect(dialog.root).toBeVisible();
    return dialog;
  }

  /** Deletes a key the way a person must: type its AK to confirm, then press Delete. */
  async deleteKey(ak: string) {
    const dialog = await this.openDeleteDialog(ak);
    await dialog.typeConfirmation(ak);
    await dialog.confirm();
    await expect(this.row(ak)).toHaveCount(0);
  }

  private button(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }
}
