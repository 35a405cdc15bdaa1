import { test, expect } from '../fixtures/test';
import type { SummaryCounts } from '../fixtures/demo';
import { BADGE_LABEL, STATUS_LABEL } from '../pages/credentials';

// Under the default policy (rotate at 90 days, warn 14 days before), every key of the demo
// account shows its status and badge, and the summary counts them.
test('the table loads the demo account with the right badges', async ({ connect, credentials, demo }) => {
  await connect.signInAsAdmin();
  await credentials.loaded(demo.keys.length);

  for (const [name, count] of Object.entries(demo.summary) as [keyof SummaryCounts, number][]) {
    await expect(credentials.summary(name)).toContainText(String(count));
  }
  for (const key of demo.keys) {
    const row = credentials.row(key.access);
    await expect(row).toContainText(STATUS_LABEL[key.status]);
    await expect(row).toContainText(BADGE_LABEL[key.badge]);
    if (key.never_used) await expect(row).toContainText('Never used');
  }
  const unused = demo.overdueUnusedKey;
  await expect(credentials.row(unused.access)).toContainText('Overdue');
  await expect(credentials.row(unused.access)).toContainText('Never used');
  const deactivated = demo.deactivatedKey;
  await expect(credentials.row(deactivated.access)).toContainText('Inactive');
  await expect(credentials.row(deactivated.access)).toContainText(BADGE_LABEL[deactivated.badge]);
  await expect(credentials.row(demo.admin.ak)).toContainText('OK');
  for (const user of demo.usersWithoutKeys) {
    await expect(credentials.userWithoutKeysRow(user.name)).toBeVisible();
  }
  for (const user of demo.usersWithTwoKeys) {
    for (const key of demo.keysOf(user.name)) {
      await expect(credentials.row(key.access)).toContainText('No free slot');
    }
  }
  await expect(credentials.ageHistogram).toBeVisible();
});
