// Builds every artefact into build/:
//  - Code.js: the Apps Script bundle (IIFE + one real top-level function per exported entry point,
//    because Apps Script only calls functions declared at top level);
//  - *.html: the sidebars, each a self-contained page (script inlined);
//  - cli.js / bench.js: the offline command line and the benchmark, for Node;
//  - appsscript.json, copied beside Code.js;
//  - the two Apps Script projects as clasp pushes them (clasp pushes every file under its rootDir,
//    so each gets a folder of its own): build/addon/ (the admin add-on: Code.js, appsscript.json,
//    admin.html, scorer.html) and build/scorer/ (the script bound to the master unit file:
//    src/gas/scorer-main.ts, appsscript.scorer.json, scorer.html). See docs/TRIEN-KHAI.md.
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
  await buildGasBundle('src/gas/main.ts', path.join(out, 'Code.js'));
  fs.copyFileSync(path.join(root, 'appsscript.json'), path.join(out, 'appsscript.json'));
}

/** An Apps Script bundle: an IIFE, then one top-level function per export (Apps Script calls those by name). */
async function buildGasBundle(entry, outfile) {
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
    outfile,
    footer: { js: footer },
    logLevel: 'warning',
  });
}

/** The folders clasp pushes (rootDir of .clasp-*.json): exactly the files of each project. */
async function stageProjects() {
  const stage = (dir, files) => {
    const to = path.join(out, dir);
    fs.rmSync(to, { recursive: true, force: true });
    fs.mkdirSync(to, { recursive: true });
    for (const [from, name] of files) fs.copyFileSync(from, path.join(to, name));
  };
  stage('addon', [
    [path.join(out, 'Code.js'), 'Code.js'],
    [path.join(root, 'appsscript.json'), 'appsscript.json'],
    [path.join(out, 'admin.html'), 'admin.html'],
    [path.join(out, 'scorer.html'), 'scorer.html'],
  ]);
  const scorer = path.join(out, 'scorer');
  fs.rmSync(scorer, { recursive: true, force: true });
  fs.mkdirSync(scorer, { recursive: true });
  await buildGasBundle('src/gas/scorer-main.ts', path.join(scorer, 'Code.js'));
  fs.copyFileSync(path.join(root, 'appsscript.scorer.json'), path.join(scorer, 'appsscript.json'));
  fs.copyFileSync(path.join(out, 'scorer.html'), path.join(scorer, 'scorer.html'));
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
await stageProjects();
