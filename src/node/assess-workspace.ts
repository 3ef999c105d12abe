// Open a workspace and run the core's one-way flow: control + unit grids → findings, results.
import { Assessment, assessAll } from '../core/assess';
import type { Control } from '../core/control';
import { ControlWorkbook } from './xlsx/control-workbook';
import { readUnitSources } from './unit-sources';

export interface WorkspaceAssessment extends Assessment {
  book: ControlWorkbook;
  control: Control;
}

export async function assessWorkspace(ws: string): Promise<WorkspaceAssessment> {
  const book = await ControlWorkbook.open(ws);
  const control = book.read();
  const sources = await readUnitSources(ws, control);
  return { book, control, ...assessAll(control, sources) };
}
