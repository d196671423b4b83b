/** Chromium for tests: the system's, offline, as the issue machines have it. */
import { chromium, type Browser } from 'playwright-core';

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.KEYPLAN_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-extensions', '--no-first-run'],
  });
}
