import { expect, type Locator, type Page } from '@playwright/test';
import { AppShell, type Language } from './app';

/** The proxy URL field's label in each language. */
const PROXY_URL_LABEL: Record<Language, string> = { en: 'Proxy URL', 'zh-CN': '代理 URL' };

/** The Settings page, reached through the navigation like a user would. */
export class SettingsPage {
  readonly proxyUrl: Locator;
  /** The error line under the proxy URL field (linked to it by `aria-describedby`). */
  readonly proxyUrlError: Locator;
  /** The KMS request rate field (KMS calls a second). */
  readonly kmsRate: Locator;
  /** The error line under the KMS request rate field. */
  readonly kmsRateError: Locator;
  readonly status: Locator;
  /** The message of a refused save (role `alert`). */
  readonly refusal: Locator;

  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {
    this.proxyUrl = this.proxyUrlIn('en');
    this.proxyUrlError = page.locator('#settings-proxy-url-error');
    this.kmsRate = page.getByLabel('KMS requests per second', { exact: true });
    this.kmsRateError = page.locator('#settings-kms-requests-per-second-error');
    this.status = page.getByRole('status');
    this.refusal = page.getByRole('alert');
  }

  /** The proxy URL field, found by its label in `language`. */
  proxyUrlIn(language: Language): Locator {
    return this.page.getByLabel(PROXY_URL_LABEL[language]);
  }

  async open() {
    await this.page.goto(this.baseUrl);
    await new AppShell(this.page).navigateTo('Settings');
    await expect(this.proxyUrl).toBeVisible();
  }

  /** Changes the given settings and presses "Save settings". */
  async save(changes: { proxyUrl?: string; kmsRate?: string }) {
    if (changes.proxyUrl !== undefined) await this.proxyUrl.fill(changes.proxyUrl);
    if (changes.kmsRate !== undefined) await this.kmsRate.fill(changes.kmsRate);
    await this.page.getByRole('button', { name: 'Save settings' }).click();
  }

  /** What the app stored in localStorage, or null. */
  async stored(): Promise<string | null> {
    return this.page.evaluate(() => localStorage.getItem('keyturn.settings'));
  }
}
