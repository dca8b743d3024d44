import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import { svelte } from '@sveltejs/vite-plugin-svelte'

// The package has no "type": "module", so electron-vite emits CommonJS for
// main and preload. CommonJS is required for the preload: Electron only loads
// sandboxed preload scripts as CommonJS.
export default defineConfig({
  main: {
    build: {
      rolldownOptions: { input: { index: resolve(__dirname, 'src/main/index.ts') } }
    }
  },
  preload: {
    build: {
      rolldownOptions: { input: { index: resolve(__dirname, 'src/preload/index.ts') } }
    }
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    // Relative asset URLs so the same bundle works from app:// and from the
    // 127.0.0.1 server used by the browser tests.
    base: './',
    plugins: [svelte()],
    build: {
      rolldownOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } }
    }
  }
})
