import { describe, expect, it } from 'vitest'
import { parseLaunchArguments } from '../../../src/main/quick-ask/arguments'

describe('parseLaunchArguments', () => {
  it('finds --quick-ask after the executable path', () => {
    expect(parseLaunchArguments(['/usr/bin/chofesh', '--quick-ask'])).toEqual({ quickAsk: true })
  })

  it('finds --quick-ask among Chromium switches and the development app path', () => {
    const argv = ['/opt/electron/electron', '--allow-file-access-from-files', '/home/me/chofesh', '--quick-ask', '--no-sandbox']
    expect(parseLaunchArguments(argv)).toEqual({ quickAsk: true })
    expect(parseLaunchArguments(['C:\\Chofesh\\Chofesh.exe', '--quick-ask', '--original-process-start-time=1'])).toEqual({
      quickAsk: true
    })
  })

  it.each([
    [[]],
    [['/usr/bin/chofesh']],
    [['/usr/bin/chofesh', '--no-sandbox', 'notes.txt']],
    [['/usr/bin/chofesh', '--quick-ask-later']],
    [['/usr/bin/chofesh', '--quick-ask=yes']],
    [['/usr/bin/chofesh', 'quick-ask']]
  ])('is a plain launch for %j', (argv) => {
    expect(parseLaunchArguments(argv)).toEqual({ quickAsk: false })
  })
})
