export interface Area {
  x: number
  y: number
  width: number
  height: number
}

export interface Size {
  width: number
  height: number
}

/**
 * Where the quick-ask window goes inside a display's work area (the part not
 * covered by docks and task bars): centred horizontally, with its middle near
 * the top third, where the eye goes first, like a launcher. A window larger
 * than the area is pinned to its top-left corner so the input stays on screen.
 */
export function quickAskPosition(workArea: Area, size: Size): { x: number; y: number } {
  const spareWidth = Math.max(0, workArea.width - size.width)
  const spareHeight = Math.max(0, workArea.height - size.height)
  return {
    x: workArea.x + Math.round(spareWidth / 2),
    y: workArea.y + Math.round(spareHeight / 4)
  }
}
