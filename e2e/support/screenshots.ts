import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';

/** Keeps a screenshot of a screen under screenshots/ for people to look at. */
export async function keepScreenshot(page: Page, name: string): Promise<void> {
  const folder = join(process.cwd(), 'screenshots');
  mkdirSync(folder, { recursive: true });
  await page.screenshot({ path: join(folder, `${name}.png`) });
}
