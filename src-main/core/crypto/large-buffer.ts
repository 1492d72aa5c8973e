/**
 * glibc's malloc serves blocks over its mmap threshold (128 KiB at first) with their own mapping,
 * but freeing one of up to 32 MiB raises that threshold to its size and the heap's trim threshold
 * to twice that. After the ~20 MB index buffer of a 10-year practice was freed, the heap kept up
 * to 40 MB of freed memory for the rest of the session (~12 MB more RSS at unlock, measured). A
 * block over 32 MiB leaves the thresholds alone, so transient buffers of megabytes are asked for
 * at that size: only the bytes written are ever touched, and only those count against the app.
 * (Elsewhere than glibc this costs nothing: untouched pages are never backed.) Here because
 * core/crypto is the one layer every other part of the core may import.
 */
const PAST_THRESHOLDS = 32 * 1024 * 1024 + 1;

/** A buffer of `bytes` for short-lived use (its contents are not zeroed). */
export function largeBuffer(bytes: number): Buffer {
  return Buffer.allocUnsafe(Math.max(bytes, PAST_THRESHOLDS)).subarray(0, bytes);
}
