/**
 * The page of a run notebook: the narrative as HTML, each code cell followed by its outputs.
 * Self-contained — charts are inline SVG and the style is inline — so it opens offline and
 * needs no script.
 */
import { marked } from 'marked';
import { esc, type Output } from './api.js';
import type { CellFailure } from './errors.js';
import type { Block } from './parse.js';

export interface PageInput {
  title: string;
  source: string;
  blocks: Block[];
  outputs: Map<number, Output[]>;
  failure?: CellFailure;
}

const STYLE = `
body { font-family: "DejaVu Sans", system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.55; color: #222; }
h1, h2, h3 { line-height: 1.25; }
a { color: #1f5fa8; }
pre { overflow-x: auto; }
.cell { margin: 1.2rem 0; }
.cell-label { font: 12px monospace; color: #888; }
.code { background: #f5f5f3; border-left: 3px solid #9ab; padding: 0.6rem 0.8rem; font-size: 13px; margin: 0.2rem 0; }
.out { background: #fff; border-left: 3px solid #ddd; padding: 0.4rem 0.8rem; font-size: 13px; margin: 0.4rem 0; white-space: pre-wrap; }
.outputs figure { margin: 0.6rem 0; }
.outputs svg { max-width: 100%; height: auto; display: block; }
.outputs table { border-collapse: collapse; font-size: 13px; margin: 0.6rem 0; }
.outputs .scroll { overflow-x: auto; }
.outputs th, .outputs td { border-bottom: 1px solid #ddd; padding: 0.2rem 0.6rem; text-align: left; vertical-align: bottom; }
.outputs td { white-space: nowrap; }
.outputs td.wrap { white-space: normal; min-width: 16rem; }
.outputs .num { text-align: right; font-variant-numeric: tabular-nums; }
.outputs caption { text-align: left; font-weight: bold; padding-bottom: 0.3rem; }
.outputs .md { border-left: 3px solid #c9d9a8; padding: 0 0.8rem; }
.error { background: #fdecea; border-left: 3px solid #c0392b; padding: 0.4rem 0.8rem; }
.skipped { color: #999; font-style: italic; }
footer { margin-top: 3rem; font-size: 12px; color: #777; }
`;

function renderOutputs(outputs: Output[]): string {
  const parts: string[] = [];
  let text: string[] = [];
  const flush = () => {
    if (text.length) parts.push(`<pre class="out">${esc(text.join('\n'))}</pre>`);
    text = [];
  };
  for (const o of outputs) {
    if (o.kind === 'text') {
      text.push(o.text);
      continue;
    }
    flush();
    parts.push(o.kind === 'svg' ? `<figure>${o.svg}</figure>` : o.html.startsWith('<table') ? `<div class="scroll">${o.html}</div>` : `<div class="md">${o.html}</div>`);
  }
  flush();
  return parts.join('\n');
}

export function renderPage(p: PageInput): string {
  const body = p.blocks.map((b) => {
    if (b.kind === 'prose') return marked.parse(b.markdown, { async: false });
    const failed = p.failure?.cell === b.index;
    const skipped = p.failure !== undefined && b.index > p.failure.cell;
    const outs = renderOutputs(p.outputs.get(b.index) ?? []);
    const error = failed ? `<div class="error"><b>Cell ${b.index} failed${p.failure!.mdLine ? ` (notebook line ${p.failure!.mdLine})` : ''}</b><pre>${esc(p.failure!.message)}</pre></div>` : '';
    return `<section class="cell" id="cell-${b.index}"><div class="cell-label">[${b.index}]</div><pre class="code"><code class="language-ts">${esc(b.code)}</code></pre>
<div class="outputs">${skipped ? '<p class="skipped">not run: an earlier cell failed</p>' : outs + error}</div></section>`;
  });
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(p.title)}</title>
<style>${STYLE}</style>
</head>
<body>
${body.join('\n')}
<footer>Generated from <code>${esc(p.source)}</code> by <code>npm run notebooks</code> (lintas). Every number and chart on this page was computed by the code cells above it.</footer>
</body>
</html>
`;
}

/** The notebook's title: its first level-one heading, else its file name. */
export function titleOf(blocks: Block[], fallback: string): string {
  for (const b of blocks) {
    if (b.kind !== 'prose') continue;
    const m = /^#\s+(.+)$/m.exec(b.markdown);
    if (m) return m[1]!.trim();
  }
  return fallback;
}
