// One JavaScript engine of the demo table in its own process, so no row shares a heap (or a GC) with another.
//
// Spawned by demoRows.ts with the row's name; answers JSON lines: {"hello":1} → {firstLoss, info},
// {"run": steps} → {"ms": ms per step}.
import { createInterface } from 'node:readline';
import { JS_ROWS, makeJsRow, type JsRowName } from './jsRows.js';

const name = process.argv[2] as JsRowName;
if (!JS_ROWS.includes(name))
  throw new RangeError(`rowProcess: expected one of ${JS_ROWS.join(', ')}, got ${name}`);
const row = await makeJsRow(name);
for await (const line of createInterface({ input: process.stdin })) {
  const msg = JSON.parse(line) as { hello?: number; run?: number };
  const out = msg.run !== undefined ? { ms: row.run(msg.run) } : { firstLoss: row.firstLoss, info: row.info };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}
