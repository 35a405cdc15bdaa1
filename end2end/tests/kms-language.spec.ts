import { test, expect } from '../fixtures/test';

test('the KMS page reads in 简体中文', async ({ app, connect, kms, kmsAccount, stack }) => {
  const keys = kmsAccount.inRegion(stack.account.region);
  await connect.signInAsAdmin();
  await kms.open();
  await kms.loaded(keys.length);

  await app.chooseLanguage('zh-CN');
  const zh = kms.inLanguage('zh-CN');
  await expect(app.document).toHaveAttribute('lang', 'zh-CN');
  await expect(zh.heading).toBeVisible();
  await expect(zh.region).toHaveValue(stack.account.region);
  await expect(zh.rows).toHaveCount(keys.length);
  await expect(zh.filters).toBeVisible();
  for (const key of keys) {
    await expect(zh.cell(key.alias, 'state'), key.alias).toHaveText(zh.stateLabel(key.state));
    await expect(zh.cell(key.alias, 'rotatable'), key.alias).toHaveText(zh.rotatableLabel(key.cannotRotate));
  }
  const off = kmsAccount.key('never-rotated');
  await expect(zh.cell(off.alias, 'rotation')).toHaveText(zh.rotationLabel(false));
  await expect(zh.enableButton(off.alias)).toBeVisible();
  await expect(zh.changeIntervalButton(kmsAccount.key('rotating').alias)).toBeVisible();
  await expect(zh.selectAllShown).toBeVisible();
});
