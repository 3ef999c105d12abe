// Peak memory of a long run over unit files. Each file read leaves garbage that V8 collects only
// when its heap has grown (its own heuristics), so the process's resident memory climbs with the
// number of units although what is kept of each unit is small. A full collection every few units
// keeps the peak flat (DESIGN §6: 5,000 units within 600 MB). `gc` is not exposed by default;
// `--expose-gc` set at run time makes a new context's global `gc` available (Node's v8 and vm
// modules; the documented caveat of setFlagsFromString is about flags changing VM behaviour that
// already ran, which this one does not). Without it, nothing is done.
import v8 from 'node:v8';
import vm from 'node:vm';

let gc: (() => void) | null | undefined;

/** A full garbage collection, when the runtime allows it. */
export function collectGarbage(): void {
  if (gc === undefined) {
    try {
      v8.setFlagsFromString('--expose-gc');
      const f: unknown = vm.runInNewContext('gc');
      gc = typeof f === 'function' ? (f as () => void) : null;
    } catch {
      gc = null;
    }
  }
  gc?.();
}

/** Units read between two collections: often enough to keep the peak flat, rarely enough to cost little. */
export const UNITS_PER_COLLECTION = 25;
