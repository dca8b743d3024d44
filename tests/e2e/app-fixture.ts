import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test as base, type Page } from '@playwright/test'
import { createAppCore, type AppCore, type AppCoreOptions } from '../../src/main/app-core'
import { createSenderPolicy } from '../../src/main/ipc/sender-policy'
import { createKeyVault } from '../../src/main/secrets/key-vault'
import { installBridge, type BridgeTraffic } from '../support/bridge/bridge-shim'
import { startRendererServer, type RendererServer } from '../support/bridge/renderer-server'
import { startMockProvider, type MockProvider } from '../support/mock-provider'

export interface ChofeshApp {
  core: AppCore
  traffic: BridgeTraffic
  dataDir: string
  keychainService: string
  /** Requests the page made to any origin (to prove it stays on its own). */
  pageRequests: string[]
  /** Loads the renderer in the page, over the bridge. */
  open(): Promise<void>
  /** Fills in and submits "Add a provider" the way a user would. */
  addProvider(input: NewProviderInput): Promise<void>
  /** A second window on the same app: the quick-ask page, over its own bridge. */
  openQuickAsk(): Promise<Page>
}

export interface NewProviderInput {
  preset: string
  baseUrl: string
  name?: string
  /** Typed into the key field; for presets where the key is optional the field is labelled so. */
  key?: string
}

type Options = {
  /** Bytes planted as chofesh.sqlite before the app starts (e.g. a corrupt file). */
  plantedDatabase: Buffer | null
  coreOverrides: Partial<AppCoreOptions>
  /** The key the mock provider demands; null for a keyless local server. */
  mockApiKey: string | null
}

type Fixtures = { mock: MockProvider; renderer: RendererServer; app: ChofeshApp }

/**
 * Real services (SQLite file, OS keychain, the provider SDK) behind the real
 * router, driven from real Chromium through the bridge shim.
 */
export const test = base.extend<Options & Fixtures>({
  plantedDatabase: [null, { option: true }],
  coreOverrides: [{}, { option: true }],
  mockApiKey: ['sk-test-mock-0000' as string | null, { option: true }],

  mock: async ({ mockApiKey }, use) => {
    const mock = await startMockProvider({ apiKey: mockApiKey })
    await use(mock)
    await mock.close()
  },

  // Playwright reads fixture dependencies from the destructuring pattern, so it must be present.
  // eslint-disable-next-line no-empty-pattern
  renderer: async ({}, use) => {
    const server = await startRendererServer()
    await use(server)
    await server.close()
  },

  app: async ({ page, renderer, plantedDatabase, coreOverrides }, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'chofesh-e2e-'))
    if (plantedDatabase) writeFileSync(join(dataDir, 'chofesh.sqlite'), plantedDatabase)
    const keychainService = `chofesh-e2e-${process.pid}-${Date.now()}`
    const core = createAppCore({
      version: '0.0.0-test',
      dataDir,
      keychainService,
      isTrustedSender: createSenderPolicy({ origins: [renderer.origin], contentsIds: () => null }),
      openExternal: async () => false,
      ...coreOverrides
    })
    const traffic = await installBridge(page, core)
    const pageRequests: string[] = []
    page.on('request', (request) => pageRequests.push(request.url()))
    await use({
      core,
      traffic,
      dataDir,
      keychainService,
      pageRequests,
      open: () => openApp(page, renderer),
      addProvider: (input) => addProvider(page, input),
      openQuickAsk: async () => {
        const quick = await page.context().newPage()
        await installBridge(quick, core)
        await quick.setViewportSize({ width: 640, height: 420 })
        await quick.goto(`${renderer.origin}/index.html#quick-ask`)
        return quick
      }
    })
    await page.close()
    await core.dispose()
    await removeKeys(keychainService)
    rmSync(dataDir, { recursive: true, force: true })
  }
})

async function openApp(page: Page, renderer: RendererServer): Promise<void> {
  await page.goto(`${renderer.origin}/index.html`)
}

async function addProvider(page: Page, { preset, baseUrl, name, key }: NewProviderInput): Promise<void> {
  await page.getByLabel('Provider', { exact: true }).selectOption(preset)
  if (name !== undefined) await page.getByLabel('Name').fill(name)
  await page.getByLabel('Base URL').fill(baseUrl)
  if (key !== undefined) await page.getByLabel(/^API key/).fill(key)
  await page.getByRole('button', { name: 'Add provider' }).click()
}

async function removeKeys(service: string): Promise<void> {
  const vault = createKeyVault({ service })
  const keys = await vault.list().catch(() => [])
  await Promise.all(keys.map((key) => vault.delete(key.providerId)))
}

export { expect } from '@playwright/test'
