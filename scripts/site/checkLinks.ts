// A link check over a built site: every internal link, script, stylesheet and image resolves, and every
// `#anchor` names an id (or <a name>) on its page. Pages are read through a loader, so the same check runs over
// files on disk (file: URLs) and over a server (http: URLs, e.g. the site served under /micrograd-ts/).

import { Parser } from 'htmlparser2';

export interface Loaded {
  ok: boolean;
  /** What went wrong when not ok (a status, a missing file). */
  reason?: string;
  html?: string;
}
export type Loader = (url: URL) => Promise<Loaded>;

export interface BrokenLink {
  page: string;
  href: string;
  reason: string;
}

const LINK_ATTRS: Record<string, readonly string[]> = {
  a: ['href'],
  link: ['href'],
  script: ['src'],
  img: ['src'],
  iframe: ['src'],
  source: ['src'],
  video: ['src', 'poster'],
  audio: ['src'],
};

/** The ids a page defines and the links it makes, from a real HTML parse. */
export function scanHtml(html: string): { ids: Set<string>; links: string[] } {
  const ids = new Set<string>();
  const links: string[] = [];
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (attrs['id'] !== undefined) ids.add(attrs['id']);
        if (name === 'a' && attrs['name'] !== undefined) ids.add(attrs['name']);
        for (const attr of LINK_ATTRS[name] ?? []) {
          const value = attrs[attr];
          // rel=preconnect/dns-prefetch name origins, not resources.
          if (value !== undefined && !(name === 'link' && /preconnect|dns-prefetch/.test(attrs['rel'] ?? '')))
            links.push(value);
        }
      },
    },
    { decodeEntities: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return { ids, links };
}

const isHtmlPath = (url: URL): boolean => /\.html?$/i.test(url.pathname) || url.pathname.endsWith('/');

/**
 * Crawl from `starts`, following links that stay under `base` (same scheme and host, path under base's).
 * Returns every broken link; an empty array means the site holds together.
 */
export async function checkLinks(
  base: URL,
  starts: URL[],
  load: Loader,
): Promise<{ broken: BrokenLink[]; pages: number; checked: number }> {
  const inside = (url: URL): boolean =>
    url.protocol === base.protocol && url.host === base.host && url.pathname.startsWith(base.pathname);
  const results = new Map<string, Promise<Loaded>>();
  const ids = new Map<string, Set<string>>();
  const broken: BrokenLink[] = [];
  const anchors: Array<{ page: string; href: string; target: string; hash: string }> = [];
  const queue: URL[] = [...starts];
  const visited = new Set<string>();
  const get = (key: string): Promise<Loaded> => {
    let result = results.get(key);
    if (result === undefined) {
      result = load(new URL(key));
      results.set(key, result);
    }
    return result;
  };
  while (queue.length > 0) {
    const pageUrl = queue.shift()!;
    const key = pageUrl.href.replace(/#.*$/, '');
    if (visited.has(key)) continue;
    visited.add(key);
    const loaded = await get(key);
    if (!loaded.ok || loaded.html === undefined) continue;
    const scan = scanHtml(loaded.html);
    ids.set(key, scan.ids);
    for (const href of scan.links) {
      let target: URL;
      try {
        target = new URL(href, pageUrl);
      } catch {
        broken.push({ page: key, href, reason: 'not a URL' });
        continue;
      }
      // A root-relative path works at one mount point only: the same build must work at / and under a subpath.
      if (href.startsWith('/') && !href.startsWith('//')) {
        broken.push({ page: key, href, reason: 'absolute path (breaks under a subpath)' });
        continue;
      }
      if (!inside(target)) continue;
      const targetKey = target.href.replace(/#.*$/, '');
      const result = await get(targetKey);
      if (!result.ok) {
        broken.push({ page: key, href, reason: result.reason ?? 'not found' });
        continue;
      }
      if (target.hash.length > 1)
        anchors.push({ page: key, href, target: targetKey, hash: decodeURIComponent(target.hash.slice(1)) });
      if (isHtmlPath(target) && !visited.has(targetKey)) queue.push(target);
    }
  }
  for (const a of anchors) {
    const known = ids.get(a.target);
    if (known === undefined) continue; // not an HTML page (a hash on a script or an image is the page's business)
    if (!known.has(a.hash))
      broken.push({ page: a.page, href: a.href, reason: `no id "${a.hash}" on the target page` });
  }
  return { broken, pages: ids.size, checked: results.size };
}
