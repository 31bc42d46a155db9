<#
  The Windows of a test: every function of assets/windows/pip-doctor-probe.ps1
  that asks Windows itself, defined again to answer from $FakeWindows, the
  machine a test describes (probeHarness.ts), in the shapes Windows gives
  (windows-probes.md): Win32_Process rows with local DateTime creation
  times, GetOwner/GetOwnerSid results with their ReturnValue, registry keys
  that throw when missing, whoami CSV lines, SDDL text, Win32 errors.
  Calls that matter to a test are recorded in $FakeCalls. Everything here
  also runs in Constrained Language Mode: hashtables, arrays and cmdlets only.
#>

function Get-FakeAnswer($Table, [string]$Key) {
  if ($null -eq $Table) { return $null }
  foreach ($property in $Table.PSObject.Properties) {
    if ($property.Name -eq $Key) { return $property.Value }
  }
  return $null
}

# A recorded failure: { "throw": message } or { "fail": "denied" | "exited" } (see probeHarness.ts).
function Invoke-FakeFailure($Answer, [string]$What) {
  if ($null -eq $Answer) { return }
  $names = @($Answer.PSObject.Properties | ForEach-Object { $_.Name })
  if ($names -contains 'throw') { throw [string]$Answer.throw }
  if ($names -contains 'fail') {
    if ($Answer.fail -eq 'denied') { throw $FakeErrors.denied }
    if ($Answer.fail -eq 'exited') {
      Write-Error -Message ('Cannot find a process with the process identifier ' + $What + '.') -Category ObjectNotFound -ErrorAction Stop
    }
    throw ('unknown failure ' + $Answer.fail)
  }
}

function ConvertTo-FakeDate($Text) {
  if ($null -eq $Text) { return $null }
  # Windows hands out local times (CIM CreationDate, Process.StartTime): parsed into this machine's zone.
  return [DateTime]::Parse([string]$Text, [Globalization.CultureInfo]::InvariantCulture, [Globalization.DateTimeStyles]::RoundtripKind)
}

function Get-WindowsProcessTable {
  Invoke-FakeFailure $FakeWindows.processTable 'table'
  foreach ($row in @($FakeWindows.processes)) {
    if ($null -eq $row) { continue }
    @{
      ProcessId       = [int]$row.ProcessId
      ParentProcessId = [int]$row.ParentProcessId
      Name            = [string]$row.Name
      ExecutablePath  = $row.ExecutablePath
      CommandLine     = $row.CommandLine
      CreationDate    = ConvertTo-FakeDate $row.CreationDate
    }
  }
}

function Get-WindowsProcessOwner($Process) {
  $FakeCalls.owners += [int]$Process.ProcessId
  $answer = Get-FakeAnswer $FakeWindows.owners ([string]$Process.ProcessId)
  Invoke-FakeFailure $answer $Process.ProcessId
  if ($null -eq $answer) {
    # GetOwner on a process that may not be opened: ReturnValue 2 (access denied), no names.
    return @{ owner = @{ ReturnValue = 2; Domain = $null; User = $null }; ownerSid = @{ ReturnValue = 2; Sid = $null } }
  }
  return @{ owner = $answer.owner; ownerSid = $answer.ownerSid }
}

function Get-WindowsProcessModules([int]$ProcessId) {
  $answer = Get-FakeAnswer $FakeWindows.modules ([string]$ProcessId)
  if ($null -eq $answer) {
    Write-Error -Message ('Cannot find a process with the process identifier ' + $ProcessId + '.') -Category ObjectNotFound -ErrorAction Stop
  }
  Invoke-FakeFailure $answer $ProcessId
  return @{ started = ConvertTo-FakeDate $answer.started; files = @($answer.files) }
}

function Get-WindowsRegistryValues([string]$Key) {
  $answer = Get-FakeAnswer $FakeWindows.registry $Key
  if ($null -eq $answer) {
    $shown = $Key -replace '^HKLM:', 'HKEY_LOCAL_MACHINE'
    Write-Error -Message ("Cannot find path '" + $shown + "' because it does not exist.") -Category ObjectNotFound -ErrorAction Stop
  }
  Invoke-FakeFailure $answer $Key
  return $answer
}

function Get-WindowsDefenderPreference {
  $answer = $FakeWindows.defender
  if ($null -eq $answer) { throw "The term 'Get-MpPreference' is not recognized as the name of a cmdlet, function, script file, or operable program." }
  Invoke-FakeFailure $answer 'defender'
  return $answer
}

function Get-WindowsTokenIdentity {
  $FakeCalls.token += 1
  if ($null -eq $FakeWindows.token) { throw 'no token described' }
  Invoke-FakeFailure $FakeWindows.token 'token'
  return $FakeWindows.token
}

function Get-WindowsSystemDirectory([bool]$Full) {
  if ($null -eq $FakeWindows.systemDirectory) { return 'C:\WINDOWS\system32' }
  return $FakeWindows.systemDirectory
}

function Get-WindowsWhoami([string[]]$Arguments) {
  Invoke-FakeFailure $FakeWindows.whoami 'whoami'
  if ($Arguments -contains '/user') { return , @($FakeWindows.whoami.user) }
  return , @($FakeWindows.whoami.groups)
}

function Get-WindowsItem([string]$Path) {
  $answer = Get-FakeAnswer $FakeWindows.items $Path
  if ($null -eq $answer) {
    Write-Error -Message ("Cannot find path '" + $Path + "' because it does not exist.") -Category ObjectNotFound -ErrorAction Stop
  }
  Invoke-FakeFailure $answer $Path
  return $answer
}

function Get-WindowsAccessRules([string]$Path) {
  $answer = Get-FakeAnswer $FakeWindows.acl $Path
  if ($null -eq $answer) { throw ("Attempted to perform an unauthorized operation.") }
  Invoke-FakeFailure $answer $Path
  return $answer
}

function Get-WindowsSddl([string]$Path) {
  $answer = Get-FakeAnswer $FakeWindows.sddl $Path
  if ($null -eq $answer) { throw ("Attempted to perform an unauthorized operation.") }
  Invoke-FakeFailure $answer $Path
  return [string]$answer
}

function Resolve-WindowsSidName([string]$Sid) {
  $FakeCalls.names += $Sid
  $answer = Get-FakeAnswer $FakeWindows.names $Sid
  if ($null -eq $answer) { throw 'Some or all identity references could not be translated.' }
  return [string]$answer
}

function Initialize-WindowsNativeCode([string]$CacheDir) {
  $FakeCalls.native += 1
  Invoke-FakeFailure $FakeWindows.native 'native'
  return 'compiled'
}

function Find-WindowsLockingProcesses([string[]]$Paths) {
  $FakeCalls.locks += , @($Paths)
  $code = 0
  $reasons = 0
  $seen = @{}
  $processes = @()
  foreach ($path in $Paths) {
    $answer = Get-FakeAnswer $FakeWindows.locks $path
    if ($null -eq $answer) { continue }
    if ($answer.error) { $code = [int]$answer.error }
    if ($answer.rebootReasons) { $reasons = $reasons -bor [int]$answer.rebootReasons }
    foreach ($process in @($answer.processes)) {
      if ($null -eq $process -or $seen.ContainsKey([int]$process.pid)) { continue }
      $seen[[int]$process.pid] = $true
      # The Restart Manager's start times are UTC (DateTime.FromFileTimeUtc).
      $processes += @{ pid = [int]$process.pid; started = (ConvertTo-FakeDate $process.started).ToUniversalTime(); appName = $process.appName; serviceName = $process.serviceName; appType = [int]$process.appType }
    }
  }
  return @{ error = $code; rebootReasons = $reasons; processes = $processes }
}
