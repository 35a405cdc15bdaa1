import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';

/** A file the app handed to the browser as a download. */
export interface DownloadedFile {
  /** The name the app suggested. */
  name: string;
  text: string;
}

/** Does `action` (a press that downloads) and returns what the browser received. */
export async function downloadBy(page: Page, action: () => Promise<void>): Promise<DownloadedFile> {
  const downloading = page.waitForEvent('download');
  await action();
  const download = await downloading;
  return { name: download.suggestedFilename(), text: readFileSync(await download.path(), 'utf8') };
}
