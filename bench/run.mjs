// npm run bench: streaming cost of the markdown engine against the naive approach, in real Chromium.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from '@playwright/test'
import { build } from 'vite'
import { generateAnswer } from './generate-answer.mjs'
import { measureIncremental, measureNaive } from './page-bench.mjs'

const STEP = 4
const KB = 1000
// The naive approach is quadratic: at 100 KB it would run for minutes, so it is timed on evenly spaced deltas and scaled.
const NAIVE_SAMPLES = 250

async function bundle() {
  const outDir = mkdtempSync(join(tmpdir(), 'chofesh-bench-'))
  try {
    await build({
      configFile: false,
      logLevel: 'warn',
      build: {
        outDir,
        minify: true,
        emptyOutDir: true,
        lib: { entry: join(import.meta.dirname, 'engine-entry.mjs'), formats: ['iife'], name: 'ChofeshMarkdownBench', fileName: () => 'bench.js' }
      }
    })
    return readFileSync(join(outDir, 'bench.js'), 'utf8')
  } finally {
    rmSync(outDir, { recursive: true, force: true })
  }
}

function deltaEnds(length) {
  const ends = []
  for (let end = STEP; end < length; end += STEP) ends.push(end)
  ends.push(length)
  return ends
}

function evenlySpaced(ends, count) {
  return Array.from({ length: count }, (_, index) => ends[Math.floor(((index + 0.5) * ends.length) / count)])
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`

async function main() {
  const script = await bundle()
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
  })
  try {
    const page = await browser.newPage()
    await page.setContent('<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>')
    await page.addScriptTag({ content: script })
    const answers = Object.fromEntries([20, 100, 200].map((size) => [size, generateAnswer(size * KB)]))
    const incremental = async (size) => {
      const runs = []
      for (let run = 0; run < 3; run++) runs.push(await page.evaluate(measureIncremental, { text: answers[size], step: STEP }))
      return median(runs)
    }
    await incremental(20) // warm-up: let the JIT settle before anything is timed

    const inc20 = await incremental(20)
    const inc100 = await incremental(100)
    const inc200 = await incremental(200)
    const ends20 = deltaEnds(answers[20].length)
    const ends100 = deltaEnds(answers[100].length)
    const naive20 = await page.evaluate(measureNaive, { text: answers[20], ends: ends20 })
    const naive20Sampled = ((await page.evaluate(measureNaive, { text: answers[20], ends: evenlySpaced(ends20, NAIVE_SAMPLES) })) * ends20.length) / NAIVE_SAMPLES
    const naive100 = ((await page.evaluate(measureNaive, { text: answers[100], ends: evenlySpaced(ends100, NAIVE_SAMPLES) })) * ends100.length) / NAIVE_SAMPLES

    const rows = [
      ['answer', 'deltas', 'this renderer', 'naive (re-render all per delta)', 'naive / this'],
      ['20 KB', ends20.length, seconds(inc20), `${seconds(naive20)} (all deltas timed)`, `${(naive20 / inc20).toFixed(0)}x`],
      ['100 KB', ends100.length, seconds(inc100), `${seconds(naive100)} (estimated*)`, `${(naive100 / inc100).toFixed(0)}x`],
      ['200 KB', deltaEnds(answers[200].length).length, seconds(inc200), '-', '-']
    ]
    const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => String(row[column]).length)))
    const version = browser.version()
    console.log(`\nMarkdown streaming benchmark: Chromium ${version}, ${STEP}-character deltas, generated answer (headings,`)
    console.log('paragraphs, lists, code blocks, tables, quotes). Time = script time inside the page around all update()')
    console.log('calls (and finish()), measured with performance.now(); this renderer: median of 3 runs.\n')
    for (const row of rows) console.log(row.map((cell, column) => String(cell).padEnd(widths[column])).join('   '))
    console.log(`\n* naive at 100 KB: ${NAIVE_SAMPLES} evenly spaced deltas of ${ends100.length} timed, total scaled by ${(ends100.length / NAIVE_SAMPLES).toFixed(0)}`)
    console.log(`  (the same estimate at 20 KB gives ${seconds(naive20Sampled)} against ${seconds(naive20)} timed in full).`)
    console.log(`\nnaive / this renderer at 100 KB:     ${(naive100 / inc100).toFixed(0)}x`)
    console.log(`this renderer, cost 200 KB / 20 KB:  ${(inc200 / inc20).toFixed(1)}   (linear = 10, quadratic = 100)`)
    console.log(`naive, cost 100 KB / 20 KB:          ${(naive100 / naive20).toFixed(1)}   (linear = 5, quadratic = 25)`)
  } finally {
    await browser.close()
  }
}

await main()
