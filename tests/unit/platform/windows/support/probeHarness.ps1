<#
  Runs assets/windows/pip-doctor-probe.ps1 as the app's bootstrap does (its
  text through Invoke-Expression, then Invoke-PipDoctorProbe with the
  request), with the Windows calls answered by fakeWindows.ps1. Reads one
  JSON document on stdin: { probe, fakes, machine, request, languageMode,
  real }. `real` names Windows functions to keep as the probe defines them.
  In ConstrainedLanguage the mode is set before any of the probe's text is
  read, as a locked-down PC would run it. The last line printed is the
  fakes' record of the calls they answered ({"fakeCalls": ...}).
#>
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
# Dates stay text, as Windows PowerShell 5.1 leaves them: the fakes turn them into DateTime themselves.
$setup = ConvertFrom-Json -InputObject ([Console]::In.ReadToEnd()) -DateKind String
$FakeWindows = $setup.machine
$FakeCalls = @{ locks = @(); owners = @(); names = @(); native = 0; token = 0 }
# Built before the language is constrained: Constrained Language may throw these, not create them.
$FakeErrors = @{ denied = New-Object ComponentModel.Win32Exception -ArgumentList 5, 'Access is denied' }
if ($setup.languageMode -eq 'ConstrainedLanguage') { $ExecutionContext.SessionState.LanguageMode = 'ConstrainedLanguage' }

Invoke-Expression -Command ([string]$setup.probe)
$kept = @{}
foreach ($name in @($setup.real)) { if ($name) { $kept[$name] = (Get-Command -Name $name -CommandType Function).ScriptBlock } }
Invoke-Expression -Command ([string]$setup.fakes)
foreach ($name in $kept.Keys) { Set-Item -Path ('function:' + $name) -Value $kept[$name] }

try {
  Invoke-PipDoctorProbe -Request $setup.request
} finally {
  ConvertTo-Json -InputObject @{ fakeCalls = $FakeCalls } -Depth 6 -Compress
}
