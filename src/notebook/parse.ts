/**
 * Splits a notebook (Markdown with ```ts fenced cells) into prose and code blocks, keeping the
 * Markdown line where each cell's code starts so errors can point at the notebook, not at the
 * generated module.
 */

export interface ProseBlock {
  kind: 'prose';
  markdown: string;
}

export interface CodeCell {
  kind: 'code';
  /** 1-based number among the code cells, as error messages and the page name them. */
  index: number;
  code: string;
  /** 1-based line in the Markdown file of the cell's first line of code. */
  line: number;
}

export type Block = ProseBlock | CodeCell;

/** Fence languages that are executed; any other fenced block (```sh, ```text) stays prose. */
const RUNNABLE = new Set(['ts', 'typescript']);

export function parseNotebook(markdown: string): Block[] {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let prose: string[] = [];
  let cells = 0;
  const flushProse = () => {
    const text = prose.join('\n');
    if (text.trim()) blocks.push({ kind: 'prose', markdown: text });
    prose = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const open = /^ {0,3}(`{3,}|~{3,})\s*([\w-]*)/.exec(lines[i]!);
    if (!open) {
      prose.push(lines[i]!);
      continue;
    }
    const fence = open[1]!;
    // A closing fence is the same character, at least as long, and nothing else on the line.
    const closes = (l: string) => l.trim().startsWith(fence) && /^[`~]+$/.test(l.trim()) && l.trim()[0] === fence[0];
    let end = i + 1;
    while (end < lines.length && !closes(lines[end]!)) end++;
    if (!RUNNABLE.has(open[2]!.toLowerCase())) {
      prose.push(...lines.slice(i, end + 1));
    } else {
      flushProse();
      blocks.push({ kind: 'code', index: ++cells, code: lines.slice(i + 1, end).join('\n'), line: i + 2 });
    }
    i = end;
  }
  flushProse();
  return blocks;
}
