import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { Menu, MenuItemConstructorOptions, NativeImage, Tray } from 'electron'
import { createTray, type TrayActions } from '../../../src/main/windows/tray'

// Importing the real `electron` package in Node tries to download its binary.
vi.mock('electron', () => ({}))

class FakeTray {
  static created: FakeTray[] = []
  readonly setToolTip = vi.fn()
  readonly setContextMenu = vi.fn()
  readonly listeners = new Map<string, () => void>()
  constructor(readonly image: unknown) {
    FakeTray.created.push(this)
  }
  on(event: string, listener: () => void): this {
    this.listeners.set(event, listener)
    return this
  }
}

const FakeMenu = { buildFromTemplate: vi.fn((template: MenuItemConstructorOptions[]) => ({ template })) }

function fakeNativeImage(side: number, empty = false) {
  const representations: unknown[] = []
  const source = {
    isEmpty: () => empty,
    getSize: () => ({ width: side, height: side }),
    resize: vi.fn(({ width }: { width: number }) => ({ toDataURL: () => `data:image/png;base64,${width}` }))
  }
  const nativeImage = {
    createFromPath: vi.fn(() => source as unknown as NativeImage),
    createEmpty: vi.fn(() => ({ addRepresentation: (r: unknown) => representations.push(r) }) as unknown as NativeImage)
  }
  return { nativeImage, source, representations }
}

function actions() {
  return { quickAsk: vi.fn(), newChat: vi.fn(), showMain: vi.fn(), quit: vi.fn() } satisfies TrayActions
}

function create(platform: NodeJS.Platform = 'linux', side = 512) {
  const acts = actions()
  const image = fakeNativeImage(side)
  const tray = createTray({
    Tray: FakeTray as unknown as typeof Tray,
    Menu: FakeMenu as unknown as Pick<typeof Menu, 'buildFromTemplate'>,
    nativeImage: image.nativeImage,
    iconPath: '/app/resources/icon.png',
    actions: acts,
    platform
  })
  const fake = FakeTray.created.at(-1)
  if (fake === undefined) throw new Error('no tray created')
  expect(tray).toBe(fake)
  const menu = fake.setContextMenu.mock.calls[0]?.[0] as { template: MenuItemConstructorOptions[] } | undefined
  if (menu === undefined) throw new Error('no context menu set')
  return { fake, acts, image, items: menu.template }
}

beforeEach(() => {
  FakeTray.created = []
})

describe('createTray', () => {
  it('offers Quick ask, New chat, Show Chofesh, a separator and Quit, with the tooltip "Chofesh"', () => {
    const { fake, items } = create()
    expect(fake.setToolTip).toHaveBeenCalledExactlyOnceWith('Chofesh')
    expect(items.map((item) => item.type ?? item.label)).toEqual(['Quick ask', 'New chat', 'Show Chofesh', 'separator', 'Quit'])
  })

  it.each([
    ['Quick ask', 'quickAsk'],
    ['New chat', 'newChat'],
    ['Show Chofesh', 'showMain'],
    ['Quit', 'quit']
  ] as const)('"%s" calls its action and nothing else', (label, action) => {
    const { acts, items } = create()
    const item = items.find((entry) => entry.label === label)
    item?.click?.({} as never, undefined, {} as never)
    expect(acts[action]).toHaveBeenCalledExactlyOnceWith()
    for (const [name, fn] of Object.entries(acts)) if (name !== action) expect(fn).not.toHaveBeenCalled()
  })

  it('scales the 512 px app icon to 16 pt, at 1x and 2x', () => {
    const { fake, image } = create()
    expect(image.nativeImage.createFromPath).toHaveBeenCalledWith('/app/resources/icon.png')
    expect(image.representations).toEqual([
      { scaleFactor: 1, width: 16, height: 16, dataURL: 'data:image/png;base64,16' },
      { scaleFactor: 2, width: 32, height: 32, dataURL: 'data:image/png;base64,32' }
    ])
    expect(fake.image).not.toBe(image.source)
  })

  it('uses an icon already sized for the tray as it is', () => {
    const { fake, image } = create('linux', 22)
    expect(fake.image).toBe(image.source)
    expect(image.source.resize).not.toHaveBeenCalled()
  })

  it('a left click opens the main window on Windows only (elsewhere a click opens the menu)', () => {
    const windows = create('win32')
    windows.fake.listeners.get('click')?.()
    expect(windows.acts.showMain).toHaveBeenCalledOnce()
    expect(create('darwin').fake.listeners.has('click')).toBe(false)
    expect(create('linux').fake.listeners.has('click')).toBe(false)
  })
})
