// The naive way to write the report: a new Google Doc built element by element — one
// appendParagraph per paragraph, and for each table one appendTableRow per row and one
// appendTableCell per cell. Same layout and model as the add-on (doc-layout.ts, report-model.ts).
import type { GBody, GSpreadsheet } from '../../src/gas/services';
import type { GasServicesWithDriveApp as GasServices, GFolder } from '../../test/fakes/gas';
import type { Rubric } from '../../src/core/types';
import { buildReportModel, DocModel } from '../../src/core/report-model';
import { Control } from '../../src/core/control';
import { assessAll } from '../../src/core/assess';
import { LayoutOptions } from '../../src/core/unit-sheet';
import { findingsGrid, resultsGrid } from '../../src/core/output-tables';
import { naiveAppendRows, naiveReadAll } from './collect';
import { SHEETS } from './common';
import { Block, CellBlock, reportLayout, TextStyle } from '../../src/core/doc-layout';

function fill(text: string, model: DocModel): string {
  return text.replace(/\{\{([^{}]+)\}\}/g, (_, k: string) => model.fields[k] ?? '');
}

function style(s: TextStyle): Record<string, unknown> {
  return { BOLD: !!s.bold, ITALIC: !!s.italic, FONT_SIZE: s.size ?? 14, FONT_FAMILY: 'Times New Roman' };
}

interface Target {
  appendParagraph(text: string): { setAttributes(a: unknown): unknown };
}

function paragraphs(target: Target, b: CellBlock, model: DocModel): void {
  if (b.t === 'p') {
    if (b.ifField && !model.fields[b.ifField]) return;
    target.appendParagraph(fill(`${b.lead ?? ''}${b.text}`, model)).setAttributes(style(b));
  } else if (b.t === 'list') {
    for (const item of model.lists[b.name] ?? []) target.appendParagraph(item).setAttributes(style(b));
  }
  // Horizontal rules are left out: the naive version draws less than the add-on, never more.
}

function block(body: GBody, b: Block, model: DocModel): void {
  if (b.t === 'p' || b.t === 'list' || b.t === 'rule') return paragraphs(body, b, model);
  if (b.t === 'outline') {
    for (const line of model.outlines?.[b.name] ?? []) body.appendParagraph(line.text);
    return;
  }
  if (b.t === 'pageBreak') {
    body.appendPageBreak();
    return;
  }
  if (b.t === 'table') {
    const data = model.tables[b.name];
    const table = body.appendTable();
    for (const cells of [b.header, ...(data?.rows ?? [])]) {
      const row = table.appendTableRow();
      for (const text of cells) row.appendTableCell(text);
    }
    return;
  }
  // Side-by-side columns: a borderless table, paragraph by paragraph.
  const table = body.appendTable();
  table.setBorderWidth(0);
  for (const cells of b.rows) {
    const row = table.appendTableRow();
    for (const content of cells) {
      const cell = row.appendTableCell('');
      for (const c of content) paragraphs(cell, c, model);
    }
  }
}

export function naiveReport(gas: GasServices, folder: GFolder, name: string, model: DocModel): string {
  const doc = gas.DocumentApp.create(name);
  gas.DriveApp.getFileById(doc.getId()).moveTo(folder);
  const body = doc.getBody();
  for (const b of reportLayout()) block(body, b, model);
  doc.saveAndClose();
  return doc.getId();
}

/**
 * The whole "Tạo báo cáo" action the naive way, doing what the add-on's action does: read every
 * unit cell by cell, rank, write `Kiểm tra` and `Kết quả` one appendRow per row, then the document.
 */
export function naiveReportAction(
  gas: GasServices,
  ss: GSpreadsheet,
  control: Control,
  links: Record<string, string>,
  opts: (r: Rubric) => LayoutOptions,
  folder: GFolder,
  today: Date,
): string {
  const a = assessAll(control, naiveReadAll(gas, control, links, opts));
  naiveAppendRows(ss.getSheetByName(SHEETS.findings)!, findingsGrid(a.findings, control.units));
  naiveAppendRows(ss.getSheetByName(SHEETS.results)!, resultsGrid(a.results));
  const model = buildReportModel({
    settings: control.settings,
    results: a.results,
    summary: a.summary,
    narrative: control.narrative,
    previous: control.previous,
    today,
  });
  return naiveReport(gas, folder, `Báo cáo kết quả thực hiện công tác dân vận chính quyền năm ${control.settings.year}`, model);
}
