import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';

/** Keeps a screenshot of a screen under screenshots/ for people to look at. */
export async function keepScreenshot(page: Page, name: string): Promise<void> {
  const folder = join(process.cwd(), 'screenshots');
  mkdirSync(folder, { recursive: true });
  // Let menus, popovers and ripples finish their transitions, so the picture shows the screen at rest.
  await page.waitForTimeout(600);
  await page.screenshot({ path: join(folder, `${name}.png`) });
}
