import { describe, expect, it } from 'vitest';
import { nativeHandleNumber } from '../../../electron/window/nativeHandle';

describe('the app window’s handle for the UAC prompt', () => {
  it('reads a 64-bit HWND little-endian, as PowerShell’s [IntPtr] takes it', () => {
    const bytes = Buffer.alloc(8);
    bytes.writeBigUInt64LE(0x0000000000330a2cn);
    expect(nativeHandleNumber(bytes)).toBe('3344940');
  });

  it('reads a 32-bit HWND', () => {
    const bytes = Buffer.alloc(4);
    bytes.writeUInt32LE(0x00330a2c);
    expect(nativeHandleNumber(bytes)).toBe('3344940');
  });

  it('gives no owner for a zero handle or bytes that are no handle', () => {
    expect(nativeHandleNumber(Buffer.alloc(8))).toBeNull();
    expect(nativeHandleNumber(Buffer.alloc(0))).toBeNull();
    expect(nativeHandleNumber(Buffer.from([1, 2, 3]))).toBeNull();
  });
});
