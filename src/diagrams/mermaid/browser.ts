/** Finds a Chromium or Chrome to render diagrams with: an option or env var first, then the usual places. */
import { existsSync } from 'node:fs';

const USUAL_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

/** `KEYPLAN_CHROMIUM=none` turns browser rendering off (diagrams then render in the reader's browser). */
export function findBrowser(option: string | undefined, env: Record<string, string | undefined> = process.env): string | undefined {
  const chosen = env.KEYPLAN_CHROMIUM?.trim() || option;
  if (chosen === 'none') return undefined;
  if (chosen) return existsSync(chosen) ? chosen : undefined;
  return USUAL_PATHS.find((path) => existsSync(path));
}

export const INSTALL_HINT = 'install Chromium (Debian/Ubuntu: apt-get install chromium) or point KEYPLAN_CHROMIUM at a Chrome or Chromium binary';
