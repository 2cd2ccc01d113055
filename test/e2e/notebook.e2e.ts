// The notebook page in Chromium, under `micrograd serve`'s policy: a notebook it has never seen opened from
// a file and run (console lines, a Value, a drawDot picture, TeX), a cell edited and rerun with Shift+Enter
// redeclaring its const, errors with their line, an endless loop interrupted, Download as valid nbformat,
// drag-and-drop, the two bundled notebooks run top to bottom, and screenshots at three sizes.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { GRADS, NEURON_LINES } from '../notebooks/postLines.js';
import { editAndRun, runAll, settled, shownCells } from './notebookPage.js';
import { SIZES, usePlayground, watchProblems } from './playground.js';
import { SHOTS } from './screenshotDir.js';
import { nbformatProblems } from '../notebooks/validateNotebook.js';

const pg = usePlayground();
const tmp = mkdtempSync(join(tmpdir(), 'micrograd-nb-e2e-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A notebook written here, never seen by the project: cells as [type, source]. */
function notebookFile(name: string, cells: [string, string][]): string {
  const nb = {
    cells: cells.map(([type, source]) =>
      type === 'code'
        ? { cell_type: type, execution_count: null, metadata: {}, outputs: [], source }
        : { cell_type: type, metadata: {}, source },
    ),
    metadata: { kernelspec: { display_name: 'Deno', language: 'typescript', name: 'deno' } },
    nbformat: 4,
    nbformat_minor: 2,
  };
  const path = join(tmp, name);
  writeFileSync(path, JSON.stringify(nb));
  return path;
}

const FRESH = notebookFile('fresh.ipynb', [
  ['markdown', '# A square\n\nIts derivative: $\\frac{d}{da} a^2 = 2a$.'],
  ['code', "import { Value } from 'micrograd-ts';\nimport { drawDot } from 'micrograd-ts/viz';"],
  [
    'code',
    "const a = new Value(3, { label: 'a' });\nconst b = a.mul(a); b.label = 'b';\nb.backward();\n" +
      "console.log('a.grad is', a.grad);\nconsole.log(`b is ${b}`);",
  ],
  ['code', 'b'],
  ['code', 'drawDot(b)'],
  // The same names declared again by a later cell, as the walkthrough does with x1 … o.
  ['code', 'const a = new Value(-2);\nconst k = 10;\na.mul(k)'],
]);

async function openPage(hash = ''): Promise<{ page: import('playwright-core').Page; problems: string[] }> {
  const page = await pg.browser().newPage({ viewport: SIZES.desktop });
  const problems = watchProblems(page);
  await page.goto(`${pg.server().url}notebook.html${hash}`);
  await page.waitForSelector('#cells[data-editors="ready"]');
  return { page, problems };
}

describe('notebook page', () => {
  it('opens a notebook from a file, runs it all, and reruns an edited cell with Shift+Enter', async () => {
    const { page, problems } = await openPage();
    await page.setInputFiles('#file', FRESH);
    await page.waitForFunction(() => document.querySelector('#nb-title')?.textContent === 'fresh.ipynb');
    await runAll(page);
    const cells = await shownCells(page);
    // console.log lines, as printed: d(a²)/da = 2a = 6 at a = 3, and b = 9 (Python's float repr).
    expect(cells[2]!.outputs.map((o) => o.text).join('')).toBe('a.grad is 6\nb is Value(data=9.0)\n');
    expect(cells[2]!.outputs[0]!.kind).toContain('out-stdout');
    expect(cells[3]!.outputs).toEqual([{ kind: 'out-text', text: 'Value(data=9.0)', svg: false }]);
    expect(cells[4]!.outputs[0]!.svg).toBe(true);
    expect(cells[4]!.outputs[0]!.text).toContain('grad 6.0000'); // drawDot's node for a, grad 2a
    expect(cells[5]!.outputs[0]!.text).toBe('Value(data=-20.0)');
    expect(cells.map((c) => c.prompt)).toEqual(['', '[1]:', '[2]:', '[3]:', '[4]:', '[5]:']);
    // The markdown cell's TeX, typeset by KaTeX.
    expect(await page.locator('.md-cell .katex').count()).toBe(1);

    // Declare `const k` again in the same cell and run it with Shift+Enter: 5 × -2.
    await editAndRun(page, 6, 'const a = new Value(-2);\nconst k = 5;\na.mul(k)');
    const after = await shownCells(page);
    expect(after[5]!.outputs.map((o) => o.text)).toEqual(['Value(data=-10.0)']);
    expect(after[5]!.prompt).toBe('[6]:');

    // Restart: a fresh kernel, so `b` is gone, and counting starts again at 1.
    await page.click('#restart');
    await settled(page);
    await editAndRun(page, 4, 'b');
    const restarted = (await shownCells(page))[3]!;
    expect(restarted.outputs[0]!.text).toMatch(/^ReferenceError: b is not defined/);
    expect(restarted.prompt).toBe('[1]:');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows an error with its cell and line, and Interrupt ends an endless loop, keeping the page', async () => {
    const { page, problems } = await openPage();
    await page.setInputFiles(
      '#file',
      notebookFile('loop.ipynb', [
        ['code', 'let n = 0;\nconst o = null as unknown as { boom: number };\nn = o.boom;'],
        ['code', 'while (true) { n++; }'],
        ['code', '6 * 7'],
      ]),
    );
    await page.waitForFunction(() => document.querySelector('#nb-title')?.textContent === 'loop.ipynb');
    await runAll(page);
    let cells = await shownCells(page);
    expect(cells[0]!.outputs[0]!.kind).toBe('out-error');
    expect(cells[0]!.outputs[0]!.text).toMatch(/^TypeError: .*boom/);
    expect(cells[0]!.outputs[0]!.text).toContain('at cell [1], line 3');
    expect(cells[1]!.prompt).toBe('[ ]:'); // Run all stopped at the error, as Jupyter does

    await page.locator('.cell[data-cell="2"] .run-cell').click();
    await page.waitForSelector('#kernel-status[data-status="busy"]');
    await page.waitForTimeout(300); // the loop is spinning in the worker; the page still answers
    await page.click('#interrupt');
    await settled(page, 20_000);
    cells = await shownCells(page);
    expect(cells[1]!.outputs[0]!.text).toContain('Interrupted');
    expect(cells[0]!.outputs[0]!.text).toContain('boom'); // earlier outputs kept
    await editAndRun(page, 3, '6 * 7');
    expect((await shownCells(page))[2]!.outputs.map((o) => o.text)).toEqual(['42']);
    // An error a cell's timer throws after the cell has finished still shows under that cell.
    await editAndRun(page, 3, "setTimeout(() => { throw new RangeError('late') }, 10);\n'set'");
    await expect
      .poll(async () => (await shownCells(page))[2]!.outputs.map((o) => o.text.split('\n')[0]))
      .toEqual(['"set"', 'RangeError: late']);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('downloads valid nbformat 4 with the outputs, and opens a notebook dropped on the page', async () => {
    const { page, problems } = await openPage();
    const text = readFileSync(FRESH, 'utf8');
    await page.evaluate((json) => {
      const dt = new DataTransfer();
      dt.items.add(new File([json], 'dropped.ipynb', { type: 'application/json' }));
      document.body.dispatchEvent(
        new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }),
      );
    }, text);
    await page.waitForFunction(() => document.querySelector('#nb-title')?.textContent === 'dropped.ipynb');
    await runAll(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
    expect(download.suggestedFilename()).toBe('dropped.ipynb');
    const saved = join(tmp, 'saved.ipynb');
    await download.saveAs(saved);
    expect(nbformatProblems(saved)).toBe('');
    const nb = JSON.parse(readFileSync(saved, 'utf8')) as {
      cells: { outputs?: { output_type: string; data?: Record<string, string[]>; text?: string[] }[] }[];
      metadata: { kernelspec: { name: string } };
    };
    expect(nb.metadata.kernelspec.name).toBe('deno'); // still opens with Deno's kernel in Jupyter
    expect(nb.cells[2]!.outputs![0]!.text).toEqual(['a.grad is 6\n']);
    expect(nb.cells[3]!.outputs![0]!).toMatchObject({
      output_type: 'execute_result',
      data: { 'text/plain': ['Value(data=9.0)'] },
    });
    expect(nb.cells[4]!.outputs![0]!.data!['image/svg+xml']!.join('')).toContain('<svg');
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('the bundled notebooks run on the page', () => {
  it("backprop.ipynb prints the post's lines and grads and draws its graphs; the PyTorch cell shows its saved table", async () => {
    const { page, problems } = await openPage('#backprop');
    await runAll(page);
    const cells = await shownCells(page);
    const texts = cells.map((c) => c.outputs.map((o) => o.text).join('\n'));
    expect(texts).toContain([...NEURON_LINES, 'Value(data=0.707106777676776)'].join('\n'));
    expect(texts).toContain([...NEURON_LINES, 'Value(data=5.828427042920401)'].join('\n'));
    expect(texts.filter((t) => t === GRADS.join('\n'))).toHaveLength(2);
    const pictures = cells.filter((c) => c.outputs.some((o) => o.svg));
    expect(pictures.length).toBe(5); // tanh plot, the neuron twice, a + a, d * e
    expect(pictures[1]!.outputs[0]!.text).toContain('grad -1.5000');
    const torch = cells.find((c) => c.note !== '')!;
    expect(torch.note).toContain('Node (node:child_process) and PyTorch');
    expect(torch.outputs[0]!.text).toMatch(/^PyTorch \S+ \(float64\) beside micrograd-ts:/);
    expect(cells.flatMap((c) => c.outputs).filter((o) => o.kind === 'out-error')).toEqual([]);
    for (const [name, size] of Object.entries(SIZES)) {
      await page.setViewportSize(size);
      // The neuron: its code, the post's lines, its grads and drawDot(o).
      await page.locator('.cell[data-cell="6"]').evaluate((el) => el.scrollIntoView());
      await page.screenshot({ path: fileURLToPath(new URL(`notebook-${name}.png`, SHOTS)) });
    }
    expect(problems).toEqual([]);
    await page.close();
  });

  it('moons.ipynb trains to 100% and draws the decision boundary', async () => {
    const { page, problems } = await openPage('#moons');
    await runAll(page);
    const cells = await shownCells(page);
    expect(cells[1]!.outputs[0]!.text).toContain('337 parameters');
    expect(cells[3]!.outputs[0]!.text).toMatch(/\nafter 100 steps: loss [0-9.]+, accuracy 100%$/);
    expect(cells[4]!.outputs[0]!.svg).toBe(true);
    expect(cells[4]!.outputs[0]!.text).toContain('accuracy 100%');
    expect(problems).toEqual([]);
    await page.close();
  });
});
