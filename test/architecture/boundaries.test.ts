// The layer rules of eslint.config.mjs and tsconfig.core.json can fail: probes that cross a
// boundary are reported, the allowed imports are not. The probes are linted as if they were at
// the given path (ESLint's lintText with filePath), so nothing is written under src/.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import ts from 'typescript';

const root = path.resolve(__dirname, '../..');

interface Message {
  ruleId: string | null;
  message: string;
}

/** ESLint's messages for each probe, with the project's own config. */
function lint(probes: Array<{ filePath: string; code: string }>): Message[][] {
  const r = spawnSync(process.execPath, [path.join(__dirname, 'lint-text.mjs')], {
    cwd: root,
    input: JSON.stringify(probes),
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`lint-text.mjs failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as Message[][];
}

const rules = (messages: Message[]) => messages.map((m) => m.ruleId);
const texts = (messages: Message[]) => messages.map((m) => m.message).join('\n');

describe('layer boundaries (eslint.config.mjs)', () => {
  const [coreHost, coreGas, coreLayers, coreOk, ui, uiOk, nodeToGas, gasToNode, nodeOk] = lint([
    {
      filePath: 'src/core/__lint_probe.ts',
      code: [
        "import fs from 'node:fs';",
        "import path from 'path';",
        "import ExcelJS from 'exceljs';",
        'export const probe = () => [fs, path, ExcelJS, SpreadsheetApp.getActive(), process.env.HOME, document.title, Utilities, console];',
        "export const later = () => import('os');",
      ].join('\n'),
    },
    { filePath: 'src/core/__lint_probe.ts', code: "import type { Env } from '../gas/env';\nexport type Probe = Env;\n" },
    {
      filePath: 'src/core/nested/__lint_probe.ts',
      code: "export * from '../../node/files';\nexport { h } from '../../ui/dom';\nexport { gasServices } from '../../gas/services';\n",
    },
    {
      filePath: 'src/core/__lint_probe.ts',
      code: "import type { Cell } from './types';\nimport { cellLink } from './gas-support';\nexport const probe = (c: Cell) => [c, cellLink];\n",
    },
    {
      filePath: 'src/ui/__lint_probe.ts',
      code: [
        "import { ServerApi } from '../gas/api';",
        "import type { Env } from '../gas/env';",
        "import { cellText } from '../node/xlsx/grid';",
        "import fs from 'node:fs';",
        'export const probe = (a: ServerApi, e: Env) => [a, e, cellText, fs];',
      ].join('\n'),
    },
    {
      filePath: 'src/ui/__lint_probe.ts',
      code: "import type { ServerApi } from '../gas/api';\nimport { formatNumber } from '../core/format';\nexport const probe = (a: ServerApi) => [a, formatNumber];\n",
    },
    { filePath: 'src/node/__lint_probe.ts', code: "import { gasServices } from '../gas/services';\nexport const probe = gasServices;\n" },
    { filePath: 'src/gas/__lint_probe.ts', code: "import { exists } from '../node/files';\nexport const probe = exists;\n" },
    {
      filePath: 'src/node/__lint_probe.ts',
      code: "import fs from 'node:fs';\nimport type { Cell } from '../core/types';\nexport const probe = (c: Cell) => [fs, c];\n",
    },
  ]);

  it('src/core: no Node built-in, npm package, host global or run-time import', () => {
    expect(rules(coreHost).filter((r) => r === 'no-restricted-imports')).toHaveLength(3);
    for (const name of ['SpreadsheetApp', 'process', 'document', 'Utilities', 'console'])
      expect(coreHost).toContainEqual({ ruleId: 'no-restricted-globals', message: expect.stringContaining(`'${name}'`) as unknown });
    expect(rules(coreHost)).toContain('no-restricted-syntax');
  });

  it('src/core: no import from src/gas, src/node or src/ui, not even of types, not through a re-export', () => {
    expect(rules(coreGas)).toEqual(['no-restricted-imports']);
    expect(texts(coreGas)).toContain('src/core may not depend on src/gas, src/node or src/ui');
    expect(rules(coreLayers)).toEqual(['no-restricted-imports', 'no-restricted-imports', 'no-restricted-imports']);
  });

  it('src/core: its own modules are fine (a name like gas-support is not a layer)', () => {
    expect(coreOk).toEqual([]);
  });

  it('src/ui: only `import type` from src/gas/api.ts; nothing from src/node or Node', () => {
    expect(rules(ui)).toEqual(Array(4).fill('@typescript-eslint/no-restricted-imports'));
    expect(texts(ui)).toContain('only import types (import type) from src/gas/api.ts');
    expect(uiOk).toEqual([]);
  });

  it('src/node and src/gas do not import each other', () => {
    expect(texts(nodeToGas)).toContain('src/node may not depend on src/gas');
    expect(texts(gasToNode)).toContain('src/gas may not depend on src/node');
    expect(nodeOk).toEqual([]);
  });
});

describe('src/core compiles without Node, DOM or Apps Script types (tsconfig.core.json)', () => {
  /** Diagnostics of one in-memory file at src/core/, compiled with tsconfig.core.json. */
  function diagnostics(code: string): string[] {
    const parsed = ts.getParsedCommandLineOfConfigFile(
      path.join(root, 'tsconfig.core.json'),
      {},
      {
        ...ts.sys,
        onUnRecoverableConfigFileDiagnostic: (d) => {
          throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
        },
      },
    )!;
    const probe = path.join(root, 'src/core/__type_probe.ts');
    const host = ts.createCompilerHost(parsed.options);
    const getSourceFile = host.getSourceFile.bind(host);
    const fileExists = host.fileExists.bind(host);
    host.getSourceFile = (file, lang, ...rest) =>
      file === probe ? ts.createSourceFile(file, code, lang) : getSourceFile(file, lang, ...rest);
    host.fileExists = (file) => file === probe || fileExists(file);
    const program = ts.createProgram([probe], parsed.options, host);
    return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  }

  it('a Node, DOM or Apps Script name does not compile', () => {
    const errors = diagnostics(
      'export const probe = [process.env, document.title, SpreadsheetApp, setTimeout];\nexport type Probe = GoogleAppsScript.Spreadsheet.Range;\n',
    ).join('\n');
    for (const name of ['process', 'document', 'SpreadsheetApp', 'setTimeout', 'GoogleAppsScript']) expect(errors).toContain(`'${name}'`);
  });

  it('plain ES2020 does', () => {
    expect(diagnostics("export const probe = new Intl.Collator('vi').compare('a', 'b') + Math.max(...[1, 2]);\n")).toEqual([]);
  });
});
