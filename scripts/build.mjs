// Builds every artefact into build/:
//  - Code.js: the Apps Script bundle (IIFE + one real top-level function per exported entry point,
//    because Apps Script only calls functions declared at top level);
//  - *.html: the sidebars, each a self-contained page (script inlined);
//  - cli.js / bench.js: the offline command line and the benchmark, for Node;
//  - appsscript.json, copied beside Code.js (clasp's rootDir is build/).
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const out = path.join(root, 'build');
fs.mkdirSync(out, { recursive: true });
const exists = (p) => fs.existsSync(path.join(root, p));

async function exportNames(entry) {
  const r = await esbuild.build({
    entryPoints: [path.join(root, entry)],
    bundle: true,
    format: 'esm',
    write: false,
    metafile: true,
    platform: 'browser',
    target: 'es2020',
    logLevel: 'silent',
  });
  const outputs = Object.values(r.metafile.outputs);
  return outputs[0].exports.filter((n) => n !== 'default');
}

async function buildGas() {
  const entry = 'src/gas/main.ts';
  if (!exists(entry)) return;
  const names = await exportNames(entry);
  const footer = names.map((n) => `function ${n}() { return __gas.${n}.apply(this, arguments); }`).join('\n');
  await esbuild.build({
    entryPoints: [path.join(root, entry)],
    bundle: true,
    format: 'iife',
    globalName: '__gas',
    target: 'es2020',
    platform: 'browser',
    charset: 'utf8',
    minify: false,
    outfile: path.join(out, 'Code.js'),
    footer: { js: footer },
    logLevel: 'warning',
  });
  fs.copyFileSync(path.join(root, 'appsscript.json'), path.join(out, 'appsscript.json'));
}

async function buildSidebars() {
  const dir = path.join(root, 'src/ui');
  if (!fs.existsSync(dir)) return;
  for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.html'))) {
    const base = f.replace(/\.html$/, '');
    const ts = path.join(dir, base + '.ts');
    const css = path.join(dir, base + '.css');
    let html = fs.readFileSync(path.join(dir, f), 'utf8');
    if (fs.existsSync(ts)) {
      const r = await esbuild.build({
        entryPoints: [ts],
        bundle: true,
        format: 'iife',
        target: 'es2020',
        platform: 'browser',
        charset: 'utf8',
        minify: true,
        write: false,
        logLevel: 'warning',
      });
      // "</script" inside the bundle would close the tag early.
      const js = r.outputFiles[0].text.replace(/<\/script/gi, '<\\/script');
      html = html.replace('<!--SCRIPT-->', () => `<script>\n${js}</script>`);
    }
    // common.css holds what both sidebars share; <name>.css what is the page's own.
    const styles = [path.join(dir, 'common.css'), css].filter((f) => fs.existsSync(f));
    if (styles.length) {
      const text = styles.map((f) => fs.readFileSync(f, 'utf8')).join('\n');
      html = html.replace('<!--STYLE-->', () => `<style>\n${text}</style>`);
    }
    fs.writeFileSync(path.join(out, f), html);
  }
}

async function buildNode(entry, outName) {
  if (!exists(entry)) return;
  await esbuild.build({
    entryPoints: [path.join(root, entry)],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    charset: 'utf8',
    packages: 'external',
    outfile: path.join(out, outName),
    banner: { js: '#!/usr/bin/env node' },
    logLevel: 'warning',
  });
  fs.chmodSync(path.join(out, outName), 0o755);
}

await Promise.all([buildGas(), buildSidebars(), buildNode('src/node/cli.ts', 'cli.js'), buildNode('bench/bench.ts', 'bench.js')]);
