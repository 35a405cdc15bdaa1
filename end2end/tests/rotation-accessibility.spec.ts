import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from '../fixtures/test';

/** axe-core's serious and critical findings on the page as it is now (WCAG 2.1 A and AA). */
async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

test('the wizard at every step, the list and the plan pass axe', async ({ page, app, connect, credentials, rotation, demo }) => {
  const old = demo.overdueKeyInUse;
  await connect.signInAsAdmin();
  await credentials.loaded(demo.keys.length);
  await credentials.rotate(old.access);
  await rotation.at('preflight');
  await expect(rotation.userKey(old.access)).toBeVisible();
  expect(await seriousViolations(page), 'preflight').toEqual([]);
  await rotation.passPreflight('safe');
  await rotation.createNewKey();
  expect(await seriousViolations(page), 'the secret shown').toEqual([]);
  await rotation.confirmSecretSaved();
  await rotation.at('hand_over');
  expect(await seriousViolations(page), 'hand over').toEqual([]);
  await rotation.startWatching();
  expect(await seriousViolations(page), 'watch').toEqual([]);
  await rotation.moveOnToDisable({ early: true });
  await rotation.wizard.getByRole('button', { name: 'Disable the old key', exact: true }).click();
  await expect(rotation.disableConfirmation).toBeVisible();
  expect(await seriousViolations(page), 'disable, confirming').toEqual([]);
  await rotation.disableConfirmation.getByRole('button', { name: 'Disable the old key', exact: true }).click();
  await rotation.at('observe');
  expect(await seriousViolations(page), 'observe').toEqual([]);
  await rotation.toDelete();
  expect(await seriousViolations(page), 'delete').toEqual([]);
  await rotation.backToList();
  await expect(rotation.inProgressRow(old.access)).toBeVisible();
  expect(await seriousViolations(page), 'the list').toEqual([]);

  await app.navigateTo('Access keys');
  await credentials.loaded(demo.keys.length + 1);
  await credentials.planOverdueRotation();
  await expect(rotation.executeButton).toBeVisible();
  expect(await seriousViolations(page), 'the plan').toEqual([]);
  await rotation.executePlan();
  expect(await seriousViolations(page), 'the plan’s secrets').toEqual([]);
});
