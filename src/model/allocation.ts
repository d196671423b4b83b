/** A person's time across plans: the team allocations, in % of their time. */

/** Over 100% in total across plans: the checker warns, /attention/ lists the person. */
export function isOverAllocated(total: number): boolean {
  return total > 100 + 1e-9;
}
