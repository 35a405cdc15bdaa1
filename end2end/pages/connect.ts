import { Page, Locator, expect } from '@playwright/test';
import { Account } from '../fixtures/stack';

/** The Connect page: the three ways in and the connection test. */
export class ConnectPage {
  readonly status: Locator;
  readonly alert: Locator;

  constructor(private readonly page: Page) {
    this.status = page.getByRole('status');
    this.alert = page.getByRole('alert');
  }

  async open(baseUrl: string) {
    await this.page.goto(`${baseUrl}/connect`);
    await expect(this.page.getByRole('radiogroup', { name: 'Sign-in method' })).toBeVisible();
  }

  async fillAkSk(ak: string, sk: string, accountId?: string) {
    await this.page.getByRole('radio', { name: 'Access key (AK/SK)' }).check();
    await this.page.getByLabel('Access key ID (AK)').fill(ak);
    await this.page.getByLabel('Secret access key (SK)').fill(sk);
    if (accountId) await this.page.getByLabel('Account ID (optional)').fill(accountId);
  }

  async fillPassword(account: string, user: string, password: string) {
    await this.page.getByRole('radio', { name: 'Password' }).check();
    await this.page.getByLabel('Account name').fill(account);
    await this.page.getByLabel('IAM user name').fill(user);
    await this.page.getByLabel('Password', { exact: true }).fill(password);
  }

  async signIn() {
    await this.page.getByRole('button', { name: 'Sign in' }).click();
  }

  async testConnection() {
    await this.page.getByRole('button', { name: 'Test connection' }).click();
  }

  /** Signs in as the demo administrator with AK/SK and waits for the credentials page. */
  async signInAsAdmin(baseUrl: string, account: Account) {
    await this.open(baseUrl);
    await this.fillAkSk(account.admin.ak, account.admin.sk);
    await this.signIn();
    await expect(this.page).toHaveURL(/\/credentials/);
  }
}
