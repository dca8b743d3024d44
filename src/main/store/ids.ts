import { randomUUID } from 'node:crypto'

export type IdFactory = () => string

export const randomId: IdFactory = () => randomUUID()
