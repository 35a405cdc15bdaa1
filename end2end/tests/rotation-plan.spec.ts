import { test, expect } from '../fixtures/test';
import type { DemoAccount, DemoKey } from '../fixtures/demo';
import { failUnprocessed, isCreateKey, isCreateKeyFor, loseAnswersAfterCommit } from '../fixtures/faults';
import { csvRecords } from '../pages/download';
import type { PlanAction } from '../pages/rotation';

/** What the plan should do with an overdue key of the demo account, and what its row says. */
function planned(demo: DemoAccount, key: DemoKey, rotating: ReadonlySet<string>): { action: PlanAction; says: string } {
  if (!key.user.enabled) return { action: 'skip', says: 'Skipped: the user is disabled' };
  if (rotating.has(key.access)) return { action: 'skip', says: 'Skipped: already rotating' };
  if (key.status === 'inactive') {
    return { action: 'skip', says: 'Skipped: the key is inactive, nothing signs with it (delete it rather than rotate it)' };
  }
  const other = demo.keysOf(key.user.name).find((k) => k.access !== key.access);
  if (!other) return { action: 'create', says: 'Create the new key now' };
  if (other.status === 'inactive' || other.never_used) {
    return { action: 'free_slot', says: `Free a slot first: ${other.access} (asked in its wizard)` };
  }
  return { action: 'skip', says: "Skipped: both of the user's keys are active and in use" };
}

test('the plan for every overdue key: a dry run, the new keys created, their secrets once in one CSV, then a wizard each', async ({
  app, connect, credentials, rotation, emulator, demo,
}) => {
  const overdue = demo.where({ badge: 'overdue' });
  await connect.signInAsAdmin();
  await credentials.loaded(demo.keys.length);

  // One overdue key is already rotating: the plan leaves it to its wizard.
  const [alreadyRotating] = demo.keysOf(demo.user('mfa').name);
  expect(alreadyRotating?.badge).toBe('overdue');
  await credentials.rotate(alreadyRotating!.access);
  await rotation.at('preflight');
  await app.navigateTo('Access keys');
  await credentials.loaded(demo.keys.length);

  await expect(credentials.planOverdueLink).toHaveText(`Plan the rotation of ${overdue.length} overdue keys`);
  await credentials.planOverdueRotation();
  await expect(rotation.plan).toBeVisible();
  const rotating = new Set([alreadyRotating!.access]);
  const expected = new Map(overdue.map((k) => [k.access, planned(demo, k, rotating)]));
  for (const key of overdue) {
    const { action, says } = expected.get(key.access)!;
    await expect(rotation.planRow(key.access), key.user.name).toHaveAttribute('data-plan', action);
    await expect(rotation.planRow(key.access), key.user.name).toContainText(says);
  }
  const toCreate = overdue.filter((k) => expected.get(k.access)!.action === 'create');
  const freeFirst = overdue.filter((k) => expected.get(k.access)!.action === 'free_slot');
  expect(toCreate.length, 'the demo plan creates keys').toBeGreaterThan(1);
  expect(freeFirst.length, 'the demo plan has a user to free a slot for').toBeGreaterThan(0);
  expect(overdue.filter((k) => expected.get(k.access)!.action === 'skip').length).toBeGreaterThan(1);
  expect((await emulator.state()).credentials.length, 'a dry run sends nothing').toBe(demo.keys.length);

  // Run it: a result per key, the secrets once.
  await expect(rotation.executeButton).toHaveText(`Create ${toCreate.length} new keys`);
  const shown = await rotation.executePlan();
  await expect(rotation.planResults('created')).toHaveCount(toCreate.length);
  await expect(rotation.planResults('failed')).toHaveCount(0);
  const state = await emulator.state();
  const newKeys = new Map(
    toCreate.map((k) => {
      const added = state.credentials.filter((c) => c.user_id === k.user_id && !demo.keys.some((d) => d.access === c.access));
      expect(added, `${k.user.name} got exactly one new key`).toHaveLength(1);
      return [k.access, added[0]!.access];
    }),
  );
  expect(state.credentials.length).toBe(demo.keys.length + toCreate.length);
  expect(shown.map((s) => s.ak).sort()).toEqual([...newKeys.values()].sort());
  for (const key of toCreate) await expect(rotation.planRow(key.access)).toContainText(`Created ${newKeys.get(key.access)}`);

  const csv = await rotation.downloadPlanCsv();
  expect(csv.name).toBe('credentials.csv');
  const [header, ...lines] = csvRecords(csv.text.trim());
  expect(header).toEqual(['User Name', 'Access Key Id', 'Secret Access Key']);
  expect(lines.sort()).toEqual(
    toCreate.map((k) => [k.user.name, newKeys.get(k.access)!, shown.find((s) => s.ak === newKeys.get(k.access))!.sk]).sort(),
  );
  const whileShown = await rotation.saved();
  for (const { sk } of shown) expect(whileShown.text).not.toContain(sk);
  await rotation.confirmPlanSecretsSaved();

  // Each key goes on in its own wizard, listed as in progress.
  for (const key of toCreate) {
    await expect(rotation.inProgressRow(key.access)).toContainText(newKeys.get(key.access)!);
    await expect(rotation.inProgressRow(key.access)).toContainText(rotation.stageName('hand_over'));
  }
  for (const key of [...freeFirst, alreadyRotating!]) {
    await expect(rotation.inProgressRow(key.access)).toContainText(rotation.stageName('preflight'));
  }
  const [first] = toCreate;
  await rotation.openRotation(first!.access);
  await rotation.at('hand_over');
  await expect(rotation.wizard).toContainText(`New key: ${newKeys.get(first!.access)}`);
  await rotation.backToList();
  await rotation.openRotation(freeFirst[0]!.access);
  await rotation.at('preflight');
  await expect(rotation.freeSlot).toBeVisible();
  expect((await rotation.saved()).text).not.toMatch(new RegExp(shown.map((s) => s.sk).join('|')));
});

test('a plan whose creates go unanswered reports each orphan and never creates a second key', async ({
  page, connect, credentials, rotation, emulator, demo,
}) => {
  const overdue = demo.where({ badge: 'overdue' });
  const toCreate = overdue.filter((k) => planned(demo, k, new Set()).action === 'create');
  await connect.signInAsAdmin();
  await credentials.loaded(demo.keys.length);
  await credentials.planOverdueRotation();
  await expect(rotation.executeButton).toHaveText(`Create ${toCreate.length} new keys`);

  const lost = await loseAnswersAfterCommit(page, isCreateKey);
  await rotation.executeButton.click();
  await expect(rotation.planResults('orphan')).toHaveCount(toCreate.length);
  expect(lost.count).toBe(toCreate.length);
  const state = await emulator.state();
  expect(state.credentials.length, 'one key per create sent').toBe(demo.keys.length + toCreate.length);
  for (const key of toCreate) {
    const [orphan, ...more] = state.credentials.filter((c) => c.user_id === key.user_id && !demo.keys.some((d) => d.access === c.access));
    expect(more).toEqual([]);
    await expect(rotation.planRow(key.access)).toContainText(`No answer: ${orphan!.access} was created but its secret was never seen`);
  }
  await expect(rotation.planSecrets).toHaveCount(0);
  await expect(rotation.plan.getByRole('button', { name: /^Retry failed/ })).toHaveCount(0);
  await lost.stop();

  // Each key's wizard takes it from there: delete the orphan, then create once.
  const [first] = toCreate;
  await rotation.planBackToList();
  await rotation.openRotation(first!.access);
  await rotation.at('create');
  const [, orphan] = await emulator.keysOf(first!.user.name);
  await expect(rotation.orphan).toContainText(orphan!.access);
  await rotation.deleteOrphan(orphan!.access);
  const created = await rotation.createNewKey();
  await rotation.confirmSecretSaved();
  expect((await emulator.keysOf(first!.user.name)).map((k) => k.access)).toEqual([first!.access, created.ak]);
});

test('a plan that cannot be read offers to try again; a failed create is listed with its reason and Retry failed creates it once', async ({
  page, connect, credentials, rotation, emulator, demo,
}) => {
  const overdue = demo.where({ badge: 'overdue' });
  const toCreate = overdue.filter((k) => planned(demo, k, new Set()).action === 'create');
  const [failing] = toCreate;
  await connect.signInAsAdmin();
  await credentials.loaded(demo.keys.length);

  // One user's keys cannot be listed: the plan says so and is read again on request.
  const listing = `**/OS-CREDENTIAL/credentials?user_id=${failing!.user_id}`;
  await page.route(listing, (route) => route.abort('connectionrefused'));
  await credentials.planOverdueRotation();
  await expect(rotation.plan).toContainText('The plan could not be made.', { timeout: 30_000 });
  await page.unroute(listing);
  await rotation.tryPlanAgain();
  await expect(rotation.executeButton).toHaveText(`Create ${toCreate.length} new keys`);

  // The gateway fails one user's create without processing it.
  const failed = await failUnprocessed(page, isCreateKeyFor(failing!.user_id));
  await rotation.executeButton.click();
  await expect(rotation.planResults('failed')).toHaveCount(1, { timeout: 30_000 });
  await expect(rotation.planRow(failing!.access)).toHaveAttribute('data-result', 'failed');
  await expect(rotation.planRow(failing!.access)).toContainText('APIGW.0202');
  await expect(rotation.planResults('created')).toHaveCount(toCreate.length - 1);
  expect(failed.count).toBe(1);
  expect((await emulator.keysOf(failing!.user.name)).map((k) => k.access)).toEqual([failing!.access]);

  await failed.stop();
  await rotation.retryFailed();
  await expect(rotation.planResults('created')).toHaveCount(toCreate.length);
  const shown = await rotation.shownPlanSecrets();
  expect(shown).toHaveLength(toCreate.length);
  const state = await emulator.state();
  expect(state.credentials.length, 'one new key per planned key').toBe(demo.keys.length + toCreate.length);
  await rotation.confirmPlanSecretsSaved();
  await expect(rotation.inProgressRow(failing!.access)).toContainText(rotation.stageName('hand_over'));
});

test('keys ticked in the access key table make the plan, whatever their badge', async ({
  page, connect, credentials, rotation, demo,
}) => {
  expect(demo.where({ badge: 'ok', status: 'active' }).length).toBeGreaterThan(0);
  const chosen = [demo.overdueKeyInUse, ...demo.where({ badge: 'ok', status: 'active' }).slice(0, 1)];
  await connect.signInAsAdmin();
  await credentials.loaded(demo.keys.length);
  for (const key of chosen) await credentials.selectKey(key.access);
  await credentials.planSelectedRotation(chosen.length);
  await expect(page).toHaveURL(/\/rotation\?plan=/);
  await expect(rotation.plan).toBeVisible();
  for (const key of chosen) await expect(rotation.planRow(key.access)).toBeVisible();
});
