// The site's link check on a tiny in-memory site: it must report a missing page, a missing anchor and an
// absolute path (which breaks under a subpath), and accept links and anchors that exist.
import { describe, expect, it } from 'vitest';
import { checkLinks, scanHtml, type Loader } from '../../scripts/site/checkLinks.js';

const base = new URL('http://127.0.0.1/micrograd-ts/');

function siteOf(files: Record<string, string>): Loader {
  return async (url) => {
    const path = url.pathname.slice(base.pathname.length);
    const body = files[path];
    if (body === undefined) return { ok: false, reason: 'HTTP 404' };
    return path.endsWith('.html') ? { ok: true, html: body } : { ok: true };
  };
}

describe('checkLinks', () => {
  it('accepts a site whose links, anchors and assets all exist', async () => {
    const load = siteOf({
      'index.html':
        '<link rel="stylesheet" href="style.css"><a href="guides/a.html#part-two">a</a><a href="#top">top</a><h1 id="top">x</h1>',
      'style.css': 'body{}',
      'guides/a.html':
        '<h2 id="part-two">two</h2><a href="../index.html">home</a><a href="https://example.org/x">out</a>',
    });
    const result = await checkLinks(base, [new URL('index.html', base)], load);
    expect(result.broken).toEqual([]);
    expect(result.pages).toBe(2);
  });

  it('reports a missing page, a missing anchor, an absolute path and a missing script', async () => {
    const load = siteOf({
      'index.html':
        '<a href="gone.html">gone</a><a href="b.html#nowhere">b</a><a href="/micrograd-ts/b.html">abs</a><a href="/elsewhere.html">root</a><script src="app.js"></script>',
      'b.html': '<h1 id="somewhere">b</h1>',
    });
    const { broken } = await checkLinks(base, [new URL('index.html', base)], load);
    expect(broken.map((b) => `${b.href}: ${b.reason}`).sort()).toEqual([
      '/elsewhere.html: absolute path (breaks under a subpath)',
      '/micrograd-ts/b.html: absolute path (breaks under a subpath)',
      'app.js: HTTP 404',
      'b.html#nowhere: no id "nowhere" on the target page',
      'gone.html: HTTP 404',
    ]);
  });

  it('reads ids, <a name> and every kind of link from parsed HTML, entities decoded', () => {
    const { ids, links } = scanHtml(
      '<div id="a"></div><a name="b" href="x.html?p=1&amp;q=2"></a><img src="i.png"><!-- <a href="c.html"> -->',
    );
    expect([...ids]).toEqual(['a', 'b']);
    expect(links).toEqual(['x.html?p=1&q=2', 'i.png']);
  });
});
