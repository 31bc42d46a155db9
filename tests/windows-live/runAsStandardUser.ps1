# Runs the live Windows tests as a standard (non-administrator) local user.
#
# The GitHub runner is an elevated administrator, which hides exactly what Pip
# Doctor's users meet: folders only administrators may change, processes of
# other accounts that cannot be inspected. So this script makes a local account
# that is only in Users, lets it read and write the checkout (vitest keeps a
# cache there) and runs the tests as that account through the Task Scheduler,
# which logs it on with its password (no interactive session is needed). The
# tests then see PIP_DOCTOR_EXPECT_STANDARD_USER=1 and check that the probe
# found an unelevated token. The test output and exit code come back here.
#
# Run by .github/workflows/windows.yml from the checkout's root, in Windows PowerShell 5.1 or 7.

$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'

$userName = 'pipdoctor-std'
# A fresh password each run: the account lives only as long as the runner.
$password = 'Pd-' + [Guid]::NewGuid().ToString('N') + '!a1'
$secure = ConvertTo-SecureString $password -AsPlainText -Force
$checkout = (Get-Location).Path
$work = Join-Path $env:RUNNER_TEMP 'pip-doctor-standard-user'
New-Item -ItemType Directory -Force -Path $work | Out-Null

if (Get-LocalUser -Name $userName -ErrorAction SilentlyContinue) { Remove-LocalUser -Name $userName }
$account = New-LocalUser -Name $userName -Password $secure -PasswordNeverExpires -AccountNeverExpires -Description 'Pip Doctor live tests as a standard user'
# By SID, not the localised name: S-1-5-32-545 is BUILTIN\Users in every language.
Add-LocalGroupMember -SID 'S-1-5-32-545' -Member $account
$sid = $account.SID.Value
$admins = Get-LocalGroupMember -SID 'S-1-5-32-544' | Where-Object { $_.SID.Value -eq $sid }
if ($admins) { throw "$userName must not be an administrator" }

# The Task Scheduler logs the account on as a batch job, a right Users lack on Windows Server.
$rights = Join-Path $work 'rights.inf'
& secedit.exe /export /cfg $rights /areas USER_RIGHTS | Out-Null
$policy = Get-Content -LiteralPath $rights
$line = $policy | Where-Object { $_ -like 'SeBatchLogonRight*' }
$policy = if ($line) { $policy -replace '^SeBatchLogonRight = (.*)$', "SeBatchLogonRight = `$1,*$sid" } else { $policy + "SeBatchLogonRight = *$sid" }
Set-Content -LiteralPath $rights -Value $policy -Encoding Unicode
& secedit.exe /configure /db (Join-Path $work 'rights.sdb') /cfg $rights /areas USER_RIGHTS | Out-Null
if ($LASTEXITCODE -ne 0) { throw "secedit could not give $userName the batch logon right (exit $LASTEXITCODE)" }

foreach ($folder in @($checkout, $work)) {
  & icacls.exe $folder /grant "*${sid}:(OI)(CI)M" /T /C /Q | Out-Null
  if ($LASTEXITCODE -ne 0) { throw "icacls could not grant $userName access to $folder (exit $LASTEXITCODE)" }
}

# What the test process needs from the runner's environment: node and python by absolute path.
$node = (Get-Command node.exe).Source
$log = Join-Path $work 'vitest.log'
$exitFile = Join-Path $work 'exit-code.txt'
$runner = Join-Path $work 'run-tests.cmd'
$lines = @(
  '@echo off',
  "cd /d `"$checkout`"",
  "set `"PATH=$(Split-Path $node);$env:pythonLocation;$env:SystemRoot\System32;$env:SystemRoot`"",
  "set `"pythonLocation=$env:pythonLocation`"",
  'set "PIP_DOCTOR_EXPECT_STANDARD_USER=1"',
  'set "CI=true"',
  "`"$node`" node_modules\vitest\vitest.mjs run --config tests\windows-live\vitest.config.mts > `"$log`" 2>&1",
  "echo %ERRORLEVEL%> `"$exitFile`""
)
# cmd reads its script in the console code page: the paths here are the runner's, ASCII.
Set-Content -LiteralPath $runner -Value $lines -Encoding ASCII

$taskName = 'PipDoctorLiveTestsStandardUser'
Unregister-ScheduledTask -TaskName $taskName -Confirm:$false -ErrorAction SilentlyContinue
$action = New-ScheduledTaskAction -Execute "$env:SystemRoot\System32\cmd.exe" -Argument "/d /c `"$runner`""
$settings = New-ScheduledTaskSettingsSet -ExecutionTimeLimit (New-TimeSpan -Minutes 25) -AllowStartIfOnBatteries
Register-ScheduledTask -TaskName $taskName -Action $action -Settings $settings -User $userName -Password $password -RunLevel Limited | Out-Null
Start-ScheduledTask -TaskName $taskName

$deadline = (Get-Date).AddMinutes(26)
do {
  Start-Sleep -Seconds 5
  $state = (Get-ScheduledTask -TaskName $taskName).State
} while ($state -eq 'Running' -and (Get-Date) -lt $deadline)
$lastResult = (Get-ScheduledTaskInfo -TaskName $taskName).LastTaskResult
Unregister-ScheduledTask -TaskName $taskName -Confirm:$false

if (Test-Path -LiteralPath $log) { Get-Content -LiteralPath $log } else { Write-Host "No test output: the task ended with result $lastResult" }
if (-not (Test-Path -LiteralPath $exitFile)) { throw "The tests did not run to the end as $userName (task state $state, result $lastResult)" }
$code = [int](Get-Content -LiteralPath $exitFile -Raw).Trim()
Remove-LocalUser -Name $userName
exit $code
