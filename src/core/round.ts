// Rounding as people expect it on paper (and as Excel's ROUND does), not as binary floats do.

/**
 * Round half away from zero. The nudge is relative to the magnitude so that float noise
 * (89.995 * 100 = 8999.499999…) still rounds up, while genuine values are not moved.
 */
export function roundHalfUp(x: number, decimals = 2): number {
  if (!Number.isFinite(x)) return x;
  const factor = 10 ** decimals;
  const scaled = Math.abs(x) * factor;
  const eps = Math.max(1, scaled) * 1e-12;
  const rounded = Math.floor(scaled + 0.5 + eps) / factor;
  // Avoid -0, which would print as "-0".
  return rounded === 0 ? 0 : Math.sign(x) * rounded;
}
