// The ServerApi of api.ts bound to a set of services: the sidebars call these (through
// google.script.run in Apps Script, directly in tests on the fake). Errors become Vietnamese.
import type { AdminRunOptions, AdminStepKey, EntryField, ServerApi } from './api';
import type { GasServices } from './services';
import { gasServices } from './services';
import { EnvOptions, makeEnv } from './env';
import { UserError, userMessage } from './errors';
import { scorerReopen, scorerSave, scorerState, scorerSubmit } from './scorer';
import { adminRun, adminState } from './admin';

function guard<T>(gas: GasServices, action: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    // google.script.run hands the failure handler the message only: make it the user's text
    // (the raw detail goes to the execution log).
    throw new UserError(userMessage(e, action, gas.Logger));
  }
}

export function createServerApi(gas: GasServices = gasServices(), opts: EnvOptions = {}): ServerApi {
  const env = () => makeEnv(gas, opts);
  return {
    scorerState: () => guard(gas, 'Mở biểu chấm điểm', () => scorerState(env())),
    scorerSave: (code: string, field: EntryField, value: string) => guard(gas, 'Lưu điểm', () => scorerSave(env(), code, field, value)),
    scorerSubmit: () => guard(gas, 'Nộp kết quả', () => scorerSubmit(env())),
    scorerReopen: () => guard(gas, 'Mở lại', () => scorerReopen(env())),
    adminState: () => guard(gas, 'Bảng điều khiển', () => adminState(env())),
    adminRun: (step: AdminStepKey, cursor: string | null, options?: AdminRunOptions) => adminRun(env(), step, cursor, options ?? {}),
  };
}
