// The placeholder guide: generated from PLACEHOLDERS, in the repo (docs/mau-van-ban.md, up to date),
// as the sheet «Hướng dẫn mẫu» of a new control workbook, and by `dvcq template guide / export`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { guideGrid, guideMarkdown, GUIDE_HEADER, PLACEHOLDER_EXAMPLES } from '../../src/core/placeholder-guide';
import { PLACEHOLDERS } from '../../src/core/report-model';
import { newControlSheets } from '../../src/core/control-template';
import { SHEETS } from '../../src/core/schema';
import { main } from '../../src/node/cli';
import { checkTemplate, templateCheckMessages } from '../../src/node/docx';
import { paragraphs, partXml } from './helpers/docx-read';
import { Document, Packer, Paragraph } from 'docx';

const capture = () => {
  const lines: string[] = [];
  const errors: string[] = [];
  return {
    lines,
    errors,
    out: (s: string) => lines.push(s),
    err: (s: string) => errors.push(s),
    now: () => new Date(2024, 11, 2, 9, 30),
    user: () => 'test',
  };
};

describe('placeholder guide', () => {
  it('gives every placeholder a meaning, an example and how to write it', () => {
    for (const p of PLACEHOLDERS) expect(PLACEHOLDER_EXAMPLES[p.name]?.length ?? 0).toBeGreaterThan(0);
    const grid = guideGrid();
    expect(grid[0]).toEqual(GUIDE_HEADER);
    expect(grid.slice(1).map((r) => r[0])).toEqual(PLACEHOLDERS.map((p) => p.name));
    const xepHang = grid.find((r) => r[0] === 'xep_hang')!;
    expect(xepHang[5]).toContain('{{#xep_hang}}{{c0}}');
    expect(xepHang[6]).toContain('đứng riêng một đoạn');
  });

  it('is in the repository as docs/mau-van-ban.md, up to date (regenerate: node build/cli.js template guide > docs/mau-van-ban.md)', () => {
    const file = fs.readFileSync(path.join(__dirname, '../../docs/mau-van-ban.md'), 'utf8');
    expect(file.trimEnd()).toBe(guideMarkdown().trimEnd());
    for (const p of PLACEHOLDERS) expect(file).toContain(`## \`{{${p.name}}}\``);
  });

  it('is the sheet «Hướng dẫn mẫu» of a new control workbook', () => {
    const sheet = newControlSheets({ year: 2025 }).find((s) => s.name === SHEETS.templateGuide)!;
    expect(sheet.grid).toEqual(guideGrid());
  });
});

describe('dvcq template', () => {
  it('export writes the default templates and the guide, and a second export keeps the first', async () => {
    const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'dvcq-tpl-'));
    const ctx = capture();
    expect(await main(['template', 'export', ws], ctx)).toBe(0);
    const dir = path.join(ws, 'Mẫu văn bản');
    const report = path.join(dir, 'Mẫu báo cáo mặc định.docx');
    const decision = path.join(dir, 'Mẫu quyết định mặc định.docx');
    expect(checkTemplate(fs.readFileSync(report), 'report')).toEqual({ missing: [], plainLoops: [], unknown: [] });
    expect(checkTemplate(fs.readFileSync(decision), 'decision')).toEqual({ missing: [], plainLoops: [], unknown: [] });
    expect(paragraphs(partXml(fs.readFileSync(report)))).toContain('{{mo_dau}}');
    expect(fs.readFileSync(path.join(dir, 'Hướng dẫn chỗ đánh dấu.md'), 'utf8')).toBe(guideMarkdown());
    expect(ctx.lines.join('\n')).toContain(`dvcq report ${ws} --template "${report}" --decision-template "${decision}"`);
    const again = capture();
    expect(await main(['template', 'export', ws], again)).toBe(0);
    expect(fs.readdirSync(dir).filter((f) => f.includes('(cũ'))).toHaveLength(3);
  });

  it('guide prints the Markdown guide', async () => {
    const ctx = capture();
    expect(await main(['template', 'guide'], ctx)).toBe(0);
    expect(ctx.lines.join('\n')).toBe(guideMarkdown());
  });
});

describe('template messages say the exact fix', () => {
  it('a plain {{xep_hang}} where a loop is needed says so and how to write it', async () => {
    const doc = new Document({
      sections: [{ children: [new Paragraph('Năm {{nam}}, {{dia_danh_ngay}}'), new Paragraph('{{xep_hang}}')] }],
    });
    const check = checkTemplate(await Packer.toBuffer(doc), 'report');
    expect(check).toEqual({ missing: [], plainLoops: ['xep_hang'], unknown: [] });
    expect(templateCheckMessages('report', check)).toEqual([
      'Mẫu báo cáo ghi {{xep_hang}} như một trường thường, nhưng «xep_hang» là một bảng nên phải viết thành vòng lặp: ' +
        'một bảng có dòng tiêu đề và một dòng dữ liệu: ô đầu ghi {{#xep_hang}}{{c0}}, các ô sau {{c1}}, {{c2}}…, ô cuối thêm {{/xep_hang}}.',
    ]);
  });

  it('a missing placeholder is named with the way to write it', async () => {
    const doc = new Document({ sections: [{ children: [new Paragraph('Năm {{nam}}')] }] });
    const messages = templateCheckMessages('decision', checkTemplate(await Packer.toBuffer(doc), 'decision'));
    expect(messages[0]).toBe('Mẫu quyết định thiếu trường {{dia_danh_ngay}}: thêm vào mẫu theo cách viết {{dia_danh_ngay}}.');
    expect(messages[1]).toContain('Mẫu quyết định thiếu trường {{phu_luc}}: thêm vào mẫu theo cách viết một bảng');
  });
});
