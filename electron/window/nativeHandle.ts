/**
 * A window's native handle (what BrowserWindow.getNativeWindowHandle()
 * gives: the HWND's bytes, little-endian, 8 on 64-bit Windows and 4 on
 * 32-bit) as the decimal number PowerShell's `[IntPtr]` takes. Null for
 * anything else, and for a zero handle, which owns nothing.
 */
export function nativeHandleNumber(bytes: Buffer): string | null {
  const value =
    bytes.length === 8
      ? bytes.readBigUInt64LE(0)
      : bytes.length === 4
        ? BigInt(bytes.readUInt32LE(0))
        : 0n;
  return value === 0n ? null : value.toString();
}
