// The browser side: bundle the library with Vite (no Node built-ins may be pulled in), run it in Chromium.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderBundledPage } from './browserBundle.js';

const ENTRY = join(import.meta.dirname, 'fixtures/browserEntry.ts');

describe('browser bundle', () => {
  it('bundles parse, drawDot and plotFunction with no Node built-ins and renders both SVGs in Chromium', async () => {
    const dom = await renderBundledPage(ENTRY);
    expect(dom).toContain('<title>rendered</title>');
    expect(dom).toContain('data 0.7071'); // the graph's output node
    expect(dom).toContain('grad -1.5000'); // x1.grad after backward
    expect(dom).toContain('tanh(x)'); // the plot's title
  });
});
