// commonmark-spec ships the spec's examples as plain CommonJS without types.
declare module 'commonmark-spec' {
  export interface SpecExample {
    markdown: string
    html: string
    section: string
    number: number
  }
  export const tests: SpecExample[]
}
