import { describe, expect, it, vi } from 'vitest'
import type { Menu, MenuItemConstructorOptions } from 'electron'
import { appMenuTemplate, buildAppMenu } from '../../../src/main/windows/app-menu'

// Importing the real `electron` package in Node tries to download its binary.
vi.mock('electron', () => ({}))

function submenuOf(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] {
  const menu = template.find((item) => item.label === label)
  if (!Array.isArray(menu?.submenu)) throw new Error(`no ${label} menu`)
  return menu.submenu
}

const roles = (items: MenuItemConstructorOptions[]) => items.map((item) => item.role).filter((role) => role !== undefined)

function template(isMac: boolean, devTools = false) {
  const actions = { newChat: vi.fn(), quickAsk: vi.fn() }
  return { actions, items: appMenuTemplate({ isMac, actions, devTools }) }
}

describe('appMenuTemplate', () => {
  it.each([true, false])('has every standard Edit role, so copy and paste work everywhere (mac: %s)', (isMac) => {
    expect(roles(submenuOf(template(isMac).items, 'Edit'))).toEqual([
      'undo',
      'redo',
      'cut',
      'copy',
      'paste',
      'pasteAndMatchStyle',
      'delete',
      'selectAll'
    ])
  })

  it('on macOS starts with the app menu (about, hide, quit) and ends with the Window menu', () => {
    const { items } = template(true)
    const appMenu = items[0]
    expect(appMenu?.role).toBe('appMenu')
    expect(Array.isArray(appMenu?.submenu) ? roles(appMenu.submenu) : []).toEqual(
      expect.arrayContaining(['about', 'hide', 'hideOthers', 'unhide', 'quit'])
    )
    expect(items.at(-1)?.role).toBe('windowMenu')
    expect(roles(submenuOf(items, 'File'))).toEqual(['close'])
  })

  it('elsewhere has no app or Window menu, and File ends with Quit', () => {
    const { items } = template(false)
    expect(items.map((item) => item.label ?? item.role)).toEqual(['File', 'Edit', 'View'])
    expect(roles(submenuOf(items, 'File'))).toEqual(['quit'])
  })

  it('File offers New chat and Quick ask, each calling its action', () => {
    const { actions, items } = template(false)
    const file = submenuOf(items, 'File')
    file.find((item) => item.label === 'New chat')?.click?.({} as never, undefined, {} as never)
    expect(actions.newChat).toHaveBeenCalledOnce()
    expect(actions.quickAsk).not.toHaveBeenCalled()
    file.find((item) => item.label === 'Quick ask')?.click?.({} as never, undefined, {} as never)
    expect(actions.quickAsk).toHaveBeenCalledOnce()
  })

  it('keeps zoom for everyone and DevTools for development builds only', () => {
    expect(roles(submenuOf(template(false).items, 'View'))).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen'])
    expect(roles(submenuOf(template(false, true).items, 'View'))).toEqual(
      expect.arrayContaining(['reload', 'toggleDevTools'])
    )
  })
})

describe('buildAppMenu', () => {
  it('builds the menu from the template', () => {
    const built = { menu: true }
    const FakeMenu = { buildFromTemplate: vi.fn(() => built) }
    const actions = { newChat: vi.fn(), quickAsk: vi.fn() }
    const menu = buildAppMenu({ Menu: FakeMenu as unknown as Pick<typeof Menu, 'buildFromTemplate'>, isMac: false, actions })
    expect(menu).toBe(built)
    expect(FakeMenu.buildFromTemplate).toHaveBeenCalledOnce()
    const passed = FakeMenu.buildFromTemplate.mock.calls[0] as unknown as [MenuItemConstructorOptions[]]
    expect(roles(submenuOf(passed[0], 'Edit'))).toContain('paste')
  })
})
