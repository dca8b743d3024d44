/**
 * Narrow readers for provider JSON, which often carries fields the SDK
 * types leave out (or, without an SDK, has no types at all). Each returns
 * `unknown` or a checked type, never `any`.
 */
export type JsonObject = Record<string, unknown>

export const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value)

/** `value[key]` when value is an object, else undefined. */
export const field = (value: unknown, key: string): unknown => (isObject(value) ? value[key] : undefined)

/** The elements of an array, kept `unknown` (Array.isArray alone narrows to any[]); [] for anything else. */
export const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : [])

export const asFiniteNumber = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined)
