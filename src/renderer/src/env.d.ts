/// <reference types="svelte" />
/// <reference types="vite/client" />
import type { ChofeshApi } from '../../shared/ipc/api-types'

declare global {
  interface Window {
    /** Installed by the preload (or by the test bridge); reached only through lib/api.ts. */
    readonly api: ChofeshApi
  }
}
