// End-to-end test of the demo page in headless Chromium (Debian's
// `chromium`, driven by playwright-core; no browser is downloaded).
//
// Serves web/ from 127.0.0.1, loads the page, clicks "Get a summary",
// checks that the box shows whole sentences of the article and none of
// the page's boilerplate, highlights the picks, measures summarize() on
// the article with performance.now() (reported, never asserted), and
// takes a screenshot: web/test-results/summary.png.
//
// Needs web/pkg (./build.sh) and `npm ci`. CHROMIUM overrides the
// browser's path.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const web = join(dirname(fileURLToPath(import.meta.url)), '..');
const results = join(web, 'test-results');
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
};

// The page's boilerplate: none of it may show in the summary box.
const BOILERPLATE = [
  'No time to read?',
  'Get a summary',
  'Previous Article',
  'Next Article',
  'Related',
  'The Daily Ledger',
  'Apple iOS 17 Safety Feature',
  'Expanded View on Household Chemicals',
  'Azerbaijan-TikTok Restriction and Nagorno-Karabakh: Context',
  'By the World desk',
];

let server;
let base;
let context;
let page;
let userDataDir;

function serve() {
  return createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const file = normalize(join(web, path.endsWith('/') ? path + 'index.html' : path));
    const inside = file.startsWith(web + sep) && !file.includes(`${sep}node_modules${sep}`);
    let body;
    try {
      body = inside && statSync(file).isFile() ? readFileSync(file) : null;
    } catch {
      body = null;
    }
    if (!body) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
      // Cross-origin isolation: performance.now() then has 5 µs steps
      // rather than 100 µs, which the timing below needs.
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-embedder-policy': 'require-corp',
    });
    res.end(body);
  });
}

before(async () => {
  statSync(join(web, 'pkg', 'gisty_wasm_bg.wasm')); // built by ./build.sh
  server = serve();
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${server.address().port}/`;
  userDataDir = mkdtempSync(join(tmpdir(), 'gisty-chromium-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1280, height: 900 },
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (e) => console.error('page error:', e));
  // The page makes no request but to this server.
  await page.route('**/*', (route) =>
    route.request().url().startsWith(base) ? route.continue() : route.abort(),
  );
});

after(async () => {
  await context?.close();
  server?.close();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
});

const oneLine = (s) => s.replace(/\s+/g, ' ').trim();

test('"Get a summary" shows whole sentences of the article, and only those', async () => {
  await page.goto(base, { waitUntil: 'load' });
  const box = page.locator('#summary');
  assert.equal(await box.isVisible(), false, 'the box is hidden before the click');

  await page.getByRole('button', { name: 'Get a summary' }).click();
  await box.locator('.gisty-sentence').first().waitFor();

  const article = oneLine(await page.locator('.article-body').innerText());
  const paragraphs = (await page.locator('.article-body p').allInnerTexts()).map(oneLine);
  const sentences = (await box.locator('.gisty-sentence').allInnerTexts()).map(oneLine);
  const boxText = await box.innerText();
  const clickMs = Number(await box.getAttribute('data-ms'));
  console.log(`summary box (summarize took ${clickMs.toFixed(3)} ms on the click):`);
  console.log('  ' + sentences.join('\n  '));

  assert.equal(sentences.length, 3, 'three sentences, as the page asks');
  assert.equal(new Set(sentences).size, 3, 'no sentence twice');
  let last = -1;
  for (const s of sentences) {
    // A whole sentence of the article: in its text, starting where a
    // paragraph or a sentence starts, ending with terminal punctuation.
    const at = article.indexOf(s);
    assert.ok(at >= 0, `not in the article: ${s}`);
    assert.ok(at > last, `not in document order: ${s}`);
    last = at;
    const p = paragraphs.find((p) => p.includes(s));
    assert.ok(p, `runs across paragraphs: ${s}`);
    const before = p.slice(0, p.indexOf(s));
    assert.ok(before === '' || /[.!?]["”’)]?\s$/.test(before), `starts mid-sentence: ${s}`);
    assert.match(s, /^[A-Z0-9"“]/, `does not start like a sentence: ${s}`);
    assert.match(s, /[.!?]["”’)]?$/, `does not end like a sentence: ${s}`);
  }
  for (const b of BOILERPLATE) {
    assert.ok(!boxText.includes(b), `boilerplate in the box: ${b}`);
  }
  // Nor any of the page's navigation, related links or footer lines.
  const chrome = await page
    .locator('nav a, .related a, .related span, .site-footer p, .byline')
    .allInnerTexts();
  for (const c of chrome.map(oneLine)) {
    assert.ok(!boxText.includes(c), `page text in the box: ${c}`);
  }

  // Highlight: the marks in the article are exactly the picked sentences
  // (which checks the UTF-16 offsets: the article has curly quotes before
  // its picks, where byte offsets would be off).
  await box.getByRole('button', { name: 'Highlight in the article' }).click();
  const marked = await page.evaluate(() => {
    const out = [];
    let cur = null;
    for (const m of document.querySelectorAll('.article-body mark.gisty-mark')) {
      // Adjacent marks (one sentence across inline elements) join up.
      if (cur && m.previousSibling === cur.last) cur.text += m.textContent;
      else out.push((cur = { text: m.textContent }));
      cur.last = m;
    }
    return out.map((c) => c.text);
  });
  assert.deepEqual(marked.map(oneLine), sentences);

  mkdirSync(results, { recursive: true });
  await page.screenshot({ path: join(results, 'summary.png'), fullPage: true });

  // And off again: the article's text is as it was.
  await box.getByRole('button', { name: 'Remove the highlights' }).click();
  assert.equal(await page.locator('mark.gisty-mark').count(), 0);
  assert.equal(oneLine(await page.locator('.article-body').innerText()), article);
});

test('the JavaScript API: UTF-16 spans slice, options are checked', async () => {
  await page.goto(base, { waitUntil: 'load' });
  const r = await page.evaluate(async () => {
    const g = await import('./gisty.js');
    await g.load();
    const article = g.readText(document.querySelector('.article-body')).text;
    // Astral characters (two UTF-16 units) and curly quotes before the
    // sentences, so that byte, code point and UTF-16 offsets all differ.
    const text = 'Title 😀\n\nThe café’s owner 😀 said “yes”. She left at noon! Did he? Yes.';
    const bad = [];
    for (const t of [article, text]) {
      for (const s of g.split(t)) {
        if (t.slice(s.utf16Start, s.utf16End) !== s.text) bad.push(s);
      }
    }
    const sum = g.summarize(text, { sentences: 2 });
    const sliced = sum.sentences.map((s) => text.slice(s.utf16Start, s.utf16End));
    const errors = [];
    for (const o of [{ sentences: 2, words: 9 }, { sentence: 2 }, { language: 'klingon' }, { ratio: 2 }]) {
      try {
        g.summarize(text, o);
        errors.push(null);
      } catch (e) {
        errors.push(`${e instanceof Error} ${e.message}`);
      }
    }
    return {
      bad,
      textSplit: g.split(text),
      sum,
      sliced,
      errors,
      empty: g.summarize('', undefined),
      isPlain: Object.getPrototypeOf(sum) === Object.prototype &&
        Array.isArray(sum.sentences) &&
        Object.getPrototypeOf(sum.sentences[0].parts) === Object.prototype,
    };
  });
  assert.deepEqual(r.bad, []);
  assert.deepEqual(
    r.textSplit.map((s) => [s.kind, s.text]),
    [
      ['heading', 'Title 😀'],
      ['text', 'The café’s owner 😀 said “yes”.'],
      ['text', 'She left at noon!'],
      ['text', 'Did he?'],
      ['text', 'Yes.'],
    ],
  );
  const owner = r.textSplit[1];
  assert.ok(owner.utf16Start < owner.byteStart, 'UTF-16 and byte offsets differ');
  assert.equal(r.sum.sentences.length, 2);
  assert.deepEqual(r.sliced, r.sum.sentences.map((s) => s.text));
  assert.equal(typeof r.sum.sentences[0].score, 'number');
  assert.equal(typeof r.sum.sentences[0].parts.content, 'number');
  assert.ok(r.isPlain, 'plain objects and arrays');
  assert.deepEqual(r.empty, { summary: '', totalSentences: 0, sentences: [] });
  assert.match(r.errors[0], /^true .*at most one/);
  assert.match(r.errors[1], /^true .*unknown field `sentence`/);
  assert.match(r.errors[2], /^true .*unknown language 'klingon'/);
  assert.match(r.errors[3], /^true .*ratio/);
});

test('summarize() on the article after load: timing (reported, not asserted)', async () => {
  await page.goto(base, { waitUntil: 'load' });
  const t = await page.evaluate(async () => {
    const g = await import('./gisty.js');
    const t0 = performance.now();
    await g.load();
    const loadMs = performance.now() - t0;
    const { text } = g.readText(document.querySelector('.article-body'));
    const time = (f) => {
      const a = performance.now();
      f();
      return performance.now() - a;
    };
    const first = time(() => g.summarize(text, { sentences: 3 }));
    for (let i = 0; i < 20; i++) g.summarize(text, { sentences: 3 });
    const runs = [];
    for (let i = 0; i < 200; i++) runs.push(time(() => g.summarize(text, { sentences: 3 })));
    const batch = time(() => {
      for (let i = 0; i < 200; i++) g.summarize(text, { sentences: 3 });
    });
    runs.sort((a, b) => a - b);
    const r = g.summarize(text, { sentences: 3 });
    return {
      chars: text.length,
      sentences: r.totalSentences,
      picked: r.sentences.length,
      loadMs,
      firstMs: first,
      minMs: runs[0],
      medianMs: runs[100],
      p95Ms: runs[190],
      maxMs: runs[199],
      meanOf200Ms: batch / 200,
      userAgent: navigator.userAgent,
      isolated: crossOriginIsolated,
    };
  });
  assert.equal(t.picked, 3);
  assert.ok(t.sentences > 3);
  const wasm = statSync(join(web, 'pkg', 'gisty_wasm_bg.wasm')).size;
  const report = { ...t, wasmBytes: wasm };
  mkdirSync(results, { recursive: true });
  writeFileSync(join(results, 'timing.json'), JSON.stringify(report, null, 2) + '\n');
  console.log(
    `timing: seed article (${t.chars} UTF-16 units, ${t.sentences} sentences) ` +
      `summarize: first call ${t.firstMs.toFixed(3)} ms, min ${t.minMs.toFixed(3)} ms, ` +
      `median ${t.medianMs.toFixed(3)} ms, ` +
      `p95 ${t.p95Ms.toFixed(3)} ms, max ${t.maxMs.toFixed(3)} ms, ` +
      `mean of 200 ${t.meanOf200Ms.toFixed(3)} ms; module load ${t.loadMs.toFixed(1)} ms; ` +
      `.wasm ${wasm} bytes; cross-origin isolated ${t.isolated}; ${t.userAgent}`,
  );
});
