/** A wait as the sign-in and registration forms show it: seconds up to two minutes, then minutes. */
export interface Wait {
  amount: number;
  unit: "s" | "min";
}

export function describeWait(ms: number): Wait {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  return seconds < 120 ? { amount: seconds, unit: "s" } : { amount: Math.ceil(seconds / 60), unit: "min" };
}
