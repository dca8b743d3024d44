import { defineConfig } from '@playwright/test'
import base from '../playwright.config'

// `npm run bench` only: the open-a-long-chat measurement, with the test suite's browser settings.
export default defineConfig({ ...base, testDir: '.', testMatch: 'open-chat.bench.ts', timeout: 180_000, reporter: [['line']] })
