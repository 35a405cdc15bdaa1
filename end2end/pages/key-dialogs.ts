import type { Locator, Page } from '@playwright/test';
import { downloadBy, type DownloadedFile } from './download';

/** "Save the new access key": the only time a secret access key is shown. */
export class NewKeyDialog {
  readonly root: Locator;
  readonly accessKey: Locator;
  readonly secretKey: Locator;
  readonly closeButton: Locator;
  readonly savedConfirmation: Locator;

  constructor(private readonly page: Page) {
    this.root = page.getByRole('dialog', { name: 'Save the new access key' });
    this.accessKey = this.root.getByTestId('new-access-key');
    this.secretKey = this.root.getByTestId('new-secret-key');
    this.closeButton = this.root.getByRole('button', { name: 'Close' });
    this.savedConfirmation = this.root.getByLabel('I have saved the secret access key');
  }

  /** "Download CSV": the credentials file as the Huawei Cloud console writes it. */
  async downloadCsv(): Promise<DownloadedFile> {
    return downloadBy(this.page, () => this.root.getByRole('button', { name: 'Download CSV' }).click());
  }

  async confirmSaved() {
    await this.savedConfirmation.check();
  }

  async close() {
    await this.closeButton.click();
  }
}

/** "Delete access key": warns about risks and wants the key typed before it deletes. */
export class DeleteKeyDialog {
  readonly root: Locator;
  /** The risks of deleting this key (active, the user's only active key, recently used, …). */
  readonly warning: Locator;
  readonly confirmation: Locator;
  readonly deleteButton: Locator;

  constructor(page: Page) {
    this.root = page.getByRole('dialog', { name: 'Delete access key' });
    this.warning = this.root.getByRole('alert');
    this.confirmation = this.root.getByLabel('Type the access key ID or its last 6 characters to confirm');
    this.deleteButton = this.root.getByRole('button', { name: 'Delete', exact: true });
  }

  async typeConfirmation(text: string) {
    await this.confirmation.fill(text);
  }

  async confirm() {
    await this.deleteButton.click();
  }
}
