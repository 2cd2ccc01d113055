// PNG text must not depend on the machine's fonts: render with every system font folder hidden (a private
// mount namespace over /usr/share/fonts and an empty HOME) and check that the labels still draw pixels.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CHILD = fileURLToPath(new URL('./fixtures/textPixels.ts', import.meta.url));
const empty = mkdtempSync(join(tmpdir(), 'no-fonts-'));
afterAll(() => rmSync(empty, { recursive: true, force: true }));

// Hiding the folders needs a mount namespace: root, or unprivileged user namespaces.
const hide = ['--mount', ...(process.getuid?.() === 0 ? [] : ['--map-root-user'])];
const canHide = spawnSync('unshare', [...hide, 'true']).status === 0;

function runHidden(): { textCount: number; library: number; control: number } {
  const script = [
    'for d in /usr/share/fonts /usr/local/share/fonts; do [ -d "$d" ] && mount --bind "$EMPTY" "$d"; done',
    `exec "${process.execPath}" --import tsx "${CHILD}"`,
  ].join('; ');
  const r = spawnSync('unshare', [...hide, 'sh', '-c', script], {
    cwd: ROOT,
    env: { ...process.env, EMPTY: empty, HOME: empty, XDG_DATA_HOME: empty, XDG_DATA_DIRS: empty },
    encoding: 'utf8',
  });
  expect(r.stderr, 'child stderr').not.toMatch(/Error/);
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as { textCount: number; library: number; control: number };
}

it('CI can hide the system fonts (unshare works there)', () => {
  if (process.env['CI'] !== undefined) expect(canHide).toBe(true);
});

it.skipIf(!canHide)(
  'PNG labels draw with the system fonts hidden (the font ships with the package)',
  () => {
    const r = runHidden();
    expect(r.textCount).toBeGreaterThan(10); // the neuron has 5 leaves, 4 computed Values and their ops
    // The control proves the fonts really were hidden: bare resvg finds none and draws no text at all.
    expect(r.control).toBe(0);
    // Each label of ~3 glyphs at 14 px covers dozens of dark pixels; well over 20 per <text> element.
    expect(r.library).toBeGreaterThan(20 * r.textCount);
  },
  60_000,
);
