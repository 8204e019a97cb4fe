/** The browser app's files: Save says where the download went, and Open Recent reopens what was saved or opened here. */
import { expect, test } from '@playwright/test';
import { openApp } from './fixtures';

test('Save names the download and where it went; Open Recent brings the saved diagram back', async ({ page }, testInfo) => {
  await openApp(page);
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const download = await downloading;
  const notice = page.getByTestId('notice');
  await expect(notice).toContainText(`Saved as the download ${download.suggestedFilename()}`);
  await expect(notice).toContainText('downloads folder');
  await page.screenshot({ path: testInfo.outputPath('saved-notice.png') });

  await page.getByRole('button', { name: 'New', exact: true }).click();
  await expect(page.locator('.react-flow__node-strata')).toHaveCount(0);
  await page.getByRole('button', { name: 'Open Recent' }).click();
  const recent = page.getByRole('menu', { name: 'Recent files' });
  await expect(recent.getByRole('menuitem')).toHaveCount(1);
  await expect(recent.getByRole('menuitem')).toContainText(download.suggestedFilename());
  await expect(recent.getByRole('menuitem')).toContainText('kept in this browser');
  await page.screenshot({ path: testInfo.outputPath('open-recent.png') });
  await recent.getByRole('menuitem').click();
  await expect(page.locator('.react-flow__node-strata')).toHaveCount(7);
  await expect(page.getByTestId('file-name')).toHaveText(download.suggestedFilename());
});
