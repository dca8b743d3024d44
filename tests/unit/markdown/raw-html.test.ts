import { describe, expect, it } from 'vitest'
import { passesRawHtml } from '../../../src/renderer/src/lib/markdown/raw-html'

describe('passesRawHtml', () => {
  it.each(['<br>', '<kbd>', '</kbd>', '<sub>2</sub>', '<details>\n<summary>More</summary>', '<a href="https://example.com">', '<IMG src=x>'])(
    'passes %j on to the sanitizer',
    (html) => expect(passesRawHtml(html)).toBe(true)
  )

  it.each(['<script>', '<style>', '<svg onload=x>', '<iframe src=x>', '<!-- comment -->', '<?php ?>', '<![CDATA[x]]>', '<div>\n<form>'])(
    'shows %j as text',
    (html) => expect(passesRawHtml(html)).toBe(false)
  )
})
