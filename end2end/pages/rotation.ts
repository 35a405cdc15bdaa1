import { expect, type Locator, type Page } from '@playwright/test';
import type { Secrets } from '../fixtures/secrets';
import type { Language } from './app';
import { downloadBy, type DownloadedFile } from './download';

/** A step of a rotation, as the wizard's `data-stage` names it. */
export type Stage = 'preflight' | 'create' | 'hand_over' | 'watch' | 'disable' | 'observe' | 'delete' | 'replace' | 'finished';

/** What a plan does with a key (`data-plan` of its row). */
export type PlanAction = 'create' | 'free_slot' | 'skip';

/** How a key of a plan came out (`data-result` of its row). */
export type PlanResult = 'creating' | 'created' | 'failed' | 'orphan';

/** How a rotation ended (`data-outcome` of its history row). */
export type Outcome = 'completed' | 'old_key_gone' | 'abandoned';

/** The localStorage key the rotations are saved under (`keyturn_core::rotation::ROTATIONS_KEY`). */
export const ROTATIONS_KEY = 'keyturn.rotations';

/** One rotation as saved in localStorage (`keyturn_core::rotation::RotationRecord`), the fields journeys read. */
export interface SavedRotation {
  user_id: string;
  user_name: string;
  old: string;
  new: { access: string; created: string } | null;
  orphan: string | null;
  mode: 'safe' | 'quick';
  stage: Stage;
  pending: { write: 'create' | 'disable' | 'enable' | 'delete'; access?: string; keys_before?: string[] } | null;
  outcome: Outcome | null;
  events: { at: string; what: { kind: string }; request_id: string | null }[];
}

/** The saved book (`keyturn_core::rotation::RotationBook`). */
export interface SavedRotations {
  active: SavedRotation[];
  history: SavedRotation[];
}

/** A key the wizard or the plan created, as shown once. */
export interface ShownKey {
  ak: string;
  sk: string;
}

/** The words the journeys look for, in each language (src/i18n/rotation.rs). */
interface RotationWords {
  title: string;
  stageNames: Record<Exclude<Stage, 'finished'>, string>;
  wizardTitle: (old: string, user: string) => string;
  createNewKey: string;
  savedConfirm: string;
  continue: string;
  startWatching: string;
  checkNow: string;
  moveOnEarly: string;
  toDisable: string;
  disableOld: string;
  rollBack: string;
  toDelete: string;
  completed: string;
  notUsedSinceNewKey: string;
}

const WORDS: Record<Language, RotationWords> = {
  en: {
    title: 'Rotation',
    stageNames: {
      preflight: 'Preflight',
      create: 'Create the new key',
      hand_over: 'Hand over',
      watch: 'Watch the old key',
      disable: 'Disable the old key',
      observe: 'Observe',
      delete: 'Delete the old key',
      replace: 'Disable or delete the old key',
    },
    wizardTitle: (old, user) => `Rotating ${old} of ${user}`,
    createNewKey: 'Create the new key',
    savedConfirm: 'I have saved the secret access key',
    continue: 'Continue',
    startWatching: 'Applications updated: start watching',
    checkNow: 'Check now',
    moveOnEarly: 'I understand: move on now',
    toDisable: 'Move on to disabling the old key',
    disableOld: 'Disable the old key',
    rollBack: 'Roll back',
    toDelete: 'Everything works: delete the old key',
    completed: 'Completed: the old key is retired.',
    notUsedSinceNewKey: 'Not used since the new key was created',
  },
  'zh-CN': {
    title: '轮换',
    stageNames: {
      preflight: '预检',
      create: '创建新密钥',
      hand_over: '交接',
      watch: '观察旧密钥',
      disable: '停用旧密钥',
      observe: '观察期',
      delete: '删除旧密钥',
      replace: '停用或删除旧密钥',
    },
    wizardTitle: (old, user) => `正在轮换 ${user} 的 ${old}`,
    createNewKey: '创建新密钥',
    savedConfirm: '我已保存秘密访问密钥',
    continue: '继续',
    startWatching: '应用已更新：开始观察',
    checkNow: '立即检查',
    moveOnEarly: '我已了解：现在继续',
    toDisable: '继续停用旧密钥',
    disableOld: '停用旧密钥',
    rollBack: '回滚',
    toDelete: '一切正常：删除旧密钥',
    completed: '已完成：旧密钥已退役。',
    notUsedSinceNewKey: '自新密钥创建以来未被使用',
  },
};

/**
 * The Rotation page (`/rotation`): the list of rotations in progress and ended, one rotation's
 * wizard (`data-testid="rotation-wizard"`, its step in `data-stage`), and the plan for many keys
 * (`data-testid="rotation-plan"`). Rows are found by AK (`data-old` in the lists, `data-ak` in the
 * user's keys and the plan); everything else by role and label. Every secret access key the wizard
 * or the plan shows joins the secrets register.
 */
export class RotationPage {
  readonly heading: Locator;
  /** What a signed-out visitor is offered instead of the rotations. */
  readonly signInLink: Locator;
  readonly inProgress: Locator;
  readonly history: Locator;
  readonly wizard: Locator;
  /** The wizard's step list; the current step has `aria-current="step"`. */
  readonly steps: Locator;
  readonly currentStep: Locator;
  /** A failure of the wizard's last step or of reading the keys. */
  readonly errors: Locator;
  /** The wizard's "Working…" while a write is in flight. */
  readonly working: Locator;
  // Preflight.
  readonly safeMode: Locator;
  readonly quickMode: Locator;
  readonly freeSlot: Locator;
  readonly blocked: Locator;
  // Create.
  readonly createButton: Locator;
  readonly newAccessKey: Locator;
  readonly newSecretKey: Locator;
  readonly savedConfirmation: Locator;
  readonly continueButton: Locator;
  readonly orphan: Locator;
  readonly secretGone: Locator;
  // Watch.
  readonly oldKeyUse: Locator;
  readonly newKeyUse: Locator;
  readonly checkEvery: Locator;
  readonly moveOnEarly: Locator;
  readonly toDisableButton: Locator;
  // Disable, observe, delete.
  readonly disableConfirmation: Locator;
  readonly rollBackButton: Locator;
  readonly toDeleteButton: Locator;
  /** "The new key … is gone": the wizard goes no further than rolling back. */
  readonly newKeyMissing: Locator;
  /** "Keyturn is signed in with {old}": the old key is disabled only from a session of the new key. */
  readonly ownKey: Locator;
  /** Why a rotation cannot start (the key is the new key of another rotation). */
  readonly startRefused: Locator;
  readonly plan: Locator;
  private readonly words: RotationWords;

  constructor(
    private readonly page: Page,
    private readonly secrets: Secrets,
    readonly language: Language = 'en',
  ) {
    const w = (this.words = WORDS[language]);
    const main = page.getByRole('main');
    this.heading = page.getByRole('heading', { name: w.title, level: 1 });
    this.signInLink = main.getByRole('link', { name: 'Sign in', exact: true });
    this.inProgress = page.getByRole('table', { name: 'Rotations in progress', exact: true });
    this.history = page.getByRole('table', { name: 'History', exact: true });
    this.wizard = page.getByTestId('rotation-wizard');
    this.steps = this.wizard.locator('ol.rotation-steps > li');
    this.currentStep = this.wizard.locator('ol.rotation-steps > li[aria-current="step"]');
    this.errors = page.getByTestId('error-notice');
    this.working = this.wizard.getByRole('status').filter({ hasText: 'Working…' });
    this.safeMode = this.wizard.getByRole('radio', { name: /^Safe:/ });
    this.quickMode = this.wizard.getByRole('radio', { name: /^Quick:/ });
    this.freeSlot = this.wizard.getByTestId('free-slot');
    this.blocked = this.wizard.getByTestId('preflight-blocked');
    this.createButton = this.wizard.getByRole('button', { name: w.createNewKey, exact: true });
    this.newAccessKey = this.wizard.getByTestId('new-access-key');
    this.newSecretKey = this.wizard.getByTestId('new-secret-key');
    this.savedConfirmation = this.wizard.getByLabel(w.savedConfirm);
    this.continueButton = this.wizard.getByRole('button', { name: w.continue, exact: true });
    this.orphan = this.wizard.getByTestId('orphan');
    this.secretGone = this.wizard.getByTestId('secret-gone');
    this.oldKeyUse = this.wizard.getByTestId('old-key-use');
    this.newKeyUse = this.wizard.getByTestId('new-key-use');
    this.checkEvery = this.wizard.getByLabel('Check every');
    this.moveOnEarly = this.wizard.getByLabel(w.moveOnEarly);
    this.toDisableButton = this.wizard.getByRole('button', { name: w.toDisable, exact: true });
    this.disableConfirmation = this.wizard.getByRole('alertdialog');
    this.rollBackButton = this.wizard.getByRole('button', { name: w.rollBack, exact: true });
    this.toDeleteButton = this.wizard.getByRole('button', { name: w.toDelete, exact: true });
    this.newKeyMissing = this.wizard.getByTestId('new-key-missing');
    this.ownKey = this.wizard.getByTestId('own-key');
    this.startRefused = page.getByTestId('start-refused');
    this.plan = page.getByTestId('rotation-plan');
  }

  /** The same page read in another language. */
  inLanguage(language: Language): RotationPage {
    return new RotationPage(this.page, this.secrets, language);
  }

  /** Follows the main navigation to the list, as a signed-in person would (a reload would sign out). */
  async open() {
    await this.page.getByRole('banner').getByRole('navigation').getByRole('link', { name: this.words.title }).click();
    await expect(this.heading).toBeVisible();
  }

  // The list.

  /** The row of the rotation of `old` in progress. */
  inProgressRow(old: string): Locator {
    return this.inProgress.locator(`tr[data-old="${old}"]`);
  }

  /** The row of the ended rotation of `old`. */
  historyRow(old: string): Locator {
    return this.history.locator(`tr[data-old="${old}"]`);
  }

  /** "Open" on the rotation of `old` in the list. */
  async openRotation(old: string) {
    await this.page.getByRole('button', { name: `Open the rotation of ${old}`, exact: true }).click();
    await expect(this.wizard).toBeVisible();
  }

  /** From the refusal to rotate a new key, "Open the rotation of {old}". */
  async openRotationFromRefusal(old: string) {
    await this.startRefused.getByRole('button', { name: `Open the rotation of ${old}`, exact: true }).click();
    await expect(this.wizard).toBeVisible();
  }

  /** Starts rotating `ak` from the list's form. */
  async startRotationOf(ak: string) {
    await this.page.getByLabel('Access key to rotate (AK)').fill(ak);
    await this.page.getByRole('button', { name: 'Start rotation', exact: true }).click();
  }

  /** Abandons the rotation of `old` from the list, confirmed. */
  async abandon(old: string) {
    await this.page.getByRole('button', { name: `Abandon the rotation of ${old}`, exact: true }).click();
    await this.inProgressRow(old).getByRole('button', { name: 'Abandon', exact: true }).click();
  }

  /** Back from a wizard to the list. */
  async backToList() {
    await this.wizard.getByRole('button', { name: 'Back to the rotations', exact: true }).click();
    await expect(this.wizard).toHaveCount(0);
  }

  // The wizard.

  /** Waits until the wizard stands at `stage`. */
  async at(stage: Stage, timeout?: number) {
    await expect(this.wizard).toHaveAttribute('data-stage', stage, timeout === undefined ? {} : { timeout });
  }

  /** The wizard's heading: "Rotating {old} of {user}". */
  title(old: string, user: string): Locator {
    return this.wizard.getByRole('heading', { name: this.words.wizardTitle(old, user), exact: true });
  }

  /** The name the step list gives `stage`. */
  stageName(stage: Exclude<Stage, 'finished'>): string {
    return this.words.stageNames[stage];
  }

  /** The row of `ak` in the table of the user's keys. */
  userKey(ak: string): Locator {
    return this.wizard.locator(`table.rotation-keys tr[data-ak="${ak}"]`);
  }

  /** How the wizard ended ("Completed: …"). */
  get completed(): Locator {
    return this.wizard.getByRole('status').filter({ hasText: this.words.completed });
  }

  /** At the preflight, the safe wizard or the quick flow, then Continue. */
  async passPreflight(mode: 'safe' | 'quick' = 'safe') {
    await this.at('preflight');
    await (mode === 'safe' ? this.safeMode : this.quickMode).check();
    await this.continueButton.click();
    await this.at('create');
  }

  /** The typed confirmation of deleting `ak`: its field and button. */
  typedConfirmation(ak: string): { field: Locator; button: Locator } {
    return {
      field: this.wizard.getByLabel(`Type ${ak} (or its last 6 characters) to confirm`),
      button: this.wizard.getByRole('button', { name: `Delete ${ak}`, exact: true }),
    };
  }

  /** Types `typed` to confirm deleting `ak`, then presses "Delete {ak}". */
  async confirmDeletion(ak: string, typed: string = ak) {
    const { field, button } = this.typedConfirmation(ak);
    await expect(button).toBeDisabled();
    await field.fill(typed);
    await button.click();
  }

  /** Presses "Create the new key" and reads the AK and SK shown; the SK joins the secrets register. */
  async createNewKey(): Promise<ShownKey> {
    await this.createButton.click();
    return this.shownKey();
  }

  /** The AK and SK the wizard shows now (the SK joins the secrets register). */
  async shownKey(): Promise<ShownKey> {
    await expect(this.newSecretKey).toBeVisible();
    const [ak, sk] = [await this.newAccessKey.innerText(), await this.newSecretKey.innerText()];
    this.secrets.add(sk);
    return { ak, sk };
  }

  /** "Download CSV" of the new key. */
  async downloadCsv(): Promise<DownloadedFile> {
    return downloadBy(this.page, () => this.wizard.getByRole('button', { name: 'Download CSV', exact: true }).click());
  }

  /** Ticks "I have saved the secret access key" and goes on. */
  async confirmSecretSaved() {
    await this.savedConfirmation.check();
    await this.continueButton.click();
  }

  /** After a reload lost the secret: "I saved it: continue" or "I did not save it". */
  async answerSecretGone(saved: boolean) {
    await this.secretGone
      .getByRole('button', { name: saved ? 'I saved it: continue' : 'I did not save it', exact: true })
      .click();
  }

  /** "Delete orphan {ak}". */
  async deleteOrphan(ak: string) {
    await this.orphan.getByRole('button', { name: `Delete orphan ${ak}`, exact: true }).click();
  }

  /** "Applications updated: start watching". */
  async startWatching() {
    await this.wizard.getByRole('button', { name: this.words.startWatching, exact: true }).click();
    await this.at('watch');
  }

  /** "Check now": reads the keys' last use again (what it finds is for the journey to expect). */
  async checkNow() {
    await this.wizard.getByRole('button', { name: this.words.checkNow, exact: true }).click();
  }

  /** After a failed read of the user's keys, "Read the keys again". */
  async readKeysAgain() {
    await this.wizard.getByRole('button', { name: 'Read the keys again', exact: true }).click();
  }

  /** Picks the check interval ("1 minute", "5 minutes", …) by its value in minutes. */
  async checkEveryMinutes(minutes: 1 | 5 | 15 | 60 | 240) {
    await this.checkEvery.selectOption(String(minutes));
  }

  /** The old key's use as the watch says it. */
  oldKeyLastUsed(): RegExp {
    return /^Last used (less than a minute|\d+ minutes?) ago$/;
  }

  get notUsedSinceNewKey(): string {
    return this.words.notUsedSinceNewKey;
  }

  /** "Move on to disabling the old key", acknowledging the early warning when it is asked. */
  async moveOnToDisable({ early }: { early: boolean }) {
    if (early) await this.moveOnEarly.check();
    await this.toDisableButton.click();
    await this.at('disable');
  }

  /** "Disable the old key", then the confirmation (what follows is for the journey to expect). */
  async confirmDisable() {
    await this.wizard.getByRole('button', { name: this.words.disableOld, exact: true }).click();
    await this.disableConfirmation.getByRole('button', { name: this.words.disableOld, exact: true }).click();
  }

  /** "Disable the old key", then the confirmation; waits for Observe. */
  async disableOldKey() {
    await this.confirmDisable();
    await this.at('observe');
  }

  /** "Roll back": the old key is enabled again; waits for Watch. */
  async rollBack() {
    await this.rollBackButton.click();
    await this.at('watch');
  }

  /** "Everything works: delete the old key". */
  async toDelete() {
    await this.toDeleteButton.click();
    await this.at('delete');
  }

  /** A quick rotation's last step: disable (the default) or delete the old key `old`. */
  async replaceOldKey(old: string, end: 'disable' | 'delete') {
    await this.at('replace');
    const disable = this.wizard.getByRole('radio', { name: 'Disable it (it can be enabled again)' });
    await expect(disable, 'disabling is the default').toBeChecked();
    if (end === 'disable') {
      await this.wizard.getByRole('button', { name: this.words.disableOld, exact: true }).click();
    } else {
      await this.wizard.getByRole('radio', { name: 'Delete it', exact: true }).check();
      await this.confirmDeletion(old, old.slice(-6));
    }
  }

  // The plan.

  /** A key's row in the plan. */
  planRow(ak: string): Locator {
    return this.plan.locator(`tbody tr[data-ak="${ak}"]`);
  }

  /** The plan's rows that do `action`. */
  planRows(action: PlanAction): Locator {
    return this.plan.locator(`tbody tr[data-ak][data-plan="${action}"]`);
  }

  /** The plan's rows with `result`. */
  planResults(result: PlanResult): Locator {
    return this.plan.locator(`tbody tr[data-ak][data-result="${result}"]`);
  }

  /** "Create N new keys". */
  get executeButton(): Locator {
    return this.plan.getByRole('button', { name: /^Create \d+ new keys?$/ });
  }

  /** The new secrets, shown once after the run. */
  get planSecrets(): Locator {
    return this.plan.getByTestId('plan-secrets');
  }

  /** Runs the plan and waits until every key is answered; returns the AK/SK pairs shown (each SK joins the register). */
  async executePlan(): Promise<ShownKey[]> {
    await this.executeButton.click();
    await expect(this.plan.getByRole('progressbar', { name: 'Creating new keys' })).toBeVisible();
    await expect(this.planResults('creating')).toHaveCount(0, { timeout: 30_000 });
    return this.shownPlanSecrets();
  }

  /** After a failed read of the plan's keys, "Try again". */
  async tryPlanAgain() {
    await this.plan.getByRole('button', { name: 'Try again', exact: true }).click();
  }

  /** "Retry failed (n)", then waits until every key is answered. */
  async retryFailed() {
    await this.plan.getByRole('button', { name: /^Retry failed \(\d+\)$/ }).click();
    await expect(this.planResults('creating')).toHaveCount(0, { timeout: 30_000 });
  }

  /** The new keys and secrets the plan shows now (each SK joins the register). */
  async shownPlanSecrets(): Promise<ShownKey[]> {
    await expect(this.planSecrets).toBeVisible();
    const rows = this.planSecrets.locator('tr[data-new-ak]');
    const shown = await rows.evaluateAll((trs) =>
      trs.map((tr) => ({
        ak: tr.getAttribute('data-new-ak') ?? '',
        sk: tr.querySelector('[data-testid="plan-secret"]')?.textContent ?? '',
      })),
    );
    shown.forEach(({ sk }) => this.secrets.add(sk));
    return shown;
  }

  /** The plan's one CSV of every new secret. */
  async downloadPlanCsv(): Promise<DownloadedFile> {
    return downloadBy(this.page, () => this.planSecrets.getByRole('button', { name: 'Download CSV', exact: true }).click());
  }

  /** When the run created no key: back to the list. */
  async planBackToList() {
    await this.plan.getByRole('button', { name: 'Back to the rotations', exact: true }).click();
    await expect(this.plan).toHaveCount(0);
  }

  /** "I have saved the secret access keys", then on to the list (each key in its own wizard). */
  async confirmPlanSecretsSaved() {
    const next = this.planSecrets.getByRole('button', { name: 'Continue: each key goes on in its own wizard' });
    await expect(next).toBeDisabled();
    await this.planSecrets.getByLabel('I have saved the secret access keys').check();
    await next.click();
    await expect(this.plan).toHaveCount(0);
  }

  // What the browser keeps.

  /** The rotations as saved in localStorage, and the raw text saved. */
  async saved(): Promise<{ text: string; book: SavedRotations }> {
    const text = await this.page.evaluate((key) => window.localStorage.getItem(key) ?? '', ROTATIONS_KEY);
    return { text, book: text ? (JSON.parse(text) as SavedRotations) : { active: [], history: [] } };
  }

  /** The saved rotation of `old` in progress. */
  async savedRotation(old: string): Promise<SavedRotation | undefined> {
    return (await this.saved()).book.active.find((r) => r.old === old);
  }
}
