// What only the Electron shell can show: its hardened window, the IPC carrier, the menu.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';

function electronBinary(): string | undefined {
  const folder = join(process.cwd(), 'node_modules', 'electron');
  const pathFile = join(folder, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = join(folder, 'dist', readFileSync(pathFile, 'utf8'));
  return existsSync(binary) ? binary : undefined;
}

const binary = electronBinary();
if (binary === undefined) console.log('The Electron suite is skipped: it needs the Electron binary, which is not installed and cannot be downloaded on this machine.');

test.describe('the Electron shell', () => {
  test.skip(binary === undefined, 'needs the Electron binary, which is not installed and cannot be downloaded on this machine');

  test('opens one sandboxed window that reaches the core only through the carrier', async () => {
    const app = await electron.launch({ executablePath: binary, args: [join(process.cwd(), 'dist', 'electron', 'main.cjs')] });
    const window = await app.firstWindow();
    await expect(window.getByRole('navigation')).toBeVisible();
    expect(await window.title()).toContain('IMI Desk');
    expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await window.evaluate(() => typeof (globalThis as { imiDesk?: { request?: unknown } }).imiDesk?.request)).toBe('function');
    // Sandboxed and isolated: the page has neither Node's process nor its require.
    expect(await window.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
    const title = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().map((w) => w.getTitle()));
    expect(title).toHaveLength(1);
    await app.close();
  });
});
