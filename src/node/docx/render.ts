// Fill a .docx template (the default one or a user's) with a document model, and check that a
// user's template holds the placeholders a document cannot do without.
import Docxtemplater from 'docxtemplater';
import type { DXT } from 'docxtemplater';
import PizZip from 'pizzip';
import { DocKind, DocModel, PLACEHOLDERS, REQUIRED_PLACEHOLDERS } from '../../core/report-model';
import { templateData } from './data';
import { placeholderUsage } from '../../core/placeholder-guide';
import { templateError } from './errors';

const OPTIONS = {
  delimiters: { start: '{{', end: '}}' },
  paragraphLoop: true,
  linebreaks: true,
  errorLogging: false,
  // An absent value prints nothing, never "undefined".
  nullGetter: () => '',
};

const KIND_NAME: Record<DocKind, string> = { report: 'Mẫu báo cáo', decision: 'Mẫu quyết định' };

interface TagPart {
  type: string;
  value: string;
  module?: string | null;
  subparsed?: TagPart[];
}

/** Compile a template; `onTag` sees every placeholder name (loops and plain fields). */
function compile(template: Buffer, what: string, onTag?: (name: string, isLoop: boolean) => void): Docxtemplater<PizZip> {
  let zip: PizZip;
  try {
    zip = new PizZip(template);
  } catch (e) {
    throw templateError(e, what);
  }
  const walk = (parts: TagPart[]) => {
    for (const part of parts) {
      if (part.type !== 'placeholder') continue;
      onTag?.(part.value.trim(), part.module === 'loop');
      if (part.subparsed) walk(part.subparsed);
    }
  };
  const collector: DXT.Module = {
    name: 'DvcqTagCollector',
    postparse: (parsed: DXT.Part[]) => {
      walk(parsed);
      return parsed;
    },
  };
  try {
    return new Docxtemplater(zip, { ...OPTIONS, modules: onTag ? [collector] : [] });
  } catch (e) {
    throw templateError(e, what);
  }
}

/** The filled document. A broken template throws an Error with a Vietnamese message. */
export function renderDocx(template: Buffer, model: DocModel, what = 'Mẫu văn bản'): Buffer {
  const data = templateData(model);
  const doc = compile(template, what);
  try {
    doc.render(data);
  } catch (e) {
    throw templateError(e, what);
  }
  return doc.getZip().generate({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const KNOWN = new Set(PLACEHOLDERS.map((p) => p.name));
const LOOPED = new Set(PLACEHOLDERS.filter((p) => p.kind !== 'field').map((p) => p.name));
const isKnown = (name: string) =>
  KNOWN.has(name) || name === '.' || /^c\d+$/.test(name) || /^(doan|cap_[123]|dong)$/.test(name) || /^(so|ty_le)_[a-z0-9_]+$/.test(name);

export interface TemplateCheck {
  /** Required placeholders the template lacks ("nam", "xep_hang"…). */
  missing: string[];
  /** Tables and lists written as a plain field (`{{xep_hang}}`) where a loop is needed. */
  plainLoops: string[];
  /** Placeholders the model does not know (typing mistakes): they would print nothing. */
  unknown: string[];
}

/** Placeholders a user template lacks or does not spell right; throws on a broken template. */
export function checkTemplate(template: Buffer, kind: DocKind = 'report', file?: string): TemplateCheck {
  const seen = new Set<string>();
  const loops = new Set<string>();
  compile(template, file ? `${KIND_NAME[kind]} «${file}»` : KIND_NAME[kind], (name, isLoop) => {
    seen.add(name);
    if (isLoop) loops.add(name);
  });
  // A table or list only prints through a loop ({{#xep_hang}} … {{/xep_hang}}).
  const present = (n: string) => (LOOPED.has(n) ? loops.has(n) : seen.has(n));
  const plainLoops = [...seen].filter((n) => LOOPED.has(n) && !loops.has(n)).sort();
  return {
    missing: REQUIRED_PLACEHOLDERS[kind].filter((n) => !present(n) && !plainLoops.includes(n)),
    plainLoops,
    unknown: [...seen].filter((n) => !isKnown(n)).sort(),
  };
}

const KIND_OF = new Map(PLACEHOLDERS.map((p) => [p.name, p.kind]));

/** Vietnamese lines for the CLI: what is wrong and the exact way to write it ("Mẫu báo cáo thiếu trường {{nam}} …"). */
export function templateCheckMessages(kind: DocKind, check: TemplateCheck): string[] {
  const how = (n: string) => placeholderUsage({ name: n, kind: KIND_OF.get(n) ?? 'field' }).word;
  return [
    ...check.missing.map((n) => `${KIND_NAME[kind]} thiếu trường {{${n}}}: thêm vào mẫu theo cách viết ${how(n)}.`),
    ...check.plainLoops.map(
      (n) =>
        `${KIND_NAME[kind]} ghi {{${n}}} như một trường thường, nhưng «${n}» là ${KIND_OF.get(n) === 'table' ? 'một bảng' : 'một danh sách'} nên phải viết thành vòng lặp: ${how(n)}.`,
    ),
    ...check.unknown.map((n) => `${KIND_NAME[kind]} có trường không xác định {{${n}}} (sẽ để trống).`),
  ];
}
