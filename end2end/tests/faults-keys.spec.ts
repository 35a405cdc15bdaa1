import type { Page, Request } from '@playwright/test';
import { test, expect } from '../fixtures/test';
import type { EmulatedKey, EmulatorState } from '../fixtures/emulator';
import { isCreateKey, loseAnswersAfterCommit } from '../fixtures/faults';
import type { CredentialsPage } from '../pages/credentials';
import type { ConnectPage } from '../pages/connect';
import type { DemoAccount } from '../fixtures/demo';
import type { Emulator } from '../fixtures/emulator';

// Creating and deleting a key when answers fail or get lost. A create is sent once and never
// repeated by the app; when its outcome is unclear the page says so and reads the user's keys
// again, so the table shows whether the key exists, and a person creates again only when it
// does not. The account ends as a clean run leaves it: one new key, the one chosen key deleted.

/** What a key is, less its last use (signing with the administrator's key moves that). */
function facts({ access, user_id, status, description, create_time }: EmulatedKey) {
  return { access, user_id, status, description, create_time };
}

function keysOf(state: EmulatorState) {
  return state.credentials.map(facts).sort((a, b) => a.access.localeCompare(b.access));
}

/** IAM's "delete an access key" for `ak`, through any proxy. */
function isDeleteKey(ak: string) {
  return (request: Request) =>
    request.method() === 'DELETE' && new URL(request.url()).pathname.endsWith(`/v3.0/OS-CREDENTIAL/credentials/${ak}`);
}

/** Every create the browser sends from now on. */
function countCreates(page: Page): { readonly sent: number } {
  let sent = 0;
  page.on('request', (request) => {
    if (isCreateKey(request)) sent += 1;
  });
  return {
    get sent() {
      return sent;
    },
  };
}

test('a create whose answer is lost says so, shows the one key it made, and is not sent again', async ({
  page, connect, credentials, emulator, demo,
}) => {
  await connect.signInAsAdmin();
  await credentials.loaded(demo.keys.length);
  const user = demo.userWithoutKeys.name;
  const before = await emulator.state();
  const creates = countCreates(page);
  const lost = await loseAnswersAfterCommit(page, isCreateKey);

  const created = await credentials.createKeyDespiteFailures(user, `${user} laptop`, 1);
  expect(created.outcomes).toEqual(['unclear']);
  expect(created.sk, 'no secret was shown').toBeUndefined();
  expect([lost.count, creates.sent], 'one create sent, its answer lost').toEqual([1, 1]);
  await expect(credentials.unclearOutcome).toContainText(user);
  await expect(credentials.unclearOutcome).toContainText('delete it and create another');

  // IAM holds the key: the table, read again, shows it, and nothing else changed.
  const stored = await emulator.keysOf(user);
  expect(stored.map((k) => [k.access, k.description])).toEqual([[created.ak, `${user} laptop`]]);
  await expect(credentials.row(created.ak)).toContainText(`${user} laptop`);
  await expect(credentials.keyRows).toHaveCount(demo.keys.length + 1);
  await expect(credentials.userWithoutKeysRow(user)).toHaveCount(0);
  const after = await emulator.state();
  expect(keysOf(after).filter((k) => k.access !== created.ak)).toEqual(keysOf(before));
  await lost.stop();
  expect(creates.sent).toBe(1);
});

test('a delete whose answer is lost says so, and the table, read again, no longer shows the key', async ({
  page, connect, credentials, emulator, demo,
}) => {
  await connect.signInAsAdmin();
  await credentials.loaded(demo.keys.length);
  const key = demo.overdueUnusedKey;
  const before = await emulator.state();
  const lost = await loseAnswersAfterCommit(page, isDeleteKey(key.access));

  const outcomes = await credentials.deleteKeyDespiteFailures(key.access, key.user.name, 1);
  expect(outcomes).toEqual(['unclear']);
  expect(lost.count).toBe(1);
  await expect(credentials.unclearOutcome).toContainText(key.access);
  await expect(credentials.row(key.access)).toHaveCount(0);
  await expect(credentials.userWithoutKeysRow(key.user.name)).toBeVisible();
  expect(keysOf(await emulator.state())).toEqual(keysOf(before).filter((k) => k.access !== key.access));
  await lost.stop();
});

/** Creates a key for the user without keys and deletes the overdue unused key, despite faults. */
async function createAndDelete(
  { page, connect, credentials, emulator, demo }: { page: Page; connect: ConnectPage; credentials: CredentialsPage; emulator: Emulator; demo: DemoAccount },
) {
  const before = await emulator.state();
  const creates = countCreates(page);
  await connect.signInAsAdminDespiteFailures();
  await credentials.loadedDespiteFailures(demo.keys.length);

  const user = demo.userWithoutKeys;
  const description = `${user.name} under faults`;
  const created = await credentials.createKeyDespiteFailures(user.name, description);
  const doomed = demo.overdueUnusedKey;
  const deleted = await credentials.deleteKeyDespiteFailures(doomed.access, doomed.user.name);
  test.info().annotations.push(
    { type: 'create', description: `${created.outcomes.join(', ')} (${creates.sent} sent)` },
    { type: 'delete', description: deleted.join(', ') },
  );

  // The same end as without faults: one new key, the chosen key gone, every other key as it was.
  const after = await emulator.state();
  const mine = after.credentials.filter((k) => k.user_id === user.id);
  expect(mine.map((k) => [k.access, k.description]), 'one key created, never two').toEqual([[created.ak, description]]);
  expect(after.credentials.find((k) => k.access === doomed.access)).toBeUndefined();
  expect(keysOf(after).filter((k) => k.access !== created.ak)).toEqual(
    keysOf(before).filter((k) => k.access !== doomed.access),
  );
  // Sent again only after a clear refusal, or after the table showed no key.
  expect(creates.sent).toBe(created.outcomes.length);

  // The table shows exactly what IAM holds.
  await credentials.refresh();
  await credentials.loadedDespiteFailures(after.credentials.length);
  for (const key of after.credentials) await expect(credentials.row(key.access)).toHaveCount(1);
}

// Each fault profile runs with a few fault draws (`--rng-seed`), chosen so that between them a
// create and a delete meet a clear refusal (429) and an unclear outcome (5xx, no answer).
const GATEWAY_FAULTS = ['--fail-rate', '0.1', '--throttle-rate', '0.1', '--drop-rate', '0.05'];
for (const seed of ['1', '2', '6']) {
  test.describe(`under gateway failures, throttling and dropped connections (draws ${seed})`, () => {
    test.use({ stackOptions: { emulatorArgs: [...GATEWAY_FAULTS, '--rng-seed', seed] } });

    test('a create and a delete end as they do without faults', async ({ page, connect, credentials, emulator, demo }) => {
      await createAndDelete({ page, connect, credentials, emulator, demo });
    });
  });
}

for (const seed of ['4', '8']) {
  test.describe(`when answers are lost after the write was done (draws ${seed})`, () => {
    test.use({ stackOptions: { emulatorArgs: ['--drop-after-commit-rate', '0.3', '--rng-seed', seed] } });

    test('a create and a delete end as they do without faults: no key created twice', async ({
      page, connect, credentials, emulator, demo,
    }) => {
      await createAndDelete({ page, connect, credentials, emulator, demo });
    });
  });
}
