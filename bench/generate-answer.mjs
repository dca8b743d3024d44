/**
 * A long assistant answer of the usual mix: headings, paragraphs with
 * inline markup and links, bullet and numbered lists, fenced code in
 * several languages, tables, quotes. Deterministic (seeded), so runs compare.
 */

function random(seed) {
  let state = seed
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const WORDS = ('the request cache returns a value when the key is present otherwise it calls the loader and stores ' +
  'result for later use this keeps latency low under load while memory stays bounded by the eviction policy we ' +
  'measure throughput errors and tail latency before and after each change to the service configuration').split(' ')

const CODE = {
  ts: ['export async function load(id: string): Promise<Item> {', '  const cached = cache.get(id)', '  if (cached) return cached', '  const item = await fetchItem(id)', '  cache.set(id, item)', '  return item', '}'],
  python: ['def summarize(rows):', '    totals = {}', '    for row in rows:', '        totals[row["key"]] = totals.get(row["key"], 0) + row["value"]', '    return sorted(totals.items(), key=lambda kv: -kv[1])'],
  bash: ['set -euo pipefail', 'for file in logs/*.log; do', '  grep -c "ERROR" "$file" || true', 'done | sort -n | tail -5'],
  json: ['{', '  "name": "cache",', '  "maxEntries": 10000,', '  "ttlSeconds": 300,', '  "evict": ["lru", "ttl"]', '}']
}

export function generateAnswer(size, seed = 42) {
  const next = random(seed)
  const int = (min, max) => min + Math.floor(next() * (max - min + 1))
  const pick = (items) => items[Math.floor(next() * items.length)]
  const words = (count) => Array.from({ length: count }, () => pick(WORDS)).join(' ')
  const inline = () => {
    const roll = next()
    if (roll < 0.15) return `**${words(2)}**`
    if (roll < 0.3) return `\`${pick(WORDS)}()\``
    if (roll < 0.4) return `[${words(2)}](https://example.com/${pick(WORDS)})`
    if (roll < 0.5) return `*${words(3)}*`
    return words(int(4, 9))
  }
  const sentence = () => {
    const text = Array.from({ length: int(2, 4) }, inline).join(' ')
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`
  }
  const paragraph = () => Array.from({ length: int(2, 5) }, sentence).join(' ')
  const list = (ordered) => Array.from({ length: int(3, 7) }, (_, i) => `${ordered ? `${i + 1}.` : '-'} ${sentence()}`).join('\n')
  const code = () => {
    const language = pick(Object.keys(CODE))
    const lines = Array.from({ length: int(1, 4) }, () => CODE[language]).flat()
    return `\`\`\`${language}\n${lines.join('\n')}\n\`\`\``
  }
  const table = () => {
    const columns = int(3, 5)
    const row = () => `| ${Array.from({ length: columns }, () => words(int(1, 3))).join(' | ')} |`
    return [row(), `|${' --- |'.repeat(columns)}`, ...Array.from({ length: int(3, 8) }, row)].join('\n')
  }
  const blocks = [
    [0.08, () => `## ${words(int(2, 5))}`],
    [0.4, paragraph],
    [0.15, () => list(false)],
    [0.08, () => list(true)],
    [0.14, code],
    [0.1, table],
    [0.05, () => `> ${sentence()}`]
  ]
  let answer = `# ${words(4)}\n\n`
  let previous = null
  while (answer.length < size) {
    let roll = next()
    const [, make] = blocks.find(([weight]) => (roll -= weight) < 0) ?? blocks[1]
    // Two lists of one kind in a row would merge into one long list; an answer puts text between them.
    answer += `${make === previous ? `${paragraph()}\n\n` : ''}${make()}\n\n`
    previous = make
  }
  return answer.slice(0, size)
}
