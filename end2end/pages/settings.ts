import { Page, Locator, expect } from '@playwright/test';

/** The Settings page, reached through the navigation like a user would. */
export class SettingsPage {
  readonly proxyUrl: Locator;
  readonly save: Locator;
  readonly status: Locator;
  readonly language: Locator;

  constructor(private readonly page: Page) {
    this.proxyUrl = page.getByLabel('Proxy URL');
    this.save = page.getByRole('button', { name: 'Save settings' });
    this.status = page.getByRole('status');
    this.language = page.getByLabel('Language');
  }

  async open(baseUrl: string) {
    await this.page.goto(baseUrl);
    await this.page.getByRole('link', { name: 'Settings' }).click();
    await expect(this.proxyUrl).toBeVisible();
  }
}
