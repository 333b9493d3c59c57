const encoder = new TextEncoder();

/**
 * The canary bucket of a unit (a user, a session, a tenant), 0 to 99, the same on every run, host
 * and language: FNV-1a (32 bit) over the UTF-8 bytes of `id + "\n" + unitKey`, mixed by the
 * MurmurHash3 finalizer, then scaled to 0–99 from its high bits. A unit is in a canary of weight
 * W when its bucket is below W, so raising a weight only ever adds units to the canary.
 */
export function canaryBucket(promptId: string, unitKey: string): number {
  let hash = 0x811c9dc5;
  for (const byte of encoder.encode(`${promptId}\n${unitKey}`)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193);
  }
  // FNV alone leaves related keys (user-1, user-2, …) close together; the finalizer spreads them.
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return Math.floor(((hash >>> 0) / 2 ** 32) * 100);
}
