import type { Menu, MenuItemConstructorOptions } from 'electron'

export interface AppMenuActions {
  newChat: () => void
  quickAsk: () => void
}

export interface AppMenuOptions {
  isMac: boolean
  actions: AppMenuActions
  /** Adds Reload and Developer Tools; for development builds only. */
  devTools?: boolean
}

// Without these roles, macOS has no copy and paste at all in a custom menu.
export const EDIT_ROLES = ['undo', 'redo', 'cut', 'copy', 'paste', 'pasteAndMatchStyle', 'delete', 'selectAll'] as const

const separator: MenuItemConstructorOptions = { type: 'separator' }

function editMenu(): MenuItemConstructorOptions {
  const [undo, redo, ...clipboard] = EDIT_ROLES
  return { label: 'Edit', submenu: [{ role: undo }, { role: redo }, separator, ...clipboard.map((role) => ({ role }))] }
}

function fileMenu({ isMac, actions }: AppMenuOptions): MenuItemConstructorOptions {
  return {
    label: 'File',
    submenu: [
      // No accelerator: the page handles Ctrl/Cmd+N itself (lib/shortcuts.ts) and a menu
      // accelerator would start a second new chat on the same key press.
      { label: 'New chat', click: () => actions.newChat() },
      { label: 'Quick ask', click: () => actions.quickAsk() },
      separator,
      isMac ? { role: 'close' } : { role: 'quit' }
    ]
  }
}

function viewMenu(devTools: boolean): MenuItemConstructorOptions {
  const development: MenuItemConstructorOptions[] = devTools
    ? [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, separator]
    : []
  return {
    label: 'View',
    submenu: [...development, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, separator, { role: 'togglefullscreen' }]
  }
}

const macAppMenu: MenuItemConstructorOptions = {
  // macOS titles the first menu with the app's name whatever the label says.
  role: 'appMenu',
  submenu: [
    { role: 'about' },
    separator,
    { role: 'services' },
    separator,
    { role: 'hide' },
    { role: 'hideOthers' },
    { role: 'unhide' },
    separator,
    { role: 'quit' }
  ]
}

export function appMenuTemplate(options: AppMenuOptions): MenuItemConstructorOptions[] {
  return [
    ...(options.isMac ? [macAppMenu] : []),
    fileMenu(options),
    editMenu(),
    viewMenu(options.devTools ?? false),
    ...(options.isMac ? [{ role: 'windowMenu' } satisfies MenuItemConstructorOptions] : [])
  ]
}

/** The application menu; set it with `Menu.setApplicationMenu`. */
export function buildAppMenu(deps: { Menu: Pick<typeof Menu, 'buildFromTemplate'> } & AppMenuOptions): Menu {
  return deps.Menu.buildFromTemplate(appMenuTemplate(deps))
}
