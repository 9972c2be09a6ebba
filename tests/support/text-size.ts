import type { Page } from 'playwright-core';

/** Every visible piece of text on the page whose computed size is under `minPx` (the wall's minimum is 18 px at 1080p). */
export function smallTexts(page: Page, minPx: number): Promise<string[]> {
  return page.evaluate((min) => {
    const small: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? '';
      const element = node.parentElement;
      if (!text || !element) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const box = range.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      if (box.right <= 0 || box.bottom <= 0 || box.left >= window.innerWidth || box.top >= window.innerHeight) continue;
      const style = getComputedStyle(element);
      if (style.visibility !== 'visible' || Number(style.opacity) === 0) continue;
      const size = parseFloat(style.fontSize);
      if (size < min) small.push(`${size}px "${text.slice(0, 40)}" in <${element.tagName.toLowerCase()} class="${element.className}">`);
    }
    return small;
  }, minPx);
}
