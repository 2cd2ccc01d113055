// `npm run docs:coverage`: the public names without a doc comment — every export of the three entry points and
// every public member of an exported class — listed with a count. `--strict` exits 1 when any is missing.

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

export interface Coverage {
  total: number;
  missing: string[];
}

/** Every public name and whether it has a doc comment. */
export async function docCoverage(): Promise<Coverage> {
  const { project } = await convertProject({
    validation: { notExported: false, invalidLink: false, rewrittenLink: false },
  });
  const missing: string[] = [];
  let total = 0;
  const count = (name: string, d: DeclarationReflection): void => {
    total++;
    if (!documented(d)) missing.push(name);
  };
  for (const module of project.children ?? []) {
    for (const exported of module.children ?? []) {
      count(`${module.name}: ${exported.name}`, exported);
      if (!exported.kindOf(ReflectionKind.Class)) continue;
      for (const member of exported.children ?? []) {
        // Inherited members are documented (or not) where they are declared; private and protected are not public.
        if (member.flags.isPrivate || member.flags.isProtected || member.inheritedFrom !== undefined)
          continue;
        count(`${module.name}: ${exported.name}.${member.name}`, member);
      }
    }
  }
  return { total, missing };
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { total, missing } = await docCoverage();
  for (const name of missing) console.log(`undocumented  ${name}`);
  console.log(
    `${missing.length} of ${total} public names have no doc comment (${total - missing.length} documented)`,
  );
  if (process.argv.includes('--strict') && missing.length > 0) process.exitCode = 1;
}
