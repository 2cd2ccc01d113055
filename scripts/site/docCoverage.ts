// `npm run docs:coverage`: the public names without a doc comment — every export of the three entry points, every
// public member of an exported class, and every property of an exported interface or object type — listed with
// the file that declares each and a count per source folder. `--strict` (as `npm run docs:coverage` runs it)
// exits 1 when any is missing.

import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ReflectionKind, type DeclarationReflection, type Reflection } from 'typedoc';
import { convertProject } from './apiReference.js';

const hasDoc = (r: Reflection | undefined): boolean =>
  r?.comment !== undefined &&
  (r.comment.summary.some((part) => part.text.trim() !== '') || r.comment.blockTags.length > 0);

/** A declaration is documented when it, or one of its signatures or accessors, has a comment. */
function documented(d: DeclarationReflection): boolean {
  return (
    hasDoc(d) ||
    (d.signatures ?? []).some(hasDoc) ||
    hasDoc(d.getSignature) ||
    hasDoc(d.setSignature) ||
    hasDoc(d.indexSignatures?.[0])
  );
}

/** The members a reader sees under an export: a class's or interface's, or those of an object type alias. */
function membersOf(d: DeclarationReflection): DeclarationReflection[] {
  if (d.kindOf(ReflectionKind.Class | ReflectionKind.Interface)) return d.children ?? [];
  if (d.kindOf(ReflectionKind.TypeAlias) && d.type?.type === 'reflection')
    return d.type.declaration.children ?? [];
  return [];
}

/** One public name without a doc comment, and the source file that declares it. */
export interface Missing {
  name: string;
  file: string;
}

export interface Coverage {
  /** Every public name counted, documented or not (`module: Export` or `module: Export.member`). */
  names: string[];
  total: number;
  missing: Missing[];
}

/** Every public name and whether it has a doc comment. */
export async function docCoverage(): Promise<Coverage> {
  const { project } = await convertProject({
    disableSources: false,
    validation: { notExported: false, invalidLink: false, rewrittenLink: false },
  });
  const missing: Missing[] = [];
  const names: string[] = [];
  const count = (name: string, d: DeclarationReflection, owner: DeclarationReflection): void => {
    names.push(name);
    if (documented(d)) return;
    // A type literal's members may carry no source of their own; the alias that holds them has one.
    const source = d.sources?.[0] ?? d.signatures?.[0]?.sources?.[0] ?? owner.sources?.[0];
    missing.push({ name, file: source?.fileName ?? '?' });
  };
  for (const module of project.children ?? []) {
    for (const exported of module.children ?? []) {
      count(`${module.name}: ${exported.name}`, exported, exported);
      for (const member of membersOf(exported)) {
        // Inherited members are documented (or not) where they are declared; private and protected are not public.
        if (member.flags.isPrivate || member.flags.isProtected || member.inheritedFrom !== undefined)
          continue;
        count(`${module.name}: ${exported.name}.${member.name}`, member, exported);
      }
    }
  }
  return { names, total: names.length, missing };
}

/** `src/engine/value.ts` → `src/engine`: the folder a count is kept for. */
const folderOf = (file: string): string => file.split('/').slice(0, 2).join('/');

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { total, missing } = await docCoverage();
  const perFolder = new Map<string, number>();
  for (const { name, file } of missing) {
    console.log(`undocumented  ${name}  (${file})`);
    perFolder.set(folderOf(file), (perFolder.get(folderOf(file)) ?? 0) + 1);
  }
  for (const [folder, n] of [...perFolder].sort()) console.log(`  ${String(n).padStart(4)}  ${folder}`);
  console.log(
    `${missing.length} of ${total} public names have no doc comment (${total - missing.length} documented)`,
  );
  if (process.argv.includes('--strict') && missing.length > 0) process.exitCode = 1;
}
