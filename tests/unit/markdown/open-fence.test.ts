import { describe, expect, it } from 'vitest'
import { isClosingFence, renderableEnd } from '../../../src/renderer/src/lib/markdown/open-fence'

const backticks = { char: '`', length: 3 }

describe('isClosingFence', () => {
  it.each([
    ['```', true],
    ['````', true],
    ['   ```  \t', true],
    ['```\nmore', true],
    ['```\r\n', true],
    ['``', false],
    ['    ```', false],
    ['\t```', false],
    ['``` js', false],
    ['~~~', false],
    ['x```', false]
  ])('%j closes a ``` fence: %s', (line, closes) => {
    expect(isClosingFence(`code\n${line}`, 5, backticks)).toBe(closes)
  })

  it('needs at least as many markers as the opening fence', () => {
    expect(isClosingFence('```', 0, { char: '`', length: 4 })).toBe(false)
    expect(isClosingFence('~~~~~', 0, { char: '~', length: 4 })).toBe(true)
  })
})

describe('renderableEnd', () => {
  it('leaves out a last line of only spaces and tabs, as markdown-it does', () => {
    expect(renderableEnd('x\n  \t', 2)).toBe(2)
    expect(renderableEnd('x\n', 2)).toBe(2)
    expect(renderableEnd('x\n  y', 2)).toBe(5)
  })
})
