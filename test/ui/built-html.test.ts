// The built sidebars are single, self-contained pages (checked on the files clasp pushes).
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, ensureBuilt } from './browser';

const PAGES = ['scorer', 'admin'] as const;

beforeAll(() => ensureBuilt());

describe.each(PAGES)('build/%s.html', (name) => {
  const html = () => fs.readFileSync(path.join(ROOT, 'build', `${name}.html`), 'utf8');

  test('inlines its script and style; the only outside address is Google’s add-on stylesheet', () => {
    const text = html();
    expect(text).toMatch(/^<!DOCTYPE html>\n<html lang="vi">/);
    expect(text).not.toContain('<!--SCRIPT-->');
    expect(text).not.toContain('<!--STYLE-->');
    expect(text).not.toMatch(/<script[^>]*\bsrc=/i);
    expect([...new Set(text.match(/https?:\/\/[^\s"'<>)]*/gi) ?? [])]).toEqual(['https://ssl.gstatic.com/docs/script/css/add-ons1.css']);
  });

  test('never writes markup from strings', () => {
    expect(html()).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
  });

  test('carries the shared style sheet before its own', () => {
    const common = fs.readFileSync(path.join(ROOT, 'src/ui/common.css'), 'utf8');
    const own = fs.readFileSync(path.join(ROOT, 'src/ui', `${name}.css`), 'utf8');
    const text = html();
    expect(text).toContain(common);
    expect(text.indexOf(common)).toBeLessThan(text.indexOf(own));
  });
});
