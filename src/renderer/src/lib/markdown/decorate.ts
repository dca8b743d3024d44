import { classifyImage, classifyLink, imageHost } from './url-policy'

// Class names of the controls we add. The sanitizer lets no <button> through, so a button with one of these is ours.
export const COPY_BUTTON_CLASS = 'md-code-copy'
export const IMAGE_PLACEHOLDER_CLASS = 'md-image-placeholder'

/**
 * Applies the URL policy and adds our controls to a sanitized fragment,
 * while it is still in DOMPurify's inert document: a remote <img> must be
 * gone before the fragment enters the page, where it would start loading.
 */
export function decorateFragment(fragment: DocumentFragment): void {
  for (const link of fragment.querySelectorAll('a')) secureLink(link)
  for (const image of fragment.querySelectorAll('img')) guardImage(image)
  for (const pre of fragment.querySelectorAll('pre')) addCodeHeader(pre)
}

function secureLink(link: HTMLAnchorElement): void {
  const href = link.getAttribute('href')
  if (href !== null && classifyLink(href) === 'blocked') link.removeAttribute('href')
  link.setAttribute('rel', 'noopener noreferrer')
}

function guardImage(image: HTMLImageElement): void {
  const src = image.getAttribute('src') ?? ''
  const kind = classifyImage(src)
  if (kind === 'inline') return
  const alt = image.getAttribute('alt') ?? ''
  if (kind === 'blocked') {
    image.replaceWith(alt)
    return
  }
  const placeholder = image.ownerDocument.createElement('button')
  placeholder.type = 'button'
  placeholder.className = IMAGE_PLACEHOLDER_CLASS
  placeholder.dataset.src = src
  if (alt) placeholder.title = alt
  placeholder.textContent = `Load image from ${imageHost(src)}`
  image.replaceWith(placeholder)
}

function addCodeHeader(pre: HTMLPreElement): void {
  const doc = pre.ownerDocument
  const languageClass = [...(pre.querySelector(':scope > code')?.classList ?? [])].find((name) => name.startsWith('language-'))
  const label = doc.createElement('span')
  label.className = 'md-code-lang'
  label.textContent = languageClass?.slice('language-'.length) || 'text'
  const copy = doc.createElement('button')
  copy.type = 'button'
  copy.className = COPY_BUTTON_CLASS
  copy.textContent = 'Copy'
  const header = doc.createElement('div')
  header.className = 'md-code-header'
  header.append(label, copy)
  const wrapper = doc.createElement('div')
  wrapper.className = 'md-code'
  pre.replaceWith(wrapper)
  wrapper.append(header, pre)
}
