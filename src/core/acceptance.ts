// The owner's record of an accepted submission: four columns of `Đơn vị` (`Nộp lúc`, `Người nộp`,
// `Mã kiểm tra`, `Khóa ô nhập`), written only by the owner's collection or `dvcq submit`. A unit
// file is editable by its scorer, so what it shows (the status line and cell) is a copy of this
// record, rewritten by the owner; the request a scorer records there is only a request.
import type { Acceptance, Cell } from './types';
import { STATUS } from './types';
import { cellText, normalizeHeader } from './text';
import { scoringLine, submittedLine } from './submission-line';
import { roundCopy } from './round-flow';

/** What `Khóa ô nhập` says once the owner has locked the file's inputs and checked it. */
export const LOCKED_MARK = 'Có';

/** The four cells as read from a row of `Đơn vị` (or `Trạng thái các năm`); undefined when all are blank. */
export function readAcceptance(r: { acceptedAt?: Cell; acceptedBy?: Cell; acceptedCheck?: Cell; locked?: Cell }): Acceptance | undefined {
  const at = r.acceptedAt instanceof Date ? r.acceptedAt : cellText(r.acceptedAt ?? null);
  const by = cellText(r.acceptedBy ?? null);
  const check = cellText(r.acceptedCheck ?? null);
  const locked = normalizeHeader(r.locked ?? null) === normalizeHeader(LOCKED_MARK);
  if (at === '' && !by && !check && !locked) return undefined;
  return { at, by, check, locked };
}

/** The cells written for a record (blank ones clear it). */
export interface AcceptanceCells {
  acceptedAt: Date | string;
  acceptedBy: string;
  acceptedCheck: string;
  locked: string;
}

export function acceptanceCells(a: Acceptance | undefined): AcceptanceCells {
  return { acceptedAt: a?.at ?? '', acceptedBy: a?.by ?? '', acceptedCheck: a?.check ?? '', locked: a?.locked ? LOCKED_MARK : '' };
}

/** What the unit file's status line and hidden status cell show of an accepted submission. */
export function acceptedCopy(a: Acceptance, locked: boolean): { status: string; line: string } {
  return { status: STATUS.submitted, line: submittedLine(a.at, a.by, locked, a.check) };
}

/**
 * What a unit file shows after `dvcq submit` / `dvcq reopen` recorded `update` in `Đơn vị`: the same
 * status (the CLI locks nothing, so no lock mark); null when the update changes no status.
 */
export function fileStatusCopy(
  update: { status?: string; explainBy?: Date | string; explainedAt?: Date | string } & Partial<AcceptanceCells>,
): { status: string; line: string } | null {
  if (update.status === STATUS.returned || update.status === STATUS.explained) {
    const round = {
      ...(update.explainBy instanceof Date ? { explainBy: update.explainBy } : {}),
      ...(update.explainedAt ? { explainedAt: update.explainedAt } : {}),
    };
    return roundCopy({ round }, update.status, null, false);
  }
  if (update.status === STATUS.submitted) {
    return acceptedCopy(
      { at: update.acceptedAt ?? '', by: update.acceptedBy ?? '', check: update.acceptedCheck ?? '', locked: false },
      false,
    );
  }
  if (update.status === STATUS.scoring) return { status: STATUS.scoring, line: scoringLine() };
  return null;
}
