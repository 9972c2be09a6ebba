import { describe, expect, it } from 'vitest';
import { wallLinkUrl } from './wallLinkUrl.js';

describe('wallLinkUrl', () => {
  it('adds the display language to the wall path', () => {
    expect(wallLinkUrl('http://joc.unmiss.local:8080', '/wall/abc_DEF-123', 'fr')).toBe('http://joc.unmiss.local:8080/wall/abc_DEF-123?lang=fr');
    expect(wallLinkUrl('https://ops.example', '/wall/tok', 'en')).toBe('https://ops.example/wall/tok?lang=en');
  });
  it('keeps a query the path already has', () => {
    expect(wallLinkUrl('http://h', '/wall/t?cycle=30', 'fr')).toBe('http://h/wall/t?cycle=30&lang=fr');
  });
});
