import { createReadStream, existsSync, statSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'
import { RENDERER_CSP } from '../../../src/main/windows/content-security-policy'
import { listenLocally, type LocalServer } from '../local-server'

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2'
}

export type RendererServer = LocalServer

/**
 * Serves the built renderer (out/renderer) over http on 127.0.0.1 with the
 * same CSP header the app:// protocol sends, so the browser tests run the
 * real bundle under the real policy (plain Chromium blocks module scripts on file://).
 */
export async function startRendererServer(rootDir = join(process.cwd(), 'out', 'renderer')): Promise<RendererServer> {
  if (!existsSync(join(rootDir, 'index.html'))) {
    throw new Error(`No built renderer in ${rootDir}: run \`npm run build\` first.`)
  }
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)
    const file = normalize(join(rootDir, path === '/' ? 'index.html' : path))
    if (!file.startsWith(rootDir + sep) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end()
      return
    }
    response.writeHead(200, {
      'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': RENDERER_CSP,
      'X-Content-Type-Options': 'nosniff'
    })
    createReadStream(file).pipe(response)
  })
  return listenLocally(server)
}
