// The one page frame of the site's own pages: header, navigation and footer, every link relative to the page.

/** A guide as the site lists it: its Markdown file in docs/guides and its title in the navigation. */
export interface GuideEntry {
  slug: string;
  title: string;
  summary: string;
}

/** The guides in reading order (docs/guides/<slug>.md becomes guides/<slug>.html). */
export const GUIDES: readonly GuideEntry[] = [
  {
    slug: 'getting-started',
    title: 'Getting started',
    summary: 'Install, a first program, the three imports, which runtime.',
  },
  {
    slug: 'walkthrough',
    title: 'The walkthrough in TypeScript',
    summary: 'Value, backward() and the neuron of the post, cell by cell.',
  },
  {
    slug: 'pictures',
    title: 'Pictures',
    summary: 'Graphs with every node’s data and grad, plots, SVG and PNG.',
  },
  {
    slug: 'expressions',
    title: 'The expression language',
    summary: 'tanh(x1*w1 + x2*w2 + b) as text, built into a Value graph.',
  },
  {
    slug: 'practice',
    title: 'Backprop by hand',
    summary: 'Give each grad yourself, checked, with hints: in the terminal or on the Graph page.',
  },
  {
    slug: 'neural-networks',
    title: 'Neural networks and training',
    summary: 'MLP, losses, SGD and Adam, Trainer, the digits.',
  },
  {
    slug: 'regression',
    title: 'Regression',
    summary: 'Real-valued targets: task: regression, MSE and R², on the page and the command line.',
  },
  {
    slug: 'derivatives',
    title: 'Derivatives of derivatives',
    summary: 'grad(grad(f)), Hessians, JVPs, VJPs and gradcheck.',
  },
  {
    slug: 'custom-ops',
    title: 'Your own ops',
    summary: 'defineOp: a forward rule and its derivative, and the op works everywhere.',
  },
  { slug: 'export', title: 'Export', summary: 'A trained model as PyTorch, ONNX or a TypeScript module.' },
  {
    slug: 'command-line',
    title: 'The micrograd command',
    summary: 'Walkthrough, graphs, practice, training, predictions, serve and export from the terminal.',
  },
  {
    slug: 'playground',
    title: 'The playground',
    summary: 'The Graph, Train and Notebook pages, and micrograd serve.',
  },
  {
    slug: 'notebooks',
    title: 'Notebooks',
    summary: 'The walkthrough as a notebook: in the browser, or in Jupyter with Deno’s kernel.',
  },
  {
    slug: 'tape-and-performance',
    title: 'The tape and performance',
    summary: 'compile(), batches on a tape, which runtime and why, the benchmarks.',
  },
  {
    slug: 'pytorch',
    title: 'Checked against PyTorch',
    summary: 'The oracle, the per-op cases, the fuzzer, deliberate differences.',
  },
];

/** The CLI reference's place after the guides: docs/guides/cli.md, then the help generated from the command. */
export const CLI_PAGE = { slug: 'cli', title: 'CLI reference' } as const;

const escapeMap: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
/** Text safe inside HTML elements and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => escapeMap[c]!);
}

/** A whole page: `root` is the relative way back to the site's root from this page ('' or '../'). */
export function page(opts: { title: string; root: string; body: string; current?: string }): string {
  const { title, root, body, current } = opts;
  const guideLinks = [...GUIDES, CLI_PAGE]
    .map((g) => {
      const attr = g.slug === current ? ' aria-current="page"' : '';
      return `<li><a href="${root}guides/${g.slug}.html"${attr}>${escapeHtml(g.title)}</a></li>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · micrograd-ts</title>
<link rel="stylesheet" href="${root}style.css">
<link rel="icon" href="${root}favicon.svg" type="image/svg+xml">
</head>
<body>
<header class="top">
<a class="brand" href="${root}index.html">micrograd-ts</a>
<nav class="top-links" aria-label="Site">
<a href="${root}guides/getting-started.html">Guides</a>
<a href="${root}api/index.html">API</a>
<a href="${root}guides/cli.html">CLI</a>
<a href="${root}play/index.html">Graph</a>
<a href="${root}play/train.html">Train</a>
<a href="${root}play/notebook.html">Notebook</a>
</nav>
</header>
<div class="frame">
<nav class="side" aria-label="Guides">
<p class="side-title">Guides</p>
<ul>
${guideLinks}
</ul>
</nav>
<main>
${body}
</main>
</div>
<footer>micrograd-ts · MIT licence · <a href="${root}api/index.html">API reference</a></footer>
</body>
</html>
`;
}
