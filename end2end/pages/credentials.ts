import { expect, type Locator, type Page } from '@playwright/test';
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
