import { describe, expect, it } from 'vitest'
import { classifyImage, classifyLink, externalUrl, imageHost } from '../../../src/renderer/src/lib/markdown/url-policy'

describe('classifyLink', () => {
  it.each([
    ['https://example.com/a?b#c', 'external'],
    ['http://example.com', 'external'],
    ['mailto:dev@example.com', 'external'],
    ['javascript:alert(1)', 'blocked'],
    [' JAVA\tSCRIPT:alert(1)', 'blocked'],
    ['vbscript:msgbox(1)', 'blocked'],
    ['data:text/html;base64,PHNjcmlwdD4=', 'blocked'],
    ['file:///etc/passwd', 'blocked'],
    ['tel:+123', 'blocked'],
    ['http://', 'blocked'],
    ['relative/page', 'inert'],
    ['#section', 'inert'],
    ['//example.com/protocol-relative', 'inert'],
    ['a?javascript:alert(1)', 'inert']
  ])('%s is %s', (href, kind) => {
    expect(classifyLink(href)).toBe(kind)
  })

  it('hands main the normalized URL, and nothing for other kinds', () => {
    expect(externalUrl('HTTPS://Example.COM')).toBe('https://example.com/')
    expect(externalUrl('relative')).toBeNull()
    expect(externalUrl('javascript:alert(1)')).toBeNull()
  })
})

describe('classifyImage', () => {
  it.each([
    ['https://example.com/cat.png', 'remote'],
    ['http://example.com/cat.png', 'remote'],
    ['data:image/png;base64,iVBORw0KGgo=', 'inline'],
    ['data:image/webp;base64,UklGRg==', 'inline'],
    ['data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=', 'blocked'],
    ['data:image/png,rawbytes', 'blocked'],
    ['data:text/html;base64,PHNjcmlwdD4=', 'blocked'],
    ['javascript:alert(1)', 'blocked'],
    ['cat.png', 'blocked'],
    ['//example.com/cat.png', 'blocked'],
    ['file:///etc/passwd', 'blocked']
  ])('%s is %s', (src, kind) => {
    expect(classifyImage(src)).toBe(kind)
  })

  it('names the host in punycode, so a look-alike shows', () => {
    expect(imageHost('https://images.example.com:8443/cat.png')).toBe('images.example.com:8443')
    expect(imageHost('https://exаmple.com/x.png')).toBe('xn--exmple-4nf.com')
  })
})
