import { test, expect } from '../fixtures/test';
import type { RotationPage } from '../pages/rotation';

/** Words of the wizard's text in Latin letters, apart from AKs, the user's name and a few proper names. */
async function latinWords(rotation: RotationPage, names: string[]): Promise<string[]> {
  let text = await rotation.wizard.innerText();
  for (const name of names) text = text.split(name).join(' ');
  return (text.match(/[A-Za-z]{3,}/g) ?? []).filter((word) => !['IAM', 'CSV', 'Keyturn', 'SDK'].includes(word));
}

test('the wizard reads in 简体中文', async ({ app, connect, credentials, rotation, demo }) => {
  const old = demo.overdueKeyInUse;
  const user = old.user.name;
  await connect.signInAsAdmin();
  await credentials.loaded(demo.keys.length);
  await credentials.rotate(old.access);
  await rotation.at('preflight');

  await app.chooseLanguage('zh-CN');
  const zh = rotation.inLanguage('zh-CN');
  await expect(zh.title(old.access, user)).toBeVisible();
  await expect(zh.steps).toHaveText(
    (['preflight', 'create', 'hand_over', 'watch', 'disable', 'observe', 'delete'] as const).map((s) => zh.stageName(s)),
  );
  await expect(zh.wizard).toContainText('该用户还有空位可创建新密钥。');
  expect(await latinWords(zh, [old.access, user])).toEqual([]);

  await zh.continueButton.click();
  await zh.at('create');
  await zh.createButton.click();
  const created = await zh.shownKey();
  await expect(zh.savedConfirmation).toBeVisible();
  expect(await latinWords(zh, [old.access, created.ak, created.sk, user])).toEqual([]);
  await zh.confirmSecretSaved();
  await zh.at('hand_over');
  expect(await latinWords(zh, [old.access, created.ak, user, old.description])).toEqual([]);
  await zh.startWatching();
  await expect(zh.oldKeyUse).toHaveText(zh.notUsedSinceNewKey);
  await expect(zh.wizard).toContainText('约 15 分钟');
  expect(await latinWords(zh, [old.access, created.ak, user, old.description])).toEqual([]);
  await zh.moveOnToDisable({ early: true });
  await zh.disableOldKey();
  await expect(zh.rollBackButton).toBeVisible();
  await expect(zh.toDeleteButton).toBeVisible();
  expect(await latinWords(zh, [old.access, created.ak, user, old.description])).toEqual([]);
});
