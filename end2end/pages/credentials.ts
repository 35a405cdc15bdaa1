import { Page, Locator, expect } from '@playwright/test';

/** The Credentials page: the access-key table, its filters and the actions on one key. */
export class CredentialsPage {
  readonly table: Locator;
  readonly keyRows: Locator;
  readonly progress: Locator;

  constructor(private readonly page: Page) {
    this.table = page.getByRole('table', { name: 'Access keys' });
    this.keyRows = this.table.locator('tr[data-ak]');
    this.progress = page.getByRole('progressbar', { name: 'Loading access keys' });
  }

  row(ak: string): Locator {
    return this.table.locator(`tr[data-ak="${ak}"]`);
  }

  summary(name: string): Locator {
    return this.page.getByTestId(`summary-${name}`);
  }

  /** Waits until every user's keys are in. */
  async loaded(expectedKeys: number) {
    await expect(this.keyRows).toHaveCount(expectedKeys);
    await expect(this.progress).toHaveCount(0);
  }

  button(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  dialog(name: string): Locator {
    return this.page.getByRole('dialog', { name });
  }
}
