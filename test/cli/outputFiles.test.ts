// Every file a command writes goes through one staged-and-renamed helper: a failed write keeps the old file,
// an output that is an input is refused, no temporary is left, and -o/--out is the one spelling everywhere.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CASES } from '../export/models.js';
import { CLI, runCli } from './runCli.js';

const fresh = (): string => mkdtempSync(join(tmpdir(), 'micrograd-outputs-'));
const temporaries = (dir: string): string[] => readdirSync(dir).filter((f) => f.endsWith('.tmp'));

/** A folder holding model.json (the first export case). */
function modelFolder(): { dir: string; model: string; text: string } {
  const dir = fresh();
  const model = join(dir, 'model.json');
  const text = `${JSON.stringify(CASES[0]!.json, null, 1)}\n`;
  writeFileSync(model, text);
  return { dir, model, text };
}

describe('one output helper', () => {
  it('export -o onto its own input is refused however it is spelled, and the input is unchanged', () => {
    const { dir, model, text } = modelFolder();
    symlinkSync(model, join(dir, 'link.json'));
    for (const out of [model, join(dir, '.', 'model.json'), join(dir, 'link.json')]) {
      const r = runCli(['export', model, '--format', 'pytorch', '-o', out]);
      expect(r.stderr).toBe(
        `micrograd: -o/--out ${out}: that is the input ${model}; write to another file\n`,
      );
      expect(r.status).toBe(1);
      expect(readFileSync(model, 'utf8')).toBe(text);
    }
    expect(temporaries(dir)).toEqual([]);
  });

  it('a write that fails part-way (past a 1 kB file size limit, as on a full disk) keeps the previous file whole', () => {
    const { dir, model } = modelFolder();
    const out = join(dir, 'model.py');
    expect(runCli(['export', model, '--format', 'pytorch', '-o', out]).status).toBe(0);
    const before = readFileSync(out, 'utf8');
    expect(before.length).toBeGreaterThan(1024); // so the limited write cannot finish
    writeFileSync(model, `${JSON.stringify(CASES[1]!.json, null, 1)}\n`);
    // ulimit -f counts 1024-byte blocks; Node ignores SIGXFSZ, so the write fails with EFBIG.
    const r = spawnSync(
      'bash',
      [
        '-c',
        `ulimit -f 1; exec "${process.execPath}" "${CLI}" export "${model}" --format pytorch -o "${out}"`,
      ],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect(r.stderr).toBe(`micrograd: cannot write ${out}: the file would pass the size limit\n`);
    expect(r.status).toBe(1);
    expect(readFileSync(out, 'utf8')).toBe(before);
    expect(temporaries(dir)).toEqual([]);
  });

  it('-o, --out and the old --output write the same file for graph and plot; -o works for train and walkthrough', () => {
    const dir = fresh();
    for (const [cmd, args] of [
      ['graph', ['x*y', '--set', 'x=2,y=3']],
      ['plot', ['tanh']],
    ] as const) {
      const outs = ['-o', '--out', '--output'].map((flag) => {
        const file = join(dir, `${cmd}${flag}.svg`);
        const r = runCli([cmd, ...args, flag, file]);
        expect(r.stderr).toBe('');
        expect(r.stdout).toMatch(new RegExp(`^wrote ${file}`));
        return readFileSync(file, 'utf8');
      });
      expect(outs[1]).toBe(outs[0]);
      expect(outs[2]).toBe(outs[0]);
    }
    const disagree = runCli(['plot', 'tanh', '-o', join(dir, 'a.svg'), '--output', join(dir, 'b.svg')]);
    expect(disagree.stderr).toMatch(
      /^micrograd: give the output once: -o\/--out .*a\.svg and --output .*b\.svg disagree\n$/,
    );
    const train = runCli(['train', '--steps', '2', '-o', join(dir, 'run')]);
    expect(train.status).toBe(0);
    expect(readdirSync(join(dir, 'run'))).toContain('model.json');
    const walkthrough = runCli(['walkthrough', '-o', join(dir, 'pictures')]);
    expect(walkthrough.status).toBe(0);
    expect(readdirSync(join(dir, 'pictures'))).toContain('neuron.png');
    expect(temporaries(join(dir, 'pictures'))).toEqual([]);
    expect(temporaries(dir)).toEqual([]);
  }, 60_000);
});
