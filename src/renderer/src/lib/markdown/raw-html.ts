import { ALLOWED_TAGS } from './allowed-tags'

const ALLOWED: ReadonlySet<string> = new Set(ALLOWED_TAGS)
const TAG_NAME = /<\/?([a-z][a-z0-9-]*)/gi
// Comments, doctypes, CDATA and processing instructions: never useful in an answer.
const MARKUP_DECLARATION = /<[!?]/

/**
 * Whether raw HTML the model wrote is passed on (to the sanitizer, which
 * still decides) or shown as the text it is. Showing it beats dropping it:
 * "put it in a <script> tag" in prose should read as written, not vanish
 * together with the rest of the paragraph. This is about presentation only;
 * safety never depends on it.
 */
export function passesRawHtml(html: string): boolean {
  if (MARKUP_DECLARATION.test(html)) return false
  for (const match of html.matchAll(TAG_NAME)) {
    if (!ALLOWED.has((match[1] as string).toLowerCase())) return false
  }
  return true
}
