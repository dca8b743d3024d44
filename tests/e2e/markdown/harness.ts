import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { svelte } from '@sveltejs/vite-plugin-svelte'
import { build, type Plugin } from 'vite'
import { RENDERER_CSP } from '../../../src/main/windows/content-security-policy'
import { listenLocally } from '../../support/local-server'

/** Global name under which the bundled engine appears in the harness page. */
const ENGINE_GLOBAL = 'ChofeshMarkdown'

const PAGE = '<!doctype html><html><head><meta charset="utf-8"><title>markdown harness</title></head><body><script src="/markdown.js"></script></body></html>'

export interface HarnessServer {
  origin: string
  close(): Promise<void>
}

const ENTRY = 'virtual:markdown-harness'

/**
 * The bundle's entry: the engine as the app imports it, plus the Svelte
 * component and what it takes to mount it and drive its props from outside
 * (a SvelteMap read through getters is reactive).
 */
function harnessEntry(): Plugin {
  const source = (path: string) => JSON.stringify(join(process.cwd(), path))
  return {
    name: 'markdown-harness-entry',
    // Library mode hands the entry over as a path under the root; "\0" marks the module as virtual to other plugins.
    resolveId: (id) => (id.endsWith(ENTRY) ? `\0${ENTRY}` : null),
    load: (id) =>
      id === `\0${ENTRY}`
        ? [
            `export * from ${source('src/renderer/src/lib/markdown/index.ts')}`,
            `export { default as Markdown } from ${source('src/renderer/src/components/markdown/Markdown.svelte')}`,
            `export { mount, unmount, flushSync } from 'svelte'`,
            `export { SvelteMap } from 'svelte/reactivity'`
          ].join('\n')
        : null
  }
}

/**
 * Bundles the renderer's markdown engine and component (the same sources
 * the app imports) into one classic script, with Vite as the app's build does.
 */
async function bundleEngine(outDir: string): Promise<string> {
  await build({
    configFile: false,
    logLevel: 'warn',
    root: process.cwd(),
    plugins: [harnessEntry(), svelte()],
    build: {
      outDir,
      emptyOutDir: true,
      minify: false,
      lib: { entry: ENTRY, formats: ['iife'], name: ENGINE_GLOBAL, fileName: () => 'markdown.js' }
    }
  })
  return readFileSync(join(outDir, 'markdown.js'), 'utf8')
}

/**
 * Serves a blank page and the bundled engine from 127.0.0.1 with the app's
 * production CSP, so what runs under test runs under the real policy.
 * `/no-csp` is the same page without the policy, to show that the engine
 * itself, not the CSP, keeps remote images from loading.
 */
export async function startHarnessServer(): Promise<HarnessServer> {
  const outDir = mkdtempSync(join(tmpdir(), 'chofesh-markdown-'))
  const script = await bundleEngine(outDir)
  rmSync(outDir, { recursive: true, force: true })
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname
    const isPage = path === '/' || path === '/no-csp'
    const body = isPage ? PAGE : path === '/markdown.js' ? script : null
    if (body === null) {
      response.writeHead(404).end()
      return
    }
    response.writeHead(200, {
      'Content-Type': isPage ? 'text/html; charset=utf-8' : 'text/javascript; charset=utf-8',
      ...(path === '/no-csp' ? {} : { 'Content-Security-Policy': RENDERER_CSP }),
      'X-Content-Type-Options': 'nosniff'
    })
    response.end(body)
  })
  return listenLocally(server)
}
