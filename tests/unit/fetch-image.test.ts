import { describe, expect, it } from 'vitest'
import { fetchImageAsDataUrl } from '../../src/main/media/fetch-image'

const PNG = Buffer.from('89504e470d0a1a0a', 'hex')
const answering = (body: BodyInit | null, headers: Record<string, string>, status = 200): typeof globalThis.fetch =>
  async () => new Response(body, { status, headers })

describe('fetchImageAsDataUrl', () => {
  it('returns a raster image as a data: URL', async () => {
    const url = await fetchImageAsDataUrl('https://example.com/p.png', answering(PNG, { 'content-type': 'image/png' }))
    expect(url).toBe(`data:image/png;base64,${PNG.toString('base64')}`)
  })

  it('refuses SVG, HTML and anything that is not a raster picture', async () => {
    for (const type of ['image/svg+xml', 'text/html', 'application/octet-stream']) {
      await expect(fetchImageAsDataUrl('https://example.com/x', answering('<svg/>', { 'content-type': type }))).rejects.toMatchObject({ code: 'validation' })
    }
  })

  it('refuses other schemes and credentials in the URL without fetching', async () => {
    let fetched = false
    const spy: typeof globalThis.fetch = async () => {
      fetched = true
      return new Response(PNG, { headers: { 'content-type': 'image/png' } })
    }
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'https://user:pw@example.com/p.png', 'not a url']) {
      await expect(fetchImageAsDataUrl(url, spy)).rejects.toMatchObject({ code: 'validation' })
    }
    expect(fetched).toBe(false)
  })

  it('refuses images over 10 MB, by header or by size', async () => {
    await expect(fetchImageAsDataUrl('https://e.com/big.png', answering(PNG, { 'content-type': 'image/png', 'content-length': String(11 * 1024 * 1024) }))).rejects.toMatchObject({ code: 'validation' })
    const big = Buffer.alloc(10 * 1024 * 1024 + 1)
    await expect(fetchImageAsDataUrl('https://e.com/big.png', answering(big, { 'content-type': 'image/png' }))).rejects.toMatchObject({ code: 'validation' })
  })

  it('says what went wrong when the server fails or cannot be reached', async () => {
    await expect(fetchImageAsDataUrl('https://e.com/p.png', answering(null, {}, 404))).rejects.toMatchObject({ code: 'not_found' })
    const unreachable: typeof globalThis.fetch = async () => Promise.reject(new TypeError('fetch failed'))
    await expect(fetchImageAsDataUrl('https://e.com/p.png', unreachable)).rejects.toMatchObject({ code: 'network' })
  })
})
