import { createHash } from 'node:crypto';
import { build, type Plugin, type Rolldown } from 'vite';
import { shellFiles, type BuildFile } from './shell.js';

/**
 * Build wiring for the offline worker: once the app is bundled, lists its shell (see
 * shell.ts), builds client/offline/sw.ts on its own as a classic script with that list and a
 * build id written in, and emits it as `sw.js` at the root of the output. Runs only in
 * `vite build`: the dev server has no worker.
 */
export function offlineWorker(options: { entry: string }): Plugin {
  return {
    name: 'ops-offline-worker',
    apply: 'build',
    generateBundle: {
      // After the page itself has been written into the bundle.
      order: 'post',
      async handler(_output, bundle) {
        const files = Object.values(bundle).map(describe);
        const shell = shellFiles(files);
        if (!shell.includes('/index.html')) this.error('the offline worker found no index.html in the build');
        const buildId = fingerprint(shell, bundle);
        const source = await buildWorker(options.entry, shell, buildId);
        this.emitFile({ type: 'asset', fileName: 'sw.js', source });
      },
    },
  };
}

function describe(item: Rolldown.OutputChunk | Rolldown.OutputAsset): BuildFile {
  if (item.type === 'asset') return { type: 'asset', fileName: item.fileName };
  return {
    type: 'chunk',
    fileName: item.fileName,
    isEntry: item.isEntry,
    imports: item.imports,
    importedCss: [...(item.viteMetadata?.importedCss ?? [])],
    importedAssets: [...(item.viteMetadata?.importedAssets ?? [])],
  };
}

/** Changes when any file of the shell changes, the page included (its name has no hash). */
function fingerprint(shell: readonly string[], bundle: Rolldown.OutputBundle): string {
  const hash = createHash('sha256');
  for (const path of shell) {
    const item = bundle[path.slice(1)];
    hash.update(path);
    if (item?.type === 'asset') hash.update(item.source);
    else if (item?.type === 'chunk') hash.update(item.code);
  }
  return hash.digest('hex').slice(0, 12);
}

async function buildWorker(entry: string, shell: readonly string[], buildId: string): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    define: {
      __OFFLINE_SHELL__: JSON.stringify(shell),
      __OFFLINE_BUILD_ID__: JSON.stringify(buildId),
    },
    build: {
      write: false,
      emptyOutDir: false,
      copyPublicDir: false,
      sourcemap: false,
      minify: true,
      lib: { entry, formats: ['iife'], name: 'opsOfflineWorker', fileName: () => 'sw.js' },
    },
  });
  const outputs = Array.isArray(result) ? result : [result];
  for (const output of outputs) {
    if (!('output' in output)) continue;
    const chunk = output.output.find((o): o is Rolldown.OutputChunk => o.type === 'chunk' && o.isEntry);
    if (chunk) return chunk.code;
  }
  throw new Error(`building the offline worker from ${entry} produced no script`);
}
