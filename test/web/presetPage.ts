// presetPage: the graph page's state with one of its presets loaded, as a test starts from it.
import type { PageState } from '../../web/src/graph/pageState.js';
import { presetById } from '../../web/src/graph/presets.js';
import { DEFAULTS, record } from '../../web/src/graph/urlState.js';

export function presetPage(id: string): PageState {
  const p = presetById(id)!;
  return {
    url: {
      ...DEFAULTS,
      text: p.text,
      values: record(Object.entries(p.values)),
      labels: record(Object.entries(p.labels ?? {})),
    },
    preset: id,
    run: { passes: 0 },
    notice: '',
    ignored: [],
  };
}
