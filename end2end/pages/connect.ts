import { expect, type Locator, type Page, type Request } from '@playwright/test';
import type { AccessKeyPair, PasswordLogin } from '../fixtures/demo';
import type { Secrets } from '../fixtures/secrets';
import type { Stack } from '../fixtures/stack';

/**
 * The Connect page: the ways in and the connection test. Every secret typed into it is added to
 * the journey's secrets register, so the leak check after the journey looks for it.
 */
export class ConnectPage {
  /** News: "Connected as …", the administrator check, the clock offset. */
  readonly status: Locator;
  /** Failures and their diagnosis. */
  readonly alert: Locator;
  readonly accessKeyMethod: Locator;
  readonly accessKeyId: Locator;
  readonly secretAccessKey: Locator;

  constructor(
    private readonly page: Page,
    private readonly stack: Pick<Stack, 'url' | 'account' | 'proxyUrl'>,
    private readonly secrets: Secrets,
  ) {
    this.status = page.getByRole('status');
    this.alert = page.getByRole('alert');
    this.accessKeyMethod = page.getByRole('radio', { name: 'Access key (AK/SK)' });
    this.accessKeyId = page.getByLabel('Access key ID (AK)');
    this.secretAccessKey = page.getByLabel('Secret access key (SK)');
  }

  async open() {
    await this.page.goto(`${this.stack.url}/connect`);
    await expect(this.page.getByRole('radiogroup', { name: 'Sign-in method' })).toBeVisible();
  }

  /** Picks the access-key method and types the key (and optionally the account ID). */
  async enterAccessKey({ ak, sk }: AccessKeyPair, accountId?: string) {
    this.secrets.add(sk);
    await this.accessKeyMethod.check();
    await this.accessKeyId.fill(ak);
    await this.secretAccessKey.fill(sk);
    if (accountId) await this.page.getByLabel('Account ID (optional)').fill(accountId);
  }

  /** Picks the password method and types account, user and password. */
  async enterPassword({ account, name, password }: PasswordLogin) {
    this.secrets.add(password);
    await this.page.getByRole('radio', { name: 'Password' }).check();
    await this.page.getByLabel('Account name').fill(account);
    await this.page.getByLabel('IAM user name').fill(name);
    await this.page.getByLabel('Password', { exact: true }).fill(password);
  }

  /** Picks the token method and pastes `token`. */
  async enterToken(token: string) {
    this.secrets.add(token);
    await this.page.getByRole('radio', { name: 'Token' }).check();
    await this.page.getByLabel('Token', { exact: true }).fill(token);
  }

  async signIn() {
    await this.page.getByRole('button', { name: 'Sign in' }).click();
  }

  async testConnection() {
    await this.page.getByRole('button', { name: 'Test connection' }).click();
  }

  /** Opens the page and tests an access key without signing in. */
  async testAccessKey(key: AccessKeyPair) {
    await this.open();
    await this.enterAccessKey(key);
    await this.testConnection();
  }

  /** Opens the page and signs in with an access key; where that leads is for the journey to check. */
  async signInWithAccessKey(key: AccessKeyPair) {
    await this.open();
    await this.enterAccessKey(key);
    await this.signIn();
  }

  /** Opens the page and signs in with a password; where that leads is for the journey to check. */
  async signInWithPassword(login: PasswordLogin) {
    await this.open();
    await this.enterPassword(login);
    await this.signIn();
  }

  /** Opens the page and signs in with a pasted token; where that leads is for the journey to check. */
  async signInWithToken(token: string) {
    await this.open();
    await this.enterToken(token);
    await this.signIn();
  }

  /** Signs in as the account administrator (the emulator's startup line) and waits for the credentials page. */
  async signInAsAdmin() {
    await this.signInWithAccessKey(this.stack.account.admin);
    await expect(this.page).toHaveURL(/\/credentials/);
  }

  /**
   * Signs in as the administrator over an unreliable connection: after a failure, presses "Sign
   * in" again as a person would, at most `attempts` times, until the credentials page opens.
   */
  async signInAsAdminDespiteFailures(attempts = 6) {
    await this.open();
    await this.enterAccessKey(this.stack.account.admin);
    const signedIn = () => /\/credentials/.test(new URL(this.page.url()).pathname);
    const failure = this.page.getByTestId('connect-alert');
    for (let attempt = 1; ; attempt += 1) {
      // The attempt's first answer: by then the last attempt's message is gone.
      const answered = this.page.waitForEvent('requestfinished', (r) => this.stack.proxyUrl === new URL(r.url()).origin);
      await this.signIn();
      await answered;
      await expect
        .poll(async () => signedIn() || !!(await failure.textContent({ timeout: 1_000 }).catch(() => ''))?.trim(), {
          timeout: 60_000,
        })
        .toBe(true);
      if (signedIn()) return;
      if (attempt >= attempts) throw new Error(`sign-in still failed after ${attempts} attempts`);
    }
  }

  /** The next request that asks IAM for a token (`POST /v3/auth/tokens`). */
  nextTokenRequest(): Promise<Request> {
    return this.page.waitForRequest((r) => r.url().endsWith('/v3/auth/tokens') && r.method() === 'POST');
  }

  /** A line of the status region. */
  statusLine(text: RegExp): Locator {
    return this.status.getByText(text);
  }
}
