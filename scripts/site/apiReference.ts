// The API reference: TypeDoc over the package's three entry points, with its own search, linked back to the site.

import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { Application, type ProjectReflection, type TypeDocOptions } from 'typedoc';

/** The package's entry points and the import path each is known by. */
export const ENTRY_POINTS: ReadonlyArray<{ file: string; module: string }> = [
  { file: 'src/index.ts', module: 'micrograd-ts' },
  { file: 'src/viz/index.ts', module: 'micrograd-ts/viz' },
  { file: 'src/export/index.ts', module: 'micrograd-ts/export' },
];

// TypeDoc writes navigation links as given; this marker becomes the relative way back to the site's root per page.
const SITE_ROOT = '@@site-root@@/';

function options(extra: Partial<TypeDocOptions>): Partial<TypeDocOptions> {
  return {
    entryPoints: ENTRY_POINTS.map((e) => e.file),
    tsconfig: 'tsconfig.build.json',
    name: 'micrograd-ts',
    readme: 'none',
    excludePrivate: true,
    excludeInternal: true,
    disableSources: true,
    hideGenerator: true,
    searchInComments: true,
    githubPages: false,
    favicon: 'scripts/site/favicon.svg',
    logLevel: 'Warn',
    ...extra,
  };
}

/** Convert the entry points to TypeDoc's model, each module named by its import path. */
export async function convertProject(
  extra: Partial<TypeDocOptions> = {},
): Promise<{ app: Application; project: ProjectReflection }> {
  const app = await Application.bootstrapWithPlugins(options(extra));
  const project = await app.convert();
  if (project === undefined)
    throw new Error('TypeDoc could not convert the entry points (see the messages above)');
  // TypeDoc names a module after its file (index, viz, export); readers import it by the package path.
  const byFile = new Map(
    ENTRY_POINTS.map((e) => [
      e.file.replace(/^src\//, '').replace(/(\/)?index\.ts$/, '') || 'index',
      e.module,
    ]),
  );
  for (const child of project.children ?? []) child.name = byFile.get(child.name) ?? child.name;
  return { app, project };
}

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => join(e.parentPath, e.name));
}

/** Write the reference into `outDir` (the site's `api/` folder). */
export async function buildApiReference(outDir: string, siteRoot: string): Promise<void> {
  const { app, project } = await convertProject({
    navigationLinks: {
      Guides: `${SITE_ROOT}guides/walkthrough.html`,
      CLI: `${SITE_ROOT}guides/cli.html`,
      Playground: `${SITE_ROOT}play/index.html`,
      Home: `${SITE_ROOT}index.html`,
    },
  });
  app.validate(project);
  if (app.logger.hasErrors()) throw new Error('TypeDoc reported errors (see above)');
  await app.generateDocs(project, outDir);
  for (const file of await htmlFiles(outDir)) {
    const text = await readFile(file, 'utf8');
    if (!text.includes(SITE_ROOT)) continue;
    const up = relative(join(file, '..'), siteRoot).split(sep).join('/');
    await writeFile(file, text.replaceAll(SITE_ROOT, up === '' ? '' : `${up}/`));
  }
}
