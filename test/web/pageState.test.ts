// The graph page's state → scene: a fresh pass unless accumulating, labels kept by line name across edits,
// generated t-names, and a stepped pass replayed from its step counts (grads equal to the library's).
import { describe, expect, it } from 'vitest';
import { topoSort } from '../../src/engine/value.js';
import { buildNeuron } from '../../src/walkthrough/neuron.js';
import { buildScene, type PageState } from '../../web/src/graph/pageState.js';
import { presetPage } from './presetPage.js';
import { presetById, PRESETS } from '../../web/src/graph/presets.js';
import { record } from '../../web/src/graph/urlState.js';

const neuron = PRESETS.find((p) => p.id === 'neuron')!;
const base: PageState = presetPage('neuron');
const grads = (s: PageState): number[] => buildScene(s).nodes.map((v) => v.grad);

describe('graph page scene', () => {
  it("shows one backward()'s grads however many times Backward ran, unless accumulating", () => {
    const once = buildNeuron('tanh');
    once.o.backward();
    expect(grads({ ...base, run: { passes: 3 } })).toEqual(topoSort(once.o).map((v) => v.grad));
    const twice = buildNeuron('tanh');
    twice.o.backward();
    twice.o.backward();
    expect(grads({ ...base, url: { ...base.url, accumulate: true }, run: { passes: 2 } })).toEqual(
      topoSort(twice.o).map((v) => v.grad),
    );
  });

  it('replays a stepped pass from its counts: all steps give the same grads as backward()', () => {
    const full = buildScene({ ...base, run: { passes: 0, stepping: { forward: 10, backward: 6 } } });
    expect(full.stepper?.done).toBe(true);
    expect(full.nodes.map((v) => v.grad)).toEqual(grads({ ...base, run: { passes: 1 } }));
    const forward = buildScene({ ...base, run: { passes: 1, stepping: { forward: 3, backward: 0 } } });
    expect(forward.pendingFrom).toBe(3);
    expect(forward.nodes.every((v) => v.grad === 0)).toBe(true); // a fresh forward pass has no grads yet
  });

  it('keeps typed labels by line name when the text changes, and names the rest t<i>', () => {
    const edited = buildScene({ ...base, url: { ...base.url, text: `${neuron.text} ` } });
    expect(edited.nodes.map((v) => v.label)).toContain('x1*w1 + x2*w2');
    const division = buildScene({ ...base, url: { ...base.url, text: 'a / b', labels: record() } });
    const labels = division.nodes.map((v) => v.label);
    expect(labels.slice(0, 2)).toEqual(['a', 'b']);
    // a / b is a * b**-1: both computed nodes are unnamed, so each goes by its trace position.
    expect(labels.filter((l) => /^t\d+$/.test(l))).toEqual(
      division.nodes.flatMap((v, i) => (v.opName !== undefined ? [`t${i}`] : [])),
    );
  });

  it("names constants by their number, and leaves the exp preset's e unnamed as the post does", () => {
    const exp = presetById('neuron-exp')!;
    const scene = buildScene({
      ...base,
      url: { ...base.url, text: exp.text, values: exp.values, labels: record(Object.entries(exp.labels!)) },
    });
    const labels = scene.nodes.map((v) => v.label);
    // exp(2*nn), ee - 1, ee + 1: the constants 2, -1 and 1 (ee - 1 is ee + (-1), as in the post).
    expect(
      labels.filter((l, i) => scene.nodes[i]!.opName === undefined && scene.keys[i]!.startsWith('#')),
    ).toEqual(['2', '-1', '1']);
    expect(labels).not.toContain('ee');
    const e = scene.nodes.find((v) => v.opName === 'exp')!;
    expect(e.label).toBe(`t${scene.nodes.indexOf(e)}`);
  });
});
