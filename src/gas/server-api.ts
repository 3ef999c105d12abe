// The ServerApi of api.ts bound to a set of services: the sidebars call these (through
// google.script.run in Apps Script, directly in tests on the fake). Errors become Vietnamese.
import type { AdminRunOptions, AdminStepKey, ServerApi } from './api';
import type { GasServices } from './services';
import { gasServices } from './services';
import { EnvOptions, makeEnv } from './env';
import { adminRun, adminShowSheet, adminState } from './admin';
import { createScorerApi, guard } from './scorer-api';
import { adminUnitView } from './admin-unit-view';

export function createServerApi(gas: GasServices = gasServices(), opts: EnvOptions = {}): ServerApi {
  const env = () => makeEnv(gas, opts);
  return {
    // The scorer's functions are the scorer bundle's (scorer-api.ts): one implementation for both.
    ...createScorerApi(gas, opts),
    adminState: () => guard(gas, 'Bảng điều khiển', () => adminState(env())),
    adminRun: (step: AdminStepKey, cursor: string | null, options?: AdminRunOptions) => adminRun(env(), step, cursor, options ?? {}),
    adminShowSheet: (name: string) => guard(gas, 'Mở sheet', () => adminShowSheet(env(), name)),
    adminUnitView: (code: string) => guard(gas, 'Xem điểm thẩm định', () => adminUnitView(env(), code)),
  };
}
