import { test, expect } from '../fixtures/test';
import { KmsAccount, type NotRotatable } from '../fixtures/kms';
import { csvRecords } from '../pages/download';

const EVERY_REASON: NotRotatable[] = [
  'default_key',
  'external',
  'asymmetric',
  'disabled',
  'pending_deletion',
  'pending_import',
  'pending_activation',
];

test('every key of the region shows its state, its rotation or why it cannot rotate, and the counts match KMS', async ({
  page, connect, kms, kmsAccount, stack,
}) => {
  const region = stack.account.region;
  const keys = kmsAccount.inRegion(region);
  expect(new Set(keys.map((k) => k.cannotRotate)), 'the demo shows every reason and rotatable keys').toEqual(
    new Set([null, ...EVERY_REASON]),
  );

  await connect.signInAsAdmin();
  await kms.open();
  await kms.loaded(keys.length);
  await expect(kms.region).toHaveValue(region);
  await expect.poll(() => kms.counts()).toEqual(KmsAccount.counts(keys));

  for (const key of keys) {
    await expect(kms.cell(key.alias, 'id')).toHaveText(key.id);
    await expect(kms.cell(key.alias, 'state'), key.alias).toHaveText(kms.stateLabel(key.state));
    await expect(kms.cell(key.alias, 'rotatable'), key.alias).toHaveText(kms.rotatableLabel(key.cannotRotate));
    if (key.cannotRotate) {
      // Nothing to offer for a key KMS would refuse.
      await expect(kms.cell(key.alias, 'rotation')).toHaveText('—');
      await expect(kms.enableButton(key.alias)).toHaveCount(0);
      await expect(kms.disableButton(key.alias)).toHaveCount(0);
    } else if (key.rotation.enabled) {
      await expect(kms.cell(key.alias, 'rotation')).toHaveText(kms.rotationLabel(true));
      await expect(kms.cell(key.alias, 'interval')).toHaveText(String(key.rotation.days));
      await expect(kms.changeIntervalButton(key.alias)).toBeVisible();
      await expect(kms.disableButton(key.alias)).toBeVisible();
      await expect(kms.enableButton(key.alias)).toHaveCount(0);
    } else {
      await expect(kms.cell(key.alias, 'rotation')).toHaveText(kms.rotationLabel(false));
      await expect(kms.enableButton(key.alias)).toBeVisible();
      await expect(kms.disableButton(key.alias)).toHaveCount(0);
    }
  }
  // Keys are per project: the other region's key is not in this one.
  await expect(kms.row(kmsAccount.key('other-region').alias)).toHaveCount(0);
  await expect(kms.rows).toHaveCount(keys.length);
  // Only the rotatable keys' statuses were read.
  await expect
    .poll(async () => new Set((await kms.calls.settled()).filter((c) => c.operation === 'get-key-rotation-status').map((c) => c.keyId)))
    .toEqual(new Set(keys.filter((k) => !k.cannotRotate).map((k) => k.id)));
  expect(page.url()).not.toContain('?');
});

test('the CSV export holds exactly the rows shown, in their order', async ({ page, connect, kms, kmsAccount, stack }) => {
  const keys = kmsAccount.inRegion(stack.account.region);
  await connect.signInAsAdmin();
  await kms.open();
  await kms.loaded(keys.length);

  await kms.showNotRotatableOnly();
  await expect(page).toHaveURL(/[?&]nr=1(&|$)/);
  const shown = keys.filter((k) => k.cannotRotate);
  await expect(kms.rows).toHaveCount(shown.length);
  const aliases = await kms.shownAliases();

  const csv = await kms.exportCsv();
  expect(csv.name).toBe('keyturn-kms-keys.csv');
  const [header, ...lines] = csvRecords(csv.text);
  expect(header).toEqual([
    'alias', 'key_id', 'state', 'spec', 'usage', 'origin', 'default_key', 'created', 'rotation',
    'not_rotatable', 'interval_days', 'last_rotation', 'rotations', 'description',
  ]);
  expect(lines.map((line) => line[0]), 'one line per row shown, in the table order').toEqual(aliases);
  for (const key of shown) {
    const line = lines.find((l) => l[1] === key.id);
    expect(line, `a line for ${key.alias}`).toBeDefined();
    const field = (name: string) => line![header!.indexOf(name)];
    expect(field('alias')).toBe(key.alias);
    expect(field('state')).toBe(key.state);
    expect(field('spec')).toBe(key.spec);
    expect(field('not_rotatable'), key.alias).toBe(key.cannotRotate);
    expect(field('rotation'), 'a key that cannot rotate has no rotation').toBe('');
    expect(field('default_key')).toBe(String(key.cannotRotate === 'default_key'));
  }

  const json = await kms.exportJson();
  expect(json.name).toBe('keyturn-kms-keys.json');
  const rows = JSON.parse(json.text) as { key_id: string; not_rotatable: string | null }[];
  expect(rows.map((r) => r.key_id)).toEqual(lines.map((l) => l[1]));
  expect(rows.every((r) => r.not_rotatable !== null)).toBe(true);
});
