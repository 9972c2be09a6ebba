import { SHELL_PAGE } from './protocol.js';

/** What the precache needs to know of one file of the build. */
export type BuildFile =
  | {
      type: 'chunk';
      fileName: string;
      isEntry: boolean;
      /** chunks this one imports statically */
      imports: readonly string[];
      /** stylesheets and files (the map's worker) it pulls in */
      importedCss: readonly string[];
      importedAssets: readonly string[];
    }
  | { type: 'asset'; fileName: string };

/**
 * The app shell to precache: the page, the entry script with everything it loads statically,
 * their stylesheets and files. Chunks loaded only on demand (the admin page, which most people
 * never open) are left to the network, and source maps are never shipped to the field.
 * Returns root-relative paths, sorted, so that the same build gives the same worker.
 */
export function shellFiles(files: readonly BuildFile[]): string[] {
  const byName = new Map(files.map((f) => [f.fileName, f]));
  const shell = new Set<string>();
  const visit = (fileName: string) => {
    if (shell.has(fileName) || fileName.endsWith('.map')) return;
    shell.add(fileName);
    const file = byName.get(fileName);
    if (file?.type !== 'chunk') return;
    for (const next of [...file.imports, ...file.importedCss, ...file.importedAssets]) visit(next);
  };
  if (byName.has(SHELL_PAGE.slice(1))) visit(SHELL_PAGE.slice(1));
  for (const file of files) if (file.type === 'chunk' && file.isEntry) visit(file.fileName);
  return [...shell].map((name) => `/${name}`).sort();
}
