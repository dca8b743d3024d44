import { COPY_BUTTON_CLASS, IMAGE_PLACEHOLDER_CLASS } from './decorate'
import { classifyImage, externalUrl, imageHost } from './url-policy'

export interface MarkdownViewOptions {
  /** A link in the answer was clicked: an absolute http(s)/mailto URL, to be validated by main and opened there. */
  onLinkClick(url: string): void
  /**
   * Turns a remote image URL the user chose to load into a URL the page may
   * show. The renderer's CSP blocks remote images, so the app is expected
   * to fetch through main and return a blob: URL; without it, the remote
   * URL is used as is.
   */
  loadRemoteImage?(url: string): Promise<string>
  /**
   * Puts a code block's text on the clipboard. Default: navigator.clipboard,
   * which Electron refuses when the session's permission check handler says
   * no to 'clipboard-sanitized-write'; the app can route it through main.
   */
  writeClipboard?(text: string): Promise<void>
}

/**
 * One delegated listener for everything clickable in the rendered answer.
 * Links never navigate in place, whatever they point to: the browser's
 * default is always prevented and only an allowed URL reaches the caller.
 */
export function listenForActions(container: HTMLElement, options: MarkdownViewOptions): () => void {
  const onClick = (event: MouseEvent): void => {
    if (!(event.target instanceof Element)) return
    const button = event.target.closest('button')
    if (button && container.contains(button)) {
      if (button.classList.contains(COPY_BUTTON_CLASS)) copyCode(button, options)
      else if (button.classList.contains(IMAGE_PLACEHOLDER_CLASS)) loadImage(button, options)
      event.preventDefault()
      return
    }
    const link = event.target.closest('a')
    if (!link || !container.contains(link)) return
    event.preventDefault()
    // A primary click, or a middle click (auxclick): both mean "open".
    if (event.button !== (event.type === 'click' ? 0 : 1)) return
    const url = externalUrl(link.getAttribute('href') ?? '')
    if (url) options.onLinkClick(url)
  }
  container.addEventListener('click', onClick)
  container.addEventListener('auxclick', onClick)
  return () => {
    container.removeEventListener('click', onClick)
    container.removeEventListener('auxclick', onClick)
  }
}

function copyCode(button: HTMLButtonElement, options: MarkdownViewOptions): void {
  const code = button.closest('.md-code')?.querySelector('pre')?.textContent ?? ''
  // The clipboard can be missing or refuse (no focus, no permission); the label says which.
  const write = options.writeClipboard ?? ((text: string) => navigator.clipboard.writeText(text))
  // Starting from a resolved promise also turns a synchronous throw (no navigator.clipboard) into "failed".
  Promise.resolve()
    .then(() => write(code))
    .then(
      () => flash(button, 'Copied'),
      () => flash(button, 'Copy failed')
    )
}

function flash(button: HTMLButtonElement, label: string): void {
  button.textContent = label
  setTimeout(() => (button.textContent = 'Copy'), 1500)
}

function loadImage(button: HTMLButtonElement, options: MarkdownViewOptions): void {
  const url = button.dataset.src ?? ''
  // Only placeholders we made carry a URL, and only for http(s); checked again all the same.
  if (classifyImage(url) !== 'remote' || button.disabled) return
  button.disabled = true
  const source = options.loadRemoteImage ? options.loadRemoteImage(url) : Promise.resolve(url)
  source.then(
    (src) => {
      const image = button.ownerDocument.createElement('img')
      image.src = src
      image.alt = button.title
      button.replaceWith(image)
    },
    () => {
      button.disabled = false
      button.textContent = `Could not load image from ${imageHost(url)}`
    }
  )
}
