#!/usr/bin/env node
// Makes better-sqlite3's native binary match the runtime about to load it:
//   node scripts/native-runtime.mjs node      -> Node (vitest, Playwright's test process)
//   node scripts/native-runtime.mjs electron  -> Electron (dev, start; electron-builder rebuilds for dist)
// Node and Electron use different ABIs, so one binary cannot serve both. Each
// build is cached under node_modules/.cache/chofesh-native, so switching back
// and forth is a file copy, not a recompile. keytar uses N-API and needs no switch.
import { execFileSync, spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const target = process.argv[2]
if (target !== 'node' && target !== 'electron') {
  console.error('usage: native-runtime.mjs node|electron')
  process.exit(2)
}

const require = createRequire(import.meta.url)
const moduleDir = dirname(require.resolve('better-sqlite3/package.json'))
const binary = join(moduleDir, 'build', 'Release', 'better_sqlite3.node')
const marker = join(moduleDir, 'build', 'Release', '.chofesh-runtime')
const cacheDir = join(process.cwd(), 'node_modules', '.cache', 'chofesh-native')

const electronVersion = () => JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version
const wanted = target === 'node' ? `node-abi${process.versions.modules}` : `electron-${electronVersion()}`
const current = existsSync(marker) ? readFileSync(marker, 'utf8').trim() : null

function loadsInNode() {
  const probe = spawnSync(process.execPath, ['-e', "new (require('better-sqlite3'))(':memory:').close()"], {
    cwd: process.cwd(),
    stdio: 'ignore'
  })
  return probe.status === 0
}

function remember(runtime) {
  writeFileSync(marker, runtime)
  mkdirSync(cacheDir, { recursive: true })
  copyFileSync(binary, join(cacheDir, `${runtime}.node`))
}

function restoreFromCache(runtime) {
  const cached = join(cacheDir, `${runtime}.node`)
  if (!existsSync(cached)) return false
  copyFileSync(cached, binary)
  writeFileSync(marker, runtime)
  return true
}

function rebuild() {
  console.log(`[native] building better-sqlite3 for ${wanted} (this takes a minute or two the first time)`)
  if (target === 'node') {
    execFileSync('npm', ['rebuild', 'better-sqlite3', '--foreground-scripts'], { stdio: 'inherit' })
  } else {
    // Needs Electron's headers, downloaded by @electron/rebuild: a machine with internet access.
    execFileSync('npx', ['electron-rebuild', '--force', '--only', 'better-sqlite3', '--version', electronVersion()], {
      stdio: 'inherit'
    })
  }
}

if (current === wanted && existsSync(binary) && (target === 'electron' || loadsInNode())) process.exit(0)

// Keep the binary we are about to replace, if we know what it was built for.
if (current && existsSync(binary)) remember(current)

if (target === 'node' && current === null && existsSync(binary) && loadsInNode()) {
  remember(wanted) // a fresh `npm install` built it for this Node
} else if (!restoreFromCache(wanted) || (target === 'node' && !loadsInNode())) {
  rebuild()
  if (target === 'node' && !loadsInNode()) {
    console.error('[native] better-sqlite3 still does not load in Node after rebuilding')
    process.exit(1)
  }
  remember(wanted)
}
console.log(`[native] better-sqlite3 now targets ${wanted}`)
