// The scorer's server functions bound to a set of services: the part of ServerApi that the scorer
// bundle (build/scorer/Code.js, bound to the unit file) holds. Nothing here reaches the admin
// modules or another spreadsheet (`spreadsheets.currentonly`); Drive only for the evidence a
// scorer attaches, in files the script creates itself (`drive.file`, evidence-upload.ts).
import type { EntryField, EvidenceUpload, ServerApi } from './api';
import type { GasServices } from './services';
import { EnvOptions, makeEnv } from './env';
import { UserError, userMessage } from './errors';
import { scorerExplain, scorerReopen, scorerSave, scorerState, scorerSubmit } from './scorer';
import { scorerAttachEvidence } from './evidence-upload';

export type ScorerApi = Pick<
  ServerApi,
  'scorerState' | 'scorerSave' | 'scorerSubmit' | 'scorerReopen' | 'scorerAttachEvidence' | 'scorerExplain'
>;

/** Run `fn`; a failure becomes the user's Vietnamese text (google.script.run hands over the message only). */
export function guard<T>(gas: GasServices, action: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    throw new UserError(userMessage(e, action, gas.Logger));
  }
}

export function createScorerApi(gas: GasServices, opts: EnvOptions = {}): ScorerApi {
  const env = () => makeEnv(gas, opts);
  return {
    scorerState: () => guard(gas, 'Mở biểu chấm điểm', () => scorerState(env())),
    scorerSave: (code: string, field: EntryField, value: string) => guard(gas, 'Lưu điểm', () => scorerSave(env(), code, field, value)),
    scorerSubmit: () => guard(gas, 'Nộp kết quả', () => scorerSubmit(env())),
    scorerReopen: () => guard(gas, 'Mở lại', () => scorerReopen(env())),
    scorerAttachEvidence: (upload: EvidenceUpload) => guard(gas, 'Đính kèm minh chứng', () => scorerAttachEvidence(env(), upload)),
    scorerExplain: () => guard(gas, 'Gửi giải trình', () => scorerExplain(env())),
  };
}
