import { expect, test } from './app-fixture'

test('window.api offers only contract methods and answers a malformed payload with a typed error', async ({ page, app }) => {
  await app.open()
  const shape = await page.evaluate(() => {
    const api = (globalThis as unknown as { api: Record<string, Record<string, unknown>> }).api
    return Object.fromEntries(Object.entries(api).map(([domain, methods]) => [domain, Object.keys(methods).sort()]))
  })
  expect(shape).toEqual({
    app: ['status'],
    chat: ['cancel', 'onStream', 'regenerate', 'send'],
    clipboard: ['write'],
    conversations: ['delete', 'get', 'list', 'onChanged', 'onNew', 'onOpen', 'rename', 'updateSettings'],
    keys: ['delete', 'list', 'set'],
    images: ['fetch'],
    links: ['open'],
    messages: ['delete'],
    models: ['list'],
    providers: ['detectLocal', 'list', 'remove', 'save', 'test'],
    quickAsk: ['hide', 'onShown', 'openInMain'],
    settings: ['get', 'update']
  })

  const result = await page.evaluate(() => {
    const api = (globalThis as unknown as { api: { keys: { set(input: unknown): Promise<unknown> } } }).api
    return api.keys.set({ providerId: 42, key: '', extra: true })
  })
  expect(result).toMatchObject({ ok: false, error: { code: 'validation' } })
  // Nothing reached the keychain.
  expect(await app.core.router.invoke('keys:list', undefined, { contentsId: 1, frameUrl: page.url(), isMainFrame: true })).toEqual({
    ok: true,
    value: []
  })
})
