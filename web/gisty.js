// gisty in the browser: a "No time to read? Get a summary" button.
//
// Usage (after web/build.sh has built ./pkg):
//
//   import { attachButton } from './gisty.js';
//   attachButton({
//     button: document.querySelector('#get-summary'),
//     article: document.querySelector('.article-body'),
//     output: document.querySelector('#summary'),
//     options: { sentences: 3 },
//   });
//
// Everything runs in the page: the WebAssembly module is fetched once,
// next to this file, and no text leaves the browser.

import init, { summarize, split } from './pkg/gisty_wasm.js';

export { summarize, split };

let ready = null;

// A few sentences of ordinary prose, summarised once after loading, so
// that the reader's first click finds the default summariser built and
// the code it runs compiled (the browser compiles WebAssembly functions
// lazily, on their first call).
const WARM_UP =
  'The council approved the new budget on Monday after a long debate.\n\n' +
  'Officials said the measures were needed, while critics warned of rising ' +
  'costs. “We’re working on it,” the mayor’s office said. Reporting ' +
  'continues as negotiations resume.';

/** Loads the WebAssembly module once; later calls return the same promise. */
export function load() {
  ready ??= init().then(() => {
    summarize(WARM_UP, { sentences: 2 });
  });
  return ready;
}

// Elements whose text is a block of its own: a blank line goes between
// blocks, so that a sentence never runs from one paragraph into the next.
const BLOCKS =
  'p, li, dd, dt, h1, h2, h3, h4, h5, h6, blockquote, pre, figcaption, ' +
  'td, th, div, section, article, header, footer, aside';
const SKIP = 'script, style, noscript, template, [hidden], [data-gisty-skip]';

/**
 * The text of `root` as gisty should read it: the text of its blocks
 * joined by blank lines, and for each DOM text node where its text starts
 * in that string (in UTF-16 code units, as JavaScript counts).
 */
export function readText(root) {
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) =>
      n.parentElement && n.parentElement.closest(SKIP)
        ? NodeFilter.FILTER_REJECT
        : NodeFilter.FILTER_ACCEPT,
  });
  let text = '';
  const nodes = [];
  let block = null;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const b = n.parentElement.closest(BLOCKS) ?? root;
    if (block !== null && b !== block && text.length > 0) text += '\n\n';
    block = b;
    nodes.push({ node: n, start: text.length });
    text += n.data;
  }
  return { text, nodes };
}

/**
 * Marks the UTF-16 ranges `spans` ([{utf16Start, utf16End}]) of a
 * `readText` result in the DOM, with <mark class="gisty-mark">.
 */
export function highlight({ nodes }, spans) {
  const pieces = [];
  nodes.forEach(({ node, start }, i) => {
    const end = start + node.data.length;
    for (const s of spans) {
      const a = Math.max(s.utf16Start, start);
      const b = Math.min(s.utf16End, end);
      if (a < b) pieces.push({ i, node, a: a - start, b: b - start });
    }
  });
  // Last first: cutting a text node leaves the offsets before the cut
  // where they were.
  pieces.sort((x, y) => y.i - x.i || y.a - x.a);
  for (const { node, a, b } of pieces) {
    const range = node.ownerDocument.createRange();
    range.setStart(node, a);
    range.setEnd(node, b);
    const mark = node.ownerDocument.createElement('mark');
    mark.className = 'gisty-mark';
    range.surroundContents(mark);
  }
}

/** Removes the marks `highlight` added under `root`. */
export function clearHighlights(root) {
  for (const m of root.querySelectorAll('mark.gisty-mark')) {
    m.replaceWith(...m.childNodes);
  }
  root.normalize();
}

/**
 * Summarises the text of the element `article`: returns gisty's result
 * (`{summary, totalSentences, sentences: [...]}`), the text it read, and
 * the time `summarize` took in milliseconds.
 */
export async function summarizeElement(article, options = {}) {
  await load();
  clearHighlights(article);
  const read = readText(article);
  const t0 = performance.now();
  const result = summarize(read.text, options);
  const ms = performance.now() - t0;
  return { result, read, ms };
}

const oneLine = (s) => s.replace(/\s+/g, ' ').trim();

/**
 * Wires a "Get a summary" button: a click summarises `article` and shows
 * the picked sentences in `output`, with a button that highlights them in
 * the article. Fires a `gisty:summary` event on `output` with
 * `{result, ms}` after each summary.
 */
export function attachButton({ button, article, output, options = {} }) {
  const doc = output.ownerDocument;
  // Fetch and compile the module while the reader reads, not on the click.
  load().catch(() => {});
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      const { result, read, ms } = await summarizeElement(article, options);
      output.replaceChildren();
      const list = doc.createElement('div');
      list.className = 'gisty-sentences';
      for (const s of result.sentences) {
        const p = doc.createElement('p');
        p.className = 'gisty-sentence';
        p.textContent = oneLine(s.text);
        list.append(p);
      }
      const meta = doc.createElement('p');
      meta.className = 'gisty-meta';
      meta.textContent =
        `${result.sentences.length} of ${result.totalSentences} sentences, ` +
        `picked in ${ms.toFixed(2)} ms in your browser`;
      const mark = doc.createElement('button');
      mark.type = 'button';
      mark.className = 'gisty-highlight';
      mark.textContent = 'Highlight in the article';
      mark.setAttribute('aria-pressed', 'false');
      mark.addEventListener('click', () => {
        const on = mark.getAttribute('aria-pressed') !== 'true';
        clearHighlights(article);
        if (on) highlight(readText(article), result.sentences);
        mark.setAttribute('aria-pressed', String(on));
        mark.textContent = on ? 'Remove the highlights' : 'Highlight in the article';
      });
      output.append(list, meta, mark);
      output.dataset.ms = String(ms);
      output.hidden = false;
      output.dispatchEvent(
        new CustomEvent('gisty:summary', { detail: { result, ms, text: read.text } }),
      );
    } catch (e) {
      output.replaceChildren(doc.createTextNode(`Could not summarise: ${e.message}`));
      output.hidden = false;
      throw e;
    } finally {
      button.disabled = false;
    }
  });
}
