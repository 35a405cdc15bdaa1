import type { Locator, Page } from '@playwright/test';

/** The languages the app speaks, by the value of the language switcher. */
export type Language = 'en' | 'zh-CN';

/** What every page shares: the header with its navigation, session indicator and language switcher. */
export class AppShell {
  /** The site header (landmark `banner`): it names who is signed in. */
  readonly banner: Locator;
  readonly signOutButton: Locator;
  /** The language switcher keeps the name "Language" in every language. */
  readonly languageSwitcher: Locator;
  /** The `<html>` element, whose `lang` follows the chosen language. */
  readonly document: Locator;

  constructor(page: Page) {
    this.banner = page.getByRole('banner');
    this.signOutButton = page.getByRole('button', { name: 'Sign out' });
    this.languageSwitcher = page.getByLabel('Language');
    this.document = page.locator('html');
  }

  /** Follows a link of the main navigation, as a person would. */
  async navigateTo(link: 'Connect' | 'Access keys' | 'KMS keys' | 'Settings') {
    await this.banner.getByRole('navigation').getByRole('link', { name: link }).click();
  }

  async chooseLanguage(language: Language) {
    await this.languageSwitcher.selectOption(language);
  }
}
