import { describe, expect, it } from 'vitest';
import { shellFiles, type BuildFile } from './shell.js';

const chunk = (fileName: string, more: Partial<Extract<BuildFile, { type: 'chunk' }>> = {}): BuildFile => ({
  type: 'chunk',
  fileName,
  isEntry: false,
  imports: [],
  importedCss: [],
  importedAssets: [],
  ...more,
});
const asset = (fileName: string): BuildFile => ({ type: 'asset', fileName });

// A build shaped like ours: one entry with a shared chunk, its CSS and the map's worker; the
// admin page loaded on demand with CSS of its own; source maps beside every script.
const BUILD: BuildFile[] = [
  asset('index.html'),
  chunk('assets/index-abc.js', {
    isEntry: true,
    imports: ['assets/vendor-123.js'],
    importedCss: ['assets/index-def.css'],
    importedAssets: ['assets/maplibre-gl-worker-0a1.mjs'],
  }),
  chunk('assets/vendor-123.js'),
  chunk('assets/AdminPage-zzz.js', { imports: ['assets/vendor-123.js'], importedCss: ['assets/AdminPage-yyy.css'] }),
  asset('assets/index-def.css'),
  asset('assets/AdminPage-yyy.css'),
  asset('assets/maplibre-gl-worker-0a1.mjs'),
  asset('assets/index-abc.js.map'),
  asset('assets/AdminPage-zzz.js.map'),
];

describe('shellFiles', () => {
  it('lists the page, the entry with what it loads statically, its styles and the map worker', () => {
    expect(shellFiles(BUILD)).toEqual([
      '/assets/index-abc.js',
      '/assets/index-def.css',
      '/assets/maplibre-gl-worker-0a1.mjs',
      '/assets/vendor-123.js',
      '/index.html',
    ]);
  });

  it('leaves out what is loaded on demand and the source maps', () => {
    const shell = shellFiles(BUILD);
    expect(shell.filter((p) => p.includes('AdminPage') || p.endsWith('.map'))).toEqual([]);
  });

  it('gives the same list whatever order the bundle comes in', () => {
    expect(shellFiles([...BUILD].reverse())).toEqual(shellFiles(BUILD));
  });
});
