// DocModel → the data object docxtemplater renders: fields as strings, lists as arrays of
// strings (`{{.}}`), tables as arrays of rows `{ c0, c1, … }`.
import type { DocModel } from '../../core/report-model';

export type TemplateData = Record<string, string | string[] | Array<Record<string, string | boolean>>>;

/** Keys of an outline line in the data: one flag per level (body text, headings 1–3) and its text. */
export const OUTLINE_KEYS = { levels: ['doan', 'cap_1', 'cap_2', 'cap_3'], text: 'dong' } as const;

export function templateData(model: DocModel): TemplateData {
  const data: TemplateData = {};
  const put = (name: string, value: TemplateData[string]) => {
    if (name in data) throw new Error(`Trường «${name}» bị trùng tên trong dữ liệu văn bản.`);
    data[name] = value;
  };
  for (const [name, value] of Object.entries(model.fields)) put(name, value ?? '');
  for (const [name, items] of Object.entries(model.lists))
    put(
      name,
      items.map((s) => s ?? ''),
    );
  for (const [name, lines] of Object.entries(model.outlines ?? {})) {
    put(
      name,
      lines.map((l) => ({
        ...Object.fromEntries(OUTLINE_KEYS.levels.map((k, i) => [k, l.level === i])),
        [OUTLINE_KEYS.text]: l.text ?? '',
      })),
    );
  }
  for (const [name, table] of Object.entries(model.tables)) {
    put(
      name,
      table.rows.map((row) => Object.fromEntries(row.map((cell, i) => [`c${i}`, cell ?? '']))),
    );
  }
  return data;
}
