/**
 * The order of every note list: newest date of service first, then later start time, then
 * most recently saved. Shared so the renderer can place one saved note without re-listing.
 */
export function byServiceDateDesc(
  a: { serviceDate: string; startTime?: string; updatedAt: number },
  b: { serviceDate: string; startTime?: string; updatedAt: number },
): number {
  if (a.serviceDate !== b.serviceDate) return a.serviceDate < b.serviceDate ? 1 : -1;
  const at = a.startTime ?? '';
  const bt = b.startTime ?? '';
  if (at !== bt) return at < bt ? 1 : -1;
  return b.updatedAt - a.updatedAt;
}
