// Public surface of the mock provider; the other modules are internals.
export { DEFAULT_API_KEY, startMockProvider } from './server'
export { FIXTURES_DIR, loadFixture } from './fixtures'
export { splitBytes, splitEvents } from './sse'
export type { Chunking, MockProvider, MockProviderOptions, ModelListKind, ModelPage, RecordedRequest, Scenario } from './types'
