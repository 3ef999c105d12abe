// The steps of the year as users read them (menu, admin sidebar, job messages): the core's words.
export { STEP_LABELS } from '../core/steps/plan';
