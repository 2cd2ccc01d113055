// `npm run site`: the documentation site as static files — front page, guides, API reference, CLI reference
// and the playground — every link relative, so the same folder works at a domain root, under a subpath and
// from a plain file server. Needs `npm run build` first (the CLI and the playground are read from dist/).

import { copyFile, cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join, posix, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApiReference } from './apiReference.js';
import { cliReferenceHtml } from './cliReference.js';
import { renderMarkdown, type RewriteUrl } from './renderMarkdown.js';
import { CLI_PAGE, GUIDES, page } from './siteLayout.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const DOCS = join(REPO, 'docs');

/**
 * The rewrite for a Markdown file in docs/ rendered to `pageDir` of the site: `x.md#a` → `x.html#a`,
 * an image under docs/ → copied to `images/` with the same path. Anything else is an error, so a guide cannot
 * link to a file the site does not have.
 */
function rewriterFor(sourceFile: string, outDir: string, pageDir: string, images: Set<string>): RewriteUrl {
  return (href, kind) => {
    const [path = '', hash] = href.split('#', 2);
    const target = resolve(dirname(sourceFile), decodeURIComponent(path));
    const fromDocs = relative(DOCS, target).split('\\').join('/');
    if (fromDocs.startsWith('..')) throw new Error(`${sourceFile}: ${kind} ${href} points outside docs/`);
    let out: string;
    if (kind === 'link' && fromDocs.endsWith('.md'))
      out = fromDocs.replace(/^guides\//, 'guides/').replace(/\.md$/, '.html');
    else if (/\.(png|svg|jpe?g|gif|webp)$/i.test(fromDocs)) {
      images.add(fromDocs);
      out = `images/${fromDocs}`;
    } else throw new Error(`${sourceFile}: ${kind} ${href}: the site has no copy of this file`);
    const fromPage = posix.relative(pageDir, out);
    return hash === undefined ? fromPage : `${fromPage}#${hash}`;
  };
}

function frontPage(frontHtml: string): string {
  const cards = GUIDES.map(
    (g) => `<li><a href="guides/${g.slug}.html">${g.title}</a><p>${g.summary}</p></li>`,
  ).join('\n');
  return `${frontHtml}
<h2 id="try-it">Try it in the browser</h2>
<ul class="cards">
<li><a href="play/index.html">Graph</a><p>Type an expression and step through backprop node by node.</p></li>
<li><a href="play/train.html">Train</a><p>Watch an MLP learn moons, circles, spirals or your own points.</p></li>
<li><a href="play/notebook.html">Notebook</a><p>The walkthrough and micrograd’s demo as notebooks that run in the page.</p></li>
</ul>
<h2 id="guides">Guides</h2>
<ul class="cards">
${cards}
</ul>
<h2 id="reference">Reference</h2>
<ul class="cards">
<li><a href="api/index.html">API reference</a><p>Every export of micrograd-ts, micrograd-ts/viz and micrograd-ts/export, searchable.</p></li>
<li><a href="guides/${CLI_PAGE.slug}.html">${CLI_PAGE.title}</a><p>Every command and option of micrograd, generated from the command itself.</p></li>
</ul>
`;
}

/** Build the whole site into `outDir` (emptied first). */
export async function buildSite(outDir: string): Promise<void> {
  const web = join(REPO, 'dist/web');
  const cli = join(REPO, 'dist/cli/main.js');
  for (const need of [join(web, 'index.html'), cli])
    if (!existsSync(need)) throw new Error(`${relative(REPO, need)} is missing: run npm run build first`);
  await rm(outDir, { recursive: true, force: true });
  await mkdir(join(outDir, 'guides'), { recursive: true });
  const images = new Set<string>();

  const frontSource = join(DOCS, 'index.md');
  const front = renderMarkdown(
    await readFile(frontSource, 'utf8'),
    rewriterFor(frontSource, outDir, '.', images),
  );
  await writeFile(
    join(outDir, 'index.html'),
    page({ title: 'micrograd-ts', root: '', body: frontPage(front.html) }),
  );

  for (const [i, guide] of GUIDES.entries()) {
    const source = join(DOCS, 'guides', `${guide.slug}.md`);
    const rendered = renderMarkdown(
      await readFile(source, 'utf8'),
      rewriterFor(source, outDir, 'guides', images),
    );
    const next = GUIDES[i + 1] ?? CLI_PAGE;
    const html = `${rendered.html}<p class="next">Next: <a href="${next.slug}.html">${next.title}</a></p>\n`;
    await writeFile(
      join(outDir, 'guides', `${guide.slug}.html`),
      page({ title: guide.title, root: '../', body: html, current: guide.slug }),
    );
  }
  // The CLI reference: its written introduction (docs/guides/cli.md), then the help generated from the command.
  const cliSource = join(DOCS, 'guides', `${CLI_PAGE.slug}.md`);
  const cliIntro = renderMarkdown(
    await readFile(cliSource, 'utf8'),
    rewriterFor(cliSource, outDir, 'guides', images),
  );
  await writeFile(
    join(outDir, 'guides', `${CLI_PAGE.slug}.html`),
    page({
      title: CLI_PAGE.title,
      root: '../',
      body: cliIntro.html + cliReferenceHtml(cli),
      current: CLI_PAGE.slug,
    }),
  );

  for (const image of images) {
    await mkdir(dirname(join(outDir, 'images', image)), { recursive: true });
    await copyFile(join(DOCS, image), join(outDir, 'images', image));
  }
  for (const file of ['style.css', 'favicon.svg'])
    await copyFile(fileURLToPath(new URL(file, import.meta.url)), join(outDir, file));
  // The playground as built (relative URLs already); the .br/.gz twins are for `micrograd serve` only.
  await cp(web, join(outDir, 'play'), { recursive: true, filter: (src) => !/\.(br|gz)$/.test(src) });
  await buildApiReference(join(outDir, 'api'), outDir);
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = resolve(process.argv[2] ?? join(REPO, 'site'));
  await buildSite(out);
  console.log(`site built in ${relative(process.cwd(), out) || '.'}`);
}
