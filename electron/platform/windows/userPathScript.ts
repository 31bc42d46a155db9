import { z } from 'zod';
import { psLiteral, UTF8_OUTPUT } from './powershell';

/**
 * Adds (or, for the undo, removes) one folder in the user's own PATH, the
 * `Path` value under HKCU\Environment, then tells running programs that the
 * environment changed (WM_SETTINGCHANGE), as the Environment Variables dialog
 * does. Never `setx`: it cuts the value at 1024 characters.
 *
 * Through .NET's registry API rather than [Environment]::SetEnvironmentVariable:
 * that call reads the value expanded and writes it back as REG_SZ, which turns
 * Windows' own `%USERPROFILE%\AppData\Local\Microsoft\WindowsApps` entry into a
 * literal that no longer follows the profile. Here the value is read
 * unexpanded and written back with its own kind.
 */

const BROADCAST = [
  'Add-Type -Namespace PipDoctor -Name Native -MemberDefinition \'[DllImport("user32.dll", CharSet = CharSet.Unicode)] public static extern IntPtr SendMessageTimeout(IntPtr hWnd, uint Msg, UIntPtr wParam, string lParam, uint fuFlags, uint uTimeout, out UIntPtr lpdwResult);\'',
  '$ignored = [UIntPtr]::Zero',
  // HWND_BROADCAST, WM_SETTINGCHANGE, SMTO_ABORTIFHUNG: a hung window must not stall the step.
  "[void][PipDoctor.Native]::SendMessageTimeout([IntPtr]0xffff, 0x1A, [UIntPtr]::Zero, 'Environment', 2, 5000, [ref]$ignored)",
];

function pathScript(entry: string, mode: 'add' | 'remove'): string {
  return [
    UTF8_OUTPUT,
    "$ErrorActionPreference = 'Stop'",
    `$entry = ${psLiteral(entry)}`,
    "$key = [Microsoft.Win32.Registry]::CurrentUser.CreateSubKey('Environment')",
    'try {',
    "  $had = $key.GetValueNames() -contains 'Path'",
    "  $before = if ($had) { [string]$key.GetValue('Path', '', [Microsoft.Win32.RegistryValueOptions]::DoNotExpandEnvironmentNames) } else { '' }",
    "  $kind = if ($had) { $key.GetValueKind('Path') } else { [Microsoft.Win32.RegistryValueKind]::ExpandString }",
    "  $same = { param($p) [Environment]::ExpandEnvironmentVariables($p).TrimEnd('\\').ToLowerInvariant() -eq [Environment]::ExpandEnvironmentVariables($entry).TrimEnd('\\').ToLowerInvariant() }",
    "  $parts = @($before -split ';' | Where-Object { $_ -ne '' })",
    '  $matching = @($parts | Where-Object { & $same $_ })',
    mode === 'add' ? '  $change = $matching.Count -eq 0' : '  $change = $matching.Count -gt 0',
    '  if ($change) {',
    mode === 'add'
      ? "    $after = (@($parts) + $entry) -join ';'"
      : "    $after = @($parts | Where-Object { -not (& $same $_) }) -join ';'",
    "    $key.SetValue('Path', $after, $kind)",
    ...BROADCAST.map((line) => `    ${line}`),
    '  }',
    '  [pscustomobject]@{ changed = $change; entry = $entry; kind = [string]$kind } | ConvertTo-Json -Compress',
    '} finally {',
    '  $key.Close()',
    '}',
  ].join('\n');
}

export function addToUserPathScript(entry: string): string {
  return pathScript(entry, 'add');
}

export function removeFromUserPathScript(entry: string): string {
  return pathScript(entry, 'remove');
}

/** The script's one line of JSON. */
export const UserPathResultSchema = z.object({
  changed: z.boolean(),
  entry: z.string(),
  kind: z.string(),
});
export type UserPathResult = z.infer<typeof UserPathResultSchema>;

export function parseUserPathResult(stdout: string): UserPathResult | null {
  const line = stdout.trim().split(/\r?\n/).at(-1) ?? '';
  try {
    const parsed = UserPathResultSchema.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
