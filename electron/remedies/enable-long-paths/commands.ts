/** The registry value that lifts Windows' 260-character limit, as an administrator types it. */
export function enableLongPathsCommands(): string[] {
  return [
    "New-ItemProperty -Path 'HKLM:\\SYSTEM\\CurrentControlSet\\Control\\FileSystem' -Name LongPathsEnabled -Value 1 -PropertyType DWORD -Force",
  ];
}
