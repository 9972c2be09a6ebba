import { describe, expect, it } from 'vitest';
import { filenameFromDisposition, incidentExportUrl, trackExportUrl } from './exportUrl.js';

describe('export addresses', () => {
  it('carries the window, and the open statuses only when asked', () => {
    expect(incidentExportUrl('kml', { from: 1000, to: 2000 }, { openOnly: false })).toBe('/api/export/incidents.kml?from=1000&to=2000');
    expect(incidentExportUrl('csv', { from: 1000.4, to: 2000.6 }, { openOnly: true })).toBe('/api/export/incidents.csv?from=1000&to=2001&status=reported%2Cverified%2Cresponding');
  });

  it('names units and the spacing of fixes for tracks, and leaves them out when not chosen', () => {
    expect(trackExportUrl('geojson', { from: 1, to: 2 }, { unitIds: null, everyS: 0 })).toBe('/api/export/tracks.geojson?from=1&to=2');
    expect(trackExportUrl('csv', { from: 1, to: 2 }, { unitIds: ['mal-fpu-1', 'a:b'], everyS: 60 })).toBe('/api/export/tracks.csv?from=1&to=2&unitIds=mal-fpu-1%2Ca%3Ab&everyS=60');
  });
});

describe('filenameFromDisposition', () => {
  it('reads the forms servers send', () => {
    expect(filenameFromDisposition('attachment; filename=unmiss-incidents-211030ZNOV26.kml')).toBe('unmiss-incidents-211030ZNOV26.kml');
    expect(filenameFromDisposition('attachment; filename="unmiss tracks.csv"')).toBe('unmiss tracks.csv');
    expect(filenameFromDisposition(`attachment; filename="x.csv"; filename*=UTF-8''r%C3%A9sum%C3%A9.csv`)).toBe('résumé.csv');
  });

  it('never keeps a path, and says null when there is no name', () => {
    expect(filenameFromDisposition('attachment; filename="../../etc/passwd"')).toBe('passwd');
    expect(filenameFromDisposition('attachment; filename="C:\\\\Windows\\\\x.png"')).toBe('x.png');
    expect(filenameFromDisposition('attachment')).toBeNull();
    expect(filenameFromDisposition(null)).toBeNull();
  });
});
