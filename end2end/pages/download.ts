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

/** The records of a CSV file (RFC 4180: quoted fields may hold commas, quotes and line breaks). */
export function csvRecords(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else {
      field += c;
    }
  }
  if (field || record.length) records.push([...record, field]);
  return records;
}
