// Building the page without innerHTML: every string becomes a text node or an attribute value,
// so text coming from a sheet can never turn into markup.
import { safeUrl } from './escape';

export type Child = Node | string | number | null | undefined | false;
type Handler = (ev: Event) => void;
export type Attrs = Record<string, string | number | boolean | Handler | null | undefined>;

/** Create an element. `on…` attributes take functions; `href` only takes http(s) addresses. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2).toLowerCase(), value);
    } else if (typeof value === 'function') {
      continue;
    } else if (key === 'class') {
      el.className = String(value);
    } else if (key === 'href' || key === 'src') {
      const url = safeUrl(String(value));
      if (url) el.setAttribute(key, url);
    } else if (value === true) {
      el.setAttribute(key, '');
    } else {
      el.setAttribute(key, String(value));
    }
  }
  append(el, ...children);
  return el;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    parent.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

/** Replace the children of `parent`. */
export function replace(parent: Node, ...children: Child[]): void {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  append(parent, ...children);
}

/** Set text only when it changed (keeps screen readers from re-announcing the same words). */
export function setText(el: Element, text: string): void {
  if (el.textContent !== text) el.textContent = text;
}

/** A link that opens in a new tab without giving the new page a handle on this one. */
export function externalLink(url: string, text: string, attrs: Attrs = {}): HTMLElement {
  const safe = safeUrl(url);
  if (!safe) return h('span', { class: 'link-text' }, text);
  return h('a', { ...attrs, href: safe, target: '_blank', rel: 'noopener noreferrer' }, text);
}

let idCounter = 0;
/** A fresh element id (criterion codes come from a sheet and are never used as ids). */
export function uid(prefix: string): string {
  idCounter++;
  return `${prefix}-${idCounter}`;
}

/**
 * Keep the focused element clear of a sticky bottom bar: the page keeps a scroll padding equal to
 * the bar's height (CSS var --bar-h), and an element reached by Tab that is still covered (or
 * above the top) is scrolled into the free part of the window.
 */
export function keepFocusClearOf(bar: HTMLElement): void {
  const pad = () => document.documentElement.style.setProperty('--bar-h', `${bar.offsetHeight}px`);
  pad();
  if (typeof ResizeObserver === 'function') new ResizeObserver(pad).observe(bar);
  document.addEventListener('focusin', (ev) => {
    const el = ev.target as HTMLElement | null;
    if (!el || bar.contains(el) || typeof el.getBoundingClientRect !== 'function') return;
    const r = el.getBoundingClientRect();
    const limit = window.innerHeight - bar.offsetHeight - 8;
    if (r.bottom > limit) window.scrollBy(0, r.bottom - limit);
    else if (r.top < 8) window.scrollBy(0, r.top - 8);
  });
}
