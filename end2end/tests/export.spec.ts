import { test, expect } from '../fixtures/test';

test('CSV export holds exactly the visible rows', async ({ connect, credentials, demo }) => {
  await connect.signInAsAdmin();
  await credentials.loaded(demo.keys.length);
  await credentials.filterByStatus('inactive');
  const inactive = demo.where({ status: 'inactive' });
  await expect(credentials.keyRows).toHaveCount(inactive.length);

  const csv = await credentials.exportCsv();
  expect(csv.name).toBe('keyturn-access-keys.csv');
  const lines = csv.text.trim().split(/\r?\n/);
  expect(lines[0]).toBe('user_name,user_id,access_key,status,created,age_days,last_used,description,badge,usage');
  expect(lines).toHaveLength(1 + inactive.length);
  expect(inactive.some((k) => k.never_used), 'the demo holds an inactive key never used').toBe(true);
  for (const key of inactive) {
    const line = lines.find((l) => l.includes(key.access));
    expect(line, `a line for ${key.access}`).toMatch(new RegExp(`^${key.user.name},`));
    expect(line).toContain(',inactive,');
    if (key.never_used) expect(line).toContain(',never,');
  }

  const json = await credentials.exportJson();
  const rows = JSON.parse(json.text) as { user_name: string }[];
  expect(rows.map((r) => r.user_name).sort()).toEqual(inactive.map((k) => k.user.name).sort());
});
