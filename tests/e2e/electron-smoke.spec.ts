import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { _electron, expect, test } from '@playwright/test'

const root = resolve(__dirname, '..', '..')
const electronPackage = join(root, 'node_modules', 'electron')

/**
 * Finds the Electron binary the way the `electron` package does, without
 * requiring that package: requiring it starts a download from GitHub when the
 * binary is missing, which hangs or fails on machines without that access.
 */
function installedElectronBinary(): string | null {
  const pathFile = join(electronPackage, 'path.txt')
  if (!existsSync(pathFile)) return null
  const binary = join(electronPackage, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : null
}

const executablePath = installedElectronBinary()
const skipReason =
  'Electron binary not installed (node_modules/electron/dist missing); the launch smoke test needs it'

test.describe('Electron app', () => {
  test.skip(executablePath === null, skipReason)
  if (executablePath === null) console.log(skipReason)

  test('opens a sandboxed Chofesh window with the bridge and without Node', async () => {
    expect(existsSync(join(root, 'out', 'main', 'index.js')), 'run `npm run build` first').toBe(true)
    const env: Record<string, string> = {}
    for (const [name, value] of Object.entries(process.env)) {
      // The production path (app://) is what ships; the dev server URL would bypass it.
      if (value !== undefined && name !== 'ELECTRON_RENDERER_URL') env[name] = value
    }
    const app = await _electron.launch({ executablePath: executablePath ?? undefined, args: ['.'], cwd: root, env })
    try {
      const page = await app.firstWindow()
      await expect
        .poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle()))
        .toBe('Chofesh')
      // These callbacks run in the page; globalThis there is the renderer's window.
      expect(await page.evaluate(() => typeof (globalThis as { api?: unknown }).api)).toBe('object')
      expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined')
      expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined')
    } finally {
      await app.close()
    }
  })
})
