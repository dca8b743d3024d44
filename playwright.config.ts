import { defineConfig } from '@playwright/test'

// Debian's Chromium: Playwright's own browser download is not reachable here.
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export default defineConfig({
  testDir: 'tests/e2e',
  workers: 1,
  timeout: 60_000,
  // The machines are shared and have two cores: give UI expectations room, never a wall-clock budget.
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        '--no-sandbox',
        '--headless',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run'
      ]
    },
    viewport: { width: 1200, height: 780 }
  }
})
