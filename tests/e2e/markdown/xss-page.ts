import type { HarnessWindow } from './page-types'

export interface VectorFindings {
  /** Per payload, in order: what is wrong with its output DOM (empty when nothing). */
  problems: string[][]
  /** Per payload: how many <a> elements its output has. */
  links: number[]
  /** Every URL handed to onLinkClick after clicking every link. */
  opened: string[]
  /** The page's URL after all the clicking. */
  href: string
}

/**
 * Runs in the page (serialized by page.evaluate, so self-contained): streams
 * each payload as model output in `step`-character deltas into its own view,
 * waits for anything asynchronous to fire, inspects every output DOM and
 * clicks every link in it.
 */
export async function streamVectorsInPage(args: { payloads: string[]; step: number }): Promise<VectorFindings> {
  const win = globalThis as unknown as HarnessWindow
  const forbiddenTags = ['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'form', 'input', 'textarea',
    'select', 'style', 'link', 'meta', 'base', 'svg', 'math', 'template', 'video', 'audio', 'source', 'picture', 'portal']
  const urlAttributes = ['href', 'src', 'action', 'formaction', 'xlink:href', 'srcset', 'background', 'poster', 'data', 'ping', 'cite', 'longdesc']
  const ourButtons = ['md-code-copy', 'md-image-placeholder']
  const opened: string[] = []

  const rendered = args.payloads.map((payload) => {
    const container = win.document.createElement('div')
    win.document.body.append(container)
    const view = win.ChofeshMarkdown.createMarkdownView(container, { onLinkClick: (url) => opened.push(url) })
    for (let end = Math.min(args.step, payload.length); ; end = Math.min(end + args.step, payload.length)) {
      view.update(payload.slice(0, end))
      if (end >= payload.length) break
    }
    view.finish()
    return { container, view }
  })
  // Image errors, timers and the like fire asynchronously: give them time to hit the trap.
  await new Promise<void>((resolve) => win.setTimeout(resolve, 150))

  const problems = rendered.map(({ container }) => {
    const found: string[] = []
    for (const element of Array.from(container.querySelectorAll('*'))) {
      const tag = element.tagName.toLowerCase()
      if (forbiddenTags.includes(tag)) found.push(`<${tag}> element`)
      if (tag === 'button' && !ourButtons.includes(element.className)) found.push(`foreign button ${element.className}`)
      if (tag === 'a' && element.getAttribute('rel') !== 'noopener noreferrer') found.push('link without rel="noopener noreferrer"')
      for (const attribute of Array.from(element.attributes)) {
        const name = attribute.name.toLowerCase()
        if (name.startsWith('on')) found.push(`${name} attribute on <${tag}>`)
        if (name === 'style') found.push(`style attribute on <${tag}>`)
        if (!urlAttributes.includes(name)) continue
        // How a browser reads a URL: control characters and spaces stripped.
        const url = attribute.value.replace(/[\s\p{Cc}]/gu, '').toLowerCase()
        if (/^(?:javascript|vbscript|file):/.test(url)) found.push(`${name}=${url.slice(0, 40)} on <${tag}>`)
        const rasterImage = tag === 'img' && name === 'src' && /^data:image\/(?:png|gif|jpeg|webp);base64,/.test(url)
        if (url.startsWith('data:') && !rasterImage) found.push(`${name}=${url.slice(0, 40)} on <${tag}>`)
        if (tag === 'img' && /^(?:https?:)?\/\//.test(url)) found.push(`remote image ${url.slice(0, 60)}`)
      }
    }
    return found
  })
  const links = rendered.map(({ container }) => container.querySelectorAll('a').length)
  for (const { container } of rendered) for (const link of Array.from(container.querySelectorAll('a'))) link.click()
  await new Promise<void>((resolve) => win.setTimeout(resolve, 50))
  for (const { container, view } of rendered) {
    view.destroy()
    container.remove()
  }
  return { problems, links, opened, href: win.location.href }
}
