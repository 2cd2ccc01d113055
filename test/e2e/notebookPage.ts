// notebookPage: helpers for the notebook page's browser tests — open it, run cells, read what they showed.
import type { Page } from 'playwright-core';

export interface ShownCell {
  /** The In [n] prompt as shown. */
  prompt: string;
  /** Each output: its class (out-stream, out-svg, out-text, out-error…) and its text. */
  outputs: { kind: string; text: string; svg: boolean }[];
  note: string;
}

/** Wait until the kernel is idle and no cell is queued or running. */
export async function settled(page: Page, timeout = 90_000): Promise<void> {
  await page.waitForFunction(
    () =>
      document.querySelector('#kernel-status')?.getAttribute('data-status') === 'idle' &&
      document.querySelector('.cell[data-status="running"], .cell[data-status="queued"]') === null,
    undefined,
    { timeout },
  );
}

/** Click Run all and wait for the whole notebook to have run. */
export async function runAll(page: Page): Promise<void> {
  await page.waitForSelector('#cells[data-editors="ready"]');
  // Run all marks the cells queued as it is clicked, so settled() cannot see the page before the run.
  await page.click('#run-all');
  await settled(page);
}

/** Every cell as the page shows it, by its 1-based position in the notebook. */
export async function shownCells(page: Page): Promise<ShownCell[]> {
  return page.$$eval('.cell', (cells) =>
    cells.map((c) => ({
      prompt: c.querySelector('.prompt')?.textContent ?? '',
      note: c.querySelector('.cell-note')?.textContent ?? '',
      outputs: [...c.querySelectorAll('.cell-outputs > *')].map((o) => ({
        kind: o.className,
        text: o.textContent ?? '',
        svg: o.querySelector('svg') !== null,
      })),
    })),
  );
}

/** Replace a code cell's source in its editor (as a person would: select all, type) and run it with Shift+Enter. */
export async function editAndRun(page: Page, cell: number, source: string): Promise<void> {
  const content = page.locator(`.cell[data-cell="${cell}"] .cm-content`);
  await content.click();
  // Select all and delete (the editor's own command), then type: Chrome replacing a multi-line selection
  // natively sets style attributes, which the page's policy refuses (harmless, but reported).
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(source);
  await page.keyboard.press('Shift+Enter'); // marks the cell running as it is pressed
  await settled(page);
}
