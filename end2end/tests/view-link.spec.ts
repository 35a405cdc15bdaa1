import { test, expect } from '../fixtures/test';
import { ConnectPage } from '../pages/connect';
import { CredentialsPage } from '../pages/credentials';

test('filters, sort and the selected user live in the URL, and a link reproduces the view', async ({ page, context, stack, secrets, connect, credentials, demo }) => {
  await connect.signInAsAdmin();
  await credentials.loaded(demo.keys.length);

  await credentials.filterByPolicy('overdue');
  await expect(credentials.keyRows).toHaveCount(demo.where({ badge: 'overdue' }).length);
  await credentials.showNeverUsedOnly();
  await expect(credentials.keyRows).toHaveCount(demo.where({ badge: 'overdue', neverUsed: true }).length);
  await credentials.sortBy('Age (days)');
  await expect(credentials.columnHeader('Age (days)')).toHaveAttribute('aria-sort', 'ascending');
  await credentials.sortBy('Age (days)');
  await expect(credentials.columnHeader('Age (days)')).toHaveAttribute('aria-sort', 'descending');
  expect(page.url()).toContain('badge=overdue');
  expect(page.url()).toContain('never=1');
  expect(page.url()).toContain('sort=age');
  expect(page.url()).toContain('dir=desc');

  const unused = demo.overdueUnusedKey;
  await credentials.showOnlyUser(unused.user.name);
  await expect(credentials.keyRows).toHaveCount(1);
  await expect(credentials.row(unused.access)).toBeVisible();
  await expect(credentials.showingOnly(unused.user.name)).toBeVisible();
  expect(page.url()).toContain('user=');
  const link = page.url();

  // A colleague opens the link in a fresh tab: they sign in and land on the same view.
  const other = await context.newPage();
  await other.goto(link);
  const theirs = new CredentialsPage(other, secrets);
  await theirs.followConnectLink();
  const theirConnect = new ConnectPage(other, stack, secrets);
  await theirConnect.enterAccessKey(demo.admin);
  await theirConnect.signIn();
  await expect(theirs.row(unused.access)).toBeVisible();
  await expect(theirs.keyRows).toHaveCount(1);
  await expect(theirs.policyFilter).toHaveValue('overdue');
  await expect(theirs.neverUsedOnly).toBeChecked();
  await expect(theirs.columnHeader('Age (days)')).toHaveAttribute('aria-sort', 'descending');

  await theirs.showAllUsers();
  await expect(theirs.keyRows).toHaveCount(demo.where({ badge: 'overdue', neverUsed: true }).length);
  expect(other.url()).not.toContain('user=');
  await other.close();
});
