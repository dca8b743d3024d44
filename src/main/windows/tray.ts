import type { Menu, MenuItemConstructorOptions, NativeImage, Tray } from 'electron'

export interface TrayActions {
  quickAsk: () => void
  newChat: () => void
  showMain: () => void
  quit: () => void
}

export interface TrayDeps {
  Tray: typeof Tray
  Menu: Pick<typeof Menu, 'buildFromTemplate'>
  nativeImage: { createFromPath(path: string): NativeImage; createEmpty(): NativeImage }
  iconPath: string
  actions: TrayActions
  platform?: NodeJS.Platform
}

export function trayMenuTemplate(actions: TrayActions): MenuItemConstructorOptions[] {
  // Wrapped so Electron's (menuItem, window, event) arguments never reach the actions.
  return [
    { label: 'Quick ask', click: () => actions.quickAsk() },
    { label: 'New chat', click: () => actions.newChat() },
    { label: 'Show Chofesh', click: () => actions.showMain() },
    { type: 'separator' },
    { label: 'Quit', click: () => actions.quit() }
  ]
}

const TRAY_SIDE = 16

/**
 * The app icon is 512 px; tray areas want 16 pt. Both 1x and 2x versions,
 * so the icon stays sharp on high-density screens.
 */
function trayImage(nativeImage: TrayDeps['nativeImage'], iconPath: string): NativeImage {
  const source = nativeImage.createFromPath(iconPath)
  if (source.isEmpty() || source.getSize().width <= 2 * TRAY_SIDE) return source
  const image = nativeImage.createEmpty()
  for (const scaleFactor of [1, 2]) {
    const side = TRAY_SIDE * scaleFactor
    const dataURL = source.resize({ width: side, height: side, quality: 'best' }).toDataURL()
    image.addRepresentation({ scaleFactor, width: side, height: side, dataURL })
  }
  return image
}

/**
 * The tray (menu bar on macOS) icon: the way back to Chofesh when no window
 * is open. The caller must keep the returned Tray referenced: a collected
 * Tray takes its icon with it.
 */
export function createTray(deps: TrayDeps): Tray {
  const tray = new deps.Tray(trayImage(deps.nativeImage, deps.iconPath))
  tray.setToolTip('Chofesh')
  tray.setContextMenu(deps.Menu.buildFromTemplate(trayMenuTemplate(deps.actions)))
  // Windows users expect a left click to open the app; the menu is on the right button.
  // macOS and Linux indicators open the menu on any click.
  if ((deps.platform ?? process.platform) === 'win32') tray.on('click', () => deps.actions.showMain())
  return tray
}
