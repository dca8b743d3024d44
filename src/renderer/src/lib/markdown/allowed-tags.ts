/**
 * The only tags model output may produce. Everything a markdown answer
 * needs, plus the harmless inline HTML models like to write (`<br>` in
 * tables, `<sub>`, `<kbd>`, `<details>`). Deliberately absent: script,
 * style, iframe/object/embed, form controls, svg/math (namespace tricks),
 * picture/source/video/audio (more ways to fetch), link/meta/base.
 */
export const ALLOWED_TAGS: readonly string[] = [
  'a', 'abbr', 'b', 'blockquote', 'br', 'caption', 'code', 'dd', 'del', 'details', 'div', 'dl', 'dt', 'em',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img', 'ins', 'kbd', 'li', 'mark', 'ol', 'p', 'pre', 'q',
  's', 'samp', 'small', 'span', 'strong', 'sub', 'summary', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th',
  'thead', 'tr', 'u', 'ul', 'var'
]
