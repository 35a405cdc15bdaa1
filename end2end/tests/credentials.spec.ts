import { readFileSync } from 'node:fs';
import { test, expect } from '../fixtures/test';
import { keyByAk, keysOf } from '../fixtures/emulator';
import { ConnectPage } from '../pages/connect';
import { CredentialsPage } from '../pages/credentials';

// The demo account (crates/emulator/README.md) under the default policy (rotate at 90 days,
// warn 14 days before): 12 keys, 7 overdue, 2 due soon, 3 OK, 3 never used, 2 inactive,
// and erin and auditor hold no key.
const DEMO_KEYS = 12;
const ALICE = { ak: 'ALICEDEMOACCESSKEY01', sk: 'AliceDemoSecretKey0000000000000000000001' };

test('the table loads the demo account with the right badges', async ({ page, stack }) => {
  await new ConnectPage(page).signInAsAdmin(stack.url, stack.account);
  const table = new CredentialsPage(page);
  await table.loaded(DEMO_KEYS);

  const counts = { keys: 12, overdue: 7, 'due-soon': 2, ok: 3, 'never-used': 3, inactive: 2, 'users-without-keys': 2 };
  for (const [name, count] of Object.entries(counts)) {
    await expect(table.summary(name)).toContainText(String(count));
  }
  const [terraform] = await keysOf(stack, 'ci-terraform');
  await expect(table.row(terraform.access)).toContainText('Overdue');
  await expect(table.row(terraform.access)).toContainText('Never used');
  const [oldBob] = await keysOf(stack, 'bob');
  await expect(table.row(oldBob.access)).toContainText('Inactive');
  await expect(table.row(oldBob.access)).toContainText('Due soon');
  await expect(table.row(stack.account.admin.ak)).toContainText('OK');
  await expect(table.table.locator('tr[data-user-without-keys="erin"]')).toBeVisible();
  await expect(table.table.locator('tr[data-user-without-keys="auditor"]')).toBeVisible();
  for (const key of await keysOf(stack, 'ci-backup')) {
    await expect(table.row(key.access)).toContainText('No free slot');
  }
  await expect(page.getByRole('img', { name: 'Key ages' })).toBeVisible();
});

test('filters, sort and the selected user live in the URL, and a link reproduces the view', async ({ page, stack, context }) => {
  await new ConnectPage(page).signInAsAdmin(stack.url, stack.account);
  const table = new CredentialsPage(page);
  await table.loaded(DEMO_KEYS);

  await page.getByLabel('Policy').selectOption({ label: 'Overdue' });
  await expect(table.keyRows).toHaveCount(7);
  await page.getByLabel('Never used only').check();
  await expect(table.keyRows).toHaveCount(2);
  await table.button('Age (days)').click();
  await expect(page.locator('th[aria-sort="ascending"]')).toContainText('Age (days)');
  await table.button('Age (days)').click();
  await expect(page.locator('th[aria-sort="descending"]')).toContainText('Age (days)');
  expect(page.url()).toContain('badge=overdue');
  expect(page.url()).toContain('never=1');
  expect(page.url()).toContain('sort=age');
  expect(page.url()).toContain('dir=desc');

  await page.getByRole('button', { name: 'Show only ci-terraform' }).click();
  const [terraform] = await keysOf(stack, 'ci-terraform');
  await expect(table.keyRows).toHaveCount(1);
  await expect(table.row(terraform.access)).toBeVisible();
  await expect(page.getByText('Showing only the keys of ci-terraform.')).toBeVisible();
  expect(page.url()).toContain('user=');
  const link = page.url();

  // A colleague opens the link in a fresh tab: they sign in and land on the same view.
  const other = await context.newPage();
  await other.goto(link);
  await other.locator('#main').getByRole('link', { name: 'Connect' }).click();
  const connect = new ConnectPage(other);
  await connect.fillAkSk(stack.account.admin.ak, stack.account.admin.sk);
  await connect.signIn();
  const theirs = new CredentialsPage(other);
  await expect(theirs.row(terraform.access)).toBeVisible();
  await expect(theirs.keyRows).toHaveCount(1);
  await expect(other.getByLabel('Policy')).toHaveValue('overdue');
  await expect(other.getByLabel('Never used only')).toBeChecked();
  await expect(other.locator('th[aria-sort="descending"]')).toContainText('Age (days)');

  await theirs.button('Show all users').click();
  await expect(theirs.keyRows).toHaveCount(2);
  expect(other.url()).not.toContain('user=');
  await other.close();
});

test('CSV export holds exactly the visible rows', async ({ page, stack }) => {
  await new ConnectPage(page).signInAsAdmin(stack.url, stack.account);
  const table = new CredentialsPage(page);
  await table.loaded(DEMO_KEYS);
  await page.getByLabel('Status').selectOption({ label: 'Inactive' });
  await expect(table.keyRows).toHaveCount(2);

  const downloading = page.waitForEvent('download');
  await table.button('Export CSV').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('keyturn-access-keys.csv');
  const lines = readFileSync((await download.path())!, 'utf8').trim().split(/\r?\n/);
  expect(lines[0]).toBe('user_name,user_id,access_key,status,created,age_days,last_used,description,badge,usage');
  expect(lines).toHaveLength(3);
  const [bobKey] = await keysOf(stack, 'bob');
  expect(lines.some((l) => l.startsWith('bob,') && l.includes(bobKey.access) && l.includes(',inactive,'))).toBe(true);
  expect(lines.some((l) => l.startsWith('sec-ops,') && l.includes(',never,'))).toBe(true);

  const jsonDownload = page.waitForEvent('download');
  await table.button('Export JSON').click();
  const rows = JSON.parse(readFileSync((await (await jsonDownload).path())!, 'utf8'));
  expect(rows.map((r: { user_name: string }) => r.user_name).sort()).toEqual(['bob', 'sec-ops']);
});

test('a new key is shown once, downloaded as credentials.csv, and never again', async ({ page, stack, secrets }) => {
  await new ConnectPage(page).signInAsAdmin(stack.url, stack.account);
  const table = new CredentialsPage(page);
  await table.loaded(DEMO_KEYS);

  await table.button('Create key for erin').click();
  const create = table.dialog('Create access key');
  await create.getByLabel('Description').fill('erin laptop');
  await create.getByRole('button', { name: 'Create access key' }).click();

  const secretDialog = table.dialog('Save the new access key');
  await expect(secretDialog).toBeVisible();
  const [created] = await keysOf(stack, 'erin');
  expect(created.description).toBe('erin laptop');
  await expect(secretDialog).toContainText(created.access);

  const downloading = page.waitForEvent('download');
  await secretDialog.getByRole('button', { name: 'Download CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('credentials.csv');
  const [header, line] = readFileSync((await download.path())!, 'utf8').trim().split('\n');
  expect(header).toBe('User Name,Access Key Id,Secret Access Key');
  const [user, ak, sk] = line.split(',');
  expect([user, ak]).toEqual(['erin', created.access]);
  expect(sk).toMatch(/^[A-Za-z0-9]{40}$/);
  secrets.add(sk);
  await expect(secretDialog).toContainText(sk);

  // The dialog cannot be dismissed by accident.
  const close = secretDialog.getByRole('button', { name: 'Close' });
  await expect(close).toBeDisabled();
  await page.keyboard.press('Escape');
  await expect(secretDialog).toBeVisible();
  await secretDialog.getByLabel('I have saved the secret access key').check();
  await close.click();
  await expect(secretDialog).toHaveCount(0);

  await expect(table.row(created.access)).toContainText('erin laptop');
  expect(await page.content()).not.toContain(sk);
});

test('disable then enable a key, row updated from the server', async ({ page, stack }) => {
  await new ConnectPage(page).signInAsAdmin(stack.url, stack.account);
  const table = new CredentialsPage(page);
  await table.loaded(DEMO_KEYS);
  const [key] = await keysOf(stack, 'ci-deploy');

  await table.button(`Disable ${key.access}`).click();
  await expect(table.row(key.access)).toContainText('Inactive');
  expect((await keyByAk(stack, key.access))?.status).toBe('inactive');

  await table.button(`Enable ${key.access}`).click();
  await expect(table.row(key.access)).toContainText('Active');
  expect((await keyByAk(stack, key.access))?.status).toBe('active');
});

test('delete asks for the key to be typed, warns, then removes it', async ({ page, stack }) => {
  await new ConnectPage(page).signInAsAdmin(stack.url, stack.account);
  const table = new CredentialsPage(page);
  await table.loaded(DEMO_KEYS);
  const [key] = await keysOf(stack, 'ci-terraform');

  await table.button(`Delete ${key.access}`).click();
  const dialog = table.dialog('Delete access key');
  await expect(dialog.getByRole('alert')).toBeVisible(); // active, and the user's only active key
  const confirm = dialog.getByRole('button', { name: 'Delete', exact: true });
  await expect(confirm).toBeDisabled();
  const typed = dialog.getByLabel('Type the access key ID or its last 6 characters to confirm');
  await typed.fill('WRONG1');
  await expect(confirm).toBeDisabled();
  await typed.fill(key.access.slice(-6));
  await expect(confirm).toBeEnabled();
  await confirm.click();

  await expect(table.row(key.access)).toHaveCount(0);
  expect(await keyByAk(stack, key.access)).toBeUndefined();
  await expect(table.table.locator('tr[data-user-without-keys="ci-terraform"]')).toBeVisible();
});

test('a user with two keys cannot get a third and is pointed to the rotation wizard', async ({ page, stack }) => {
  await new ConnectPage(page).signInAsAdmin(stack.url, stack.account);
  const table = new CredentialsPage(page);
  await table.loaded(DEMO_KEYS);

  await expect(table.button('Create key for ci-backup')).toBeDisabled();
  await expect(page.getByText('ci-backup already has two access keys: rotate one instead')).toBeVisible();
  await page.getByRole('link', { name: 'Rotation wizard' }).first().click();
  await expect(page).toHaveURL(/\/rotation/);
});

test('a non-administrator sees only their own keys', async ({ page, stack, secrets }) => {
  secrets.add(ALICE.sk);
  const connect = new ConnectPage(page);
  await connect.open(stack.url);
  await connect.fillAkSk(ALICE.ak, ALICE.sk);
  await connect.signIn();
  const table = new CredentialsPage(page);
  await expect(page.getByTestId('own-keys-notice')).toBeVisible();
  await table.loaded(1);
  await expect(table.row(ALICE.ak)).toContainText('alice');
});

test('edit a key description; the row shows the server answer', async ({ page, stack }) => {
  await new ConnectPage(page).signInAsAdmin(stack.url, stack.account);
  const table = new CredentialsPage(page);
  await table.loaded(DEMO_KEYS);
  const [key] = await keysOf(stack, 'monitoring-bot');

  await table.button(`Edit description ${key.access}`).click();
  const dialog = table.dialog('Edit description');
  await dialog.getByLabel('Description').fill('prometheus exporter, rotate in June');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(table.row(key.access)).toContainText('prometheus exporter, rotate in June');
  expect((await keyByAk(stack, key.access))?.description).toBe('prometheus exporter, rotate in June');
});
