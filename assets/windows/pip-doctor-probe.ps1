<#
.SYNOPSIS
  Pip Doctor's one Windows probe: elevation, related settings, processes,
  folder access lists and lock holders, printed as one JSON line per section.

.DESCRIPTION
  This file only defines functions. Pip Doctor (electron/platform/windows/
  probeScript.ts) starts Windows PowerShell with a short fixed bootstrap as
  -EncodedCommand and writes this text and the request, as one JSON document,
  to its stdin; the bootstrap defines these functions with Invoke-Expression
  and calls Invoke-PipDoctorProbe with the request. Nothing is run from a
  file, so an execution policy (AllSigned set by Group Policy) does not apply,
  and every path arrives as data, never spliced into script text.

  Each section answers on its own line, as soon as it is done, with status
  ok | failed | skipped and an error, so one failing or slow part (WMI broken,
  Defender absent, a huge install folder) leaves the others' answers, and
  what arrived before a timeout is kept.

  Every call that only Windows can answer sits in a function whose name has
  the noun Windows (Get-WindowsProcessTable, Find-WindowsLockingProcesses...):
  the tests define those again with recorded answers and run everything else,
  the JSON building, the access list reading, the folder walk and the
  section output, in a real PowerShell.

  Runs unchanged on Windows PowerShell 5.1 and PowerShell 7, and in
  Constrained Language Mode (an AppLocker or WDAC policy), where .NET methods
  of most types and Add-Type are refused: there the Restart Manager section
  fails and says why, the identity comes from whoami.exe and access lists
  from their SDDL text, and everything else answers the same. Output rules,
  from windows-probes.md (sections 0, 2.2 and 4.1):
  - ASCII only: every other character is written as a \u escape, so no code
    page of the console can change it;
  - every list is built as a list, so one item is still a JSON array;
  - dates are formatted here as ISO 8601 UTC, never left to ConvertTo-Json;
  - enums are written as their names, access masks as hex text;
  - account names are only a courtesy: decisions rest on SIDs.
#>

function New-ProbeContext($Request) {
  $budgetMs = 55000
  if ($null -ne $Request.budgetMs) { $budgetMs = [int]$Request.budgetMs }
  $languageMode = [string]$ExecutionContext.SessionState.LanguageMode
  $context = @{
    request         = $Request
    languageMode    = $languageMode
    # Constrained Language refuses [Console], Add-Type and the methods of most .NET types.
    full            = ($languageMode -eq 'FullLanguage')
    startedUtc      = [DateTime]::UtcNow
    deadlineUtc     = [DateTime]::UtcNow.AddMilliseconds($budgetMs)
    sections        = @{}
    sidNames        = @{}
    nameLookupMs    = 0
    processTable    = $null
    processError    = $null
    ownerLookups    = @{}
    wanted          = @{}
    holderRoots     = @()
    interpreters    = @{}
    priorityPaths   = @{}
    # Names a SID is translated to are looked up for at most this long in total: a domain laptop
    # away from its domain controller can wait seconds for each one.
    nameLookupBudgetMs = 3000
    # Binaries registered with the Restart Manager per install folder (each registration is costly).
    maxBinariesPerRoot = 1000
    # The walk for those binaries, over all install folders; it stops early when the run's time does.
    walkBudgetMs    = 8000
    # GetOwner is a WMI method call per process (tens of ms each): only for the processes shown.
    maxOwnerLookups = 40
  }
  foreach ($name in @($Request.sections)) { if ($name) { $context.wanted[[string]$name] = $true } }
  $context.holderRoots = @(foreach ($root in @($Request.holderRoots)) { if ($root) { [string]$root } })
  foreach ($path in @($Request.interpreters)) { if ($path) { $context.interpreters[([string]$path).ToLowerInvariant()] = $true } }
  foreach ($path in @($Request.priorityPaths)) { if ($path) { $context.priorityPaths[([string]$path).ToLowerInvariant()] = $true } }
  return $context
}

# The processes whose loaded modules are read and whose owners are shown: interpreters and the tools pip installs.
$PipDoctorInterestingName = '^(python[0-9.]*w?|pythonw|py|pyw|pip[0-9.]*|jupyter.*|ipython.*|spyder.*|conda|mamba|uv|uvx)\.exe$'

function Invoke-PipDoctorProbe($Request) {
  $context = New-ProbeContext $Request
  Write-ProbeLine $context ([ordered]@{
      pipDoctorWindowsProbe = 1
      powershell            = [ordered]@{
        edition = [string]$PSVersionTable.PSEdition
        version = [string]$PSVersionTable.PSVersion
      }
      languageMode          = $context.languageMode
      startedAt             = ConvertTo-ProbeIsoUtc $context.startedUtc
    })

  # Cheap sections first, the process query next, the Restart Manager (compile, walk) last:
  # whatever a timeout cuts off is the slowest part only.
  Invoke-ProbeSection $context 'identity' 'Read-IdentitySection'
  Invoke-ProbeSection $context 'settings' 'Read-SettingsSection'
  Invoke-ProbeSection $context 'acl' 'Read-AclSection'
  Invoke-ProbeSection $context 'processes' 'Read-ProcessesSection'
  if ($context.holderRoots.Count -gt 0) {
    Invoke-ProbeSection $context 'loadedModules' 'Read-LoadedModulesSection'
  } else { Skip-ProbeSection $context 'loadedModules' 'no install folder to look at' }
  if ($context.priorityPaths.Count -gt 0 -or $context.holderRoots.Count -gt 0) {
    Invoke-ProbeSection $context 'restartManager' 'Read-RestartManagerSection'
  } else { Skip-ProbeSection $context 'restartManager' 'no failing path and no install folder to look at' }
  Write-HolderOwners $context
  Write-ProbeLine $context ([ordered]@{ durationMs = Get-ProbeElapsedMs $context })
}

# ---------------------------------------------------------------- output

# Every character outside ASCII as a \u escape (UTF-16 units, as JSON wants them).
function ConvertTo-ProbeAscii([string]$Text) {
  if ($Text -notmatch '[^\x00-\x7F]') { return $Text }
  $pieces = foreach ($piece in ($Text -split '([^\x00-\x7F])')) {
    if ($piece.Length -eq 1 -and [int][char]$piece -gt 127) { '\u{0:x4}' -f [int][char]$piece } else { $piece }
  }
  return $pieces -join ''
}

# One JSON line on stdout, flushed at once so a timeout keeps it. Constrained Language
# refuses [Console]; there the line goes down the pipeline to the host, which prints it.
function Write-ProbeLine($Context, $Record) {
  $line = ConvertTo-ProbeAscii (ConvertTo-Json -InputObject $Record -Depth 12 -Compress)
  if ($Context.full) {
    [Console]::Out.WriteLine($line)
    [Console]::Out.Flush()
  } else {
    $line
  }
}

function Get-ProbeElapsedMs($Context) {
  return [int]([DateTime]::UtcNow - $Context.startedUtc).TotalMilliseconds
}

function ConvertTo-ProbeIsoUtc($Date) {
  if ($null -eq $Date) { return $null }
  return ([DateTime]$Date).ToUniversalTime().ToString('o')
}

function Get-ProbeErrorText($ErrorRecord) {
  $exception = $ErrorRecord.Exception
  if ($null -eq $exception) { return [string]$ErrorRecord }
  while ($null -ne $exception.InnerException) { $exception = $exception.InnerException }
  return [string]$exception.Message
}

# Runs one section and prints its line: whatever it throws becomes that section's error, never the run's.
function Invoke-ProbeSection($Context, [string]$Name, [string]$Reader) {
  if (-not $Context.wanted[$Name]) {
    Skip-ProbeSection $Context $Name 'not requested'
    return
  }
  $started = [DateTime]::UtcNow
  $section = [ordered]@{ status = 'ok'; error = $null; durationMs = 0 }
  try {
    $null = & $Reader $Context $section
  } catch {
    $section.status = 'failed'
    $section.error = Get-ProbeErrorText $_
  }
  $section.durationMs = [int]([DateTime]::UtcNow - $started).TotalMilliseconds
  $Context.sections[$Name] = $section
  try {
    Write-ProbeLine $Context ([ordered]@{ $Name = $section })
  } catch {
    # An answer ConvertTo-Json refuses to write fails alone too, and the run goes on.
    $why = 'its answer could not be written: ' + (Get-ProbeErrorText $_)
    Write-ProbeLine $Context ([ordered]@{ $Name = [ordered]@{ status = 'failed'; error = $why; durationMs = $section.durationMs } })
  }
}

function Skip-ProbeSection($Context, [string]$Name, [string]$Why) {
  if (-not $Context.wanted[$Name]) { $Why = 'not requested' }
  $section = [ordered]@{ status = 'skipped'; error = $Why; durationMs = 0 }
  $Context.sections[$Name] = $section
  Write-ProbeLine $Context ([ordered]@{ $Name = $section })
}

# ---------------------------------------------------------------- paths

# A folder with a trailing separator, so C:\Python3 never matches C:\Python312\x.
function Get-ProbeRootPrefix([string]$Path) {
  if ($Path.EndsWith('\') -or $Path.EndsWith('/')) { return $Path }
  if ($Path.Contains('/') -and -not $Path.Contains('\')) { return $Path + '/' }
  return $Path + '\'
}

function Test-ProbeUnderRoot([string]$Path, $Roots) {
  if (-not $Path) { return $false }
  foreach ($root in $Roots) {
    if ($Path.StartsWith((Get-ProbeRootPrefix $root), [StringComparison]::OrdinalIgnoreCase)) { return $true }
  }
  return $false
}

# ---------------------------------------------------------------- identity

function Read-IdentitySection($Context, $Section) {
  if ($Context.full) {
    $identity = Get-WindowsTokenIdentity
    $Section.source = 'token'
  } else {
    # The token's .NET view is refused in Constrained Language; whoami.exe prints the same SIDs.
    $identity = Read-WhoamiIdentity (Get-WindowsWhoami @('/user', '/fo', 'csv', '/nh')) (Get-WindowsWhoami @('/groups', '/fo', 'csv', '/nh'))
    $Section.source = 'whoami'
  }
  if (-not ([string]$identity.userSid).StartsWith('S-1-')) { throw 'Windows gave no SID for the current user.' }
  $Section.userSid = [string]$identity.userSid
  $Section.userName = [string]$identity.userName
  $Section.elevated = [bool]$identity.elevated
  # Where Windows is, from Windows (GetSystemDirectory), not from %SystemRoot%, which the user may set:
  # the app starts PowerShell as administrator from there only when the two agree.
  try { $Section.systemDirectory = [string](Get-WindowsSystemDirectory $Context.full) } catch { $Section.systemDirectory = $null }
  $Section.groups = @(foreach ($group in @($identity.groups)) {
      [ordered]@{ sid = [string]$group.sid; denyOnly = [bool]$group.denyOnly }
    })
}

# whoami /user and /groups as CSV (windows-probes.md 3.1): names and attribute words are
# localised, SIDs are not. Elevated is the High (or System) integrity label. A group is deny-only
# when its attributes lack the word that marks an enabled group, read off Everyone's attributes
# (Mandatory group, Enabled by default, Enabled group), whatever the language.
function Read-WhoamiIdentity($UserLines, $GroupLines) {
  $user = @(@($UserLines) | Where-Object { "$_".Trim() } | ConvertFrom-Csv -Header 'name', 'sid')
  if ($user.Count -eq 0 -or -not ([string]$user[0].sid).StartsWith('S-1-')) {
    throw ('whoami /user printed no SID: ' + ((@($UserLines) -join ' ').Trim()))
  }
  $rows = @(@($GroupLines) | Where-Object { "$_".Trim() } | ConvertFrom-Csv -Header 'name', 'type', 'sid', 'attributes')
  $enabledWord = $null
  foreach ($row in $rows) {
    if ([string]$row.sid -eq 'S-1-1-0') {
      $words = @(([string]$row.attributes).Split(',') | ForEach-Object { $_.Trim() } | Where-Object { $_ })
      if ($words.Count -gt 0) { $enabledWord = $words[$words.Count - 1] }
    }
  }
  $elevated = $false
  $groups = @(foreach ($row in $rows) {
      $sid = [string]$row.sid
      if (-not $sid.StartsWith('S-1-')) { continue }
      if ($sid -eq 'S-1-16-12288' -or $sid -eq 'S-1-16-16384') { $elevated = $true }
      # Integrity labels are not groups an access entry can name.
      if ($sid.StartsWith('S-1-16-')) { continue }
      $words = @(([string]$row.attributes).Split(',') | ForEach-Object { $_.Trim() })
      $denyOnly = $false
      if ($null -ne $enabledWord) { $denyOnly = -not ($words -contains $enabledWord) }
      @{ sid = $sid; denyOnly = $denyOnly }
    })
  return @{ userSid = [string]$user[0].sid; userName = [string]$user[0].name; elevated = $elevated; groups = $groups }
}

# ---------------------------------------------------------------- settings

function Read-SettingsSection($Context, $Section) {
  $notes = @()
  $Section.longPathsEnabled = $null
  try {
    $fileSystem = Get-WindowsRegistryValues 'HKLM:\SYSTEM\CurrentControlSet\Control\FileSystem'
    # An absent value is Windows' default: off.
    $Section.longPathsEnabled = ($fileSystem.LongPathsEnabled -eq 1)
  } catch {
    $notes += 'LongPathsEnabled: ' + (Get-ProbeErrorText $_)
  }
  # 0 off, 1 on, 2 audit only, 3 and 4 disk-sector modes; the policy key wins over the local one.
  $mode = $null
  $source = $null
  $protected = @()
  $keys = @(
    'HKLM:\SOFTWARE\Policies\Microsoft\Windows Defender\Windows Defender Exploit Guard\Controlled Folder Access',
    'HKLM:\SOFTWARE\Microsoft\Windows Defender\Windows Defender Exploit Guard\Controlled Folder Access'
  )
  foreach ($key in $keys) {
    try {
      $value = (Get-WindowsRegistryValues $key).EnableControlledFolderAccess
      if ($null -ne $value) { $mode = [int]$value; $source = $key; break }
    } catch {
      $notes += $key + ': ' + (Get-ProbeErrorText $_)
    }
  }
  if ($null -eq $mode) {
    try {
      $preference = Get-WindowsDefenderPreference
      $mode = [int]$preference.EnableControlledFolderAccess
      $source = 'Get-MpPreference'
      $protected = @(foreach ($folder in @($preference.ControlledFolderAccessProtectedFolders)) { if ($folder) { [string]$folder } })
    } catch {
      $notes += 'Get-MpPreference: ' + (Get-ProbeErrorText $_)
    }
  }
  $Section.controlledFolderAccess = $mode
  $Section.controlledFolderAccessSource = $source
  $Section.protectedFolders = $protected
  $Section.notes = $notes
}

# ---------------------------------------------------------------- access lists

function Read-AclSection($Context, $Section) {
  $Section.items = @(foreach ($path in @($Context.request.folders)) {
      if ($path) { Read-ProbeAclItem $Context ([string]$path) }
    })
}

function Read-ProbeAclItem($Context, [string]$Path) {
  $item = [ordered]@{
    path       = $Path
    exists     = $false
    isFolder   = $null
    attributes = $null
    owner      = $null
    ownerName  = $null
    protected  = $null
    entries    = @()
    error      = $null
  }
  try {
    $info = Get-WindowsItem $Path
    $item.exists = $true
    $item.isFolder = [bool]$info.PSIsContainer
    $item.attributes = [string]$info.Attributes
    if ($Context.full) {
      $security = Get-WindowsAccessRules $Path
    } else {
      # GetAccessRules is refused in Constrained Language; the SDDL text of the same list is not.
      $security = ConvertFrom-ProbeSddl (Get-WindowsSddl $Path) (Get-ProbeDomainPrefix $Context)
    }
    $item.owner = $security.owner
    if ($security.owner) { $item.ownerName = Resolve-ProbeSidName $Context $security.owner }
    $item.protected = [bool]$security.protected
    $item.entries = @(foreach ($rule in @($security.rules)) {
        [ordered]@{
          sid         = [string]$rule.sid
          name        = Resolve-ProbeSidName $Context ([string]$rule.sid)
          mask        = '0x{0:X8}' -f ([long]$rule.rights -band [long]4294967295)
          type        = [string]$rule.type
          inherited   = [bool]$rule.inherited
          inheritance = [string]$rule.inheritance
          propagation = [string]$rule.propagation
        }
      })
  } catch {
    $item.error = Get-ProbeErrorText $_
  }
  return $item
}

function Resolve-ProbeSidName($Context, [string]$Sid) {
  if (-not $Sid.StartsWith('S-1-')) { return $null }
  if ($Context.sidNames.ContainsKey($Sid)) { return $Context.sidNames[$Sid] }
  $name = $null
  if ($Context.full -and $Context.nameLookupMs -lt $Context.nameLookupBudgetMs) {
    $started = [DateTime]::UtcNow
    try { $name = Resolve-WindowsSidName $Sid } catch { $name = $null }
    $Context.nameLookupMs += [int]([DateTime]::UtcNow - $started).TotalMilliseconds
  }
  $Context.sidNames[$Sid] = $name
  return $name
}

# SDDL's two-letter SID aliases (learn.microsoft.com "SID strings").
$PipDoctorSddlSids = @{
  AA = 'S-1-5-32-579'; AC = 'S-1-15-2-1'; AN = 'S-1-5-7'; AO = 'S-1-5-32-548'; AS = 'S-1-18-1'
  AU = 'S-1-5-11'; BA = 'S-1-5-32-544'; BG = 'S-1-5-32-546'; BO = 'S-1-5-32-551'; BU = 'S-1-5-32-545'
  CD = 'S-1-5-32-574'; CG = 'S-1-3-1'; CO = 'S-1-3-0'; CY = 'S-1-5-32-569'; ED = 'S-1-5-9'
  ER = 'S-1-5-32-573'; ES = 'S-1-5-32-576'; HA = 'S-1-5-32-578'; HI = 'S-1-16-12288'; IS = 'S-1-5-32-568'
  IU = 'S-1-5-4'; LS = 'S-1-5-19'; LU = 'S-1-5-32-559'; LW = 'S-1-16-4096'; ME = 'S-1-16-8192'
  MP = 'S-1-16-8448'; MS = 'S-1-5-32-577'; MU = 'S-1-5-32-558'; NO = 'S-1-5-32-556'; NS = 'S-1-5-20'
  NU = 'S-1-5-2'; OW = 'S-1-3-4'; PO = 'S-1-5-32-550'; PS = 'S-1-5-10'; PU = 'S-1-5-32-547'
  RA = 'S-1-5-32-575'; RC = 'S-1-5-12'; RD = 'S-1-5-32-555'; RE = 'S-1-5-32-552'; RM = 'S-1-5-32-580'
  RU = 'S-1-5-32-554'; SI = 'S-1-16-16384'; SO = 'S-1-5-32-549'; SS = 'S-1-18-2'; SU = 'S-1-5-6'
  SY = 'S-1-5-18'; WD = 'S-1-1-0'; WR = 'S-1-5-33'
}

# The domain-relative aliases, by the RID they stand for under the user's domain (or computer).
$PipDoctorSddlDomainRids = @{
  LA = 500; LG = 501; DA = 512; DU = 513; DG = 514; DC = 515; DD = 516; CA = 517; SA = 518
  EA = 519; PA = 520; RO = 521; CN = 522; AP = 525; KA = 526; EK = 527; RS = 553
}

# The user's domain (or computer, for a local account) as a SID prefix, from the identity section.
function Get-ProbeDomainPrefix($Context) {
  $identity = $Context.sections['identity']
  if ($null -eq $identity -or $identity.status -ne 'ok') { return $null }
  $sid = [string]$identity.userSid
  if (-not $sid.StartsWith('S-1-5-21-')) { return $null }
  return $sid.Substring(0, $sid.LastIndexOf('-'))
}

# SDDL access-right codes as mask bits (learn.microsoft.com "ACE strings"), as unsigned numbers.
$PipDoctorSddlRights = @{
  GA = [long]268435456; GX = [long]536870912; GW = [long]1073741824; GR = [long]2147483648
  SD = [long]65536; RC = [long]131072; WD = [long]262144; WO = [long]524288
  CC = [long]1; DC = [long]2; LC = [long]4; SW = [long]8; RP = [long]16; WP = [long]32; DT = [long]64
  LO = [long]128; CR = [long]256
  FA = [long]2032127; FR = [long]1179785; FW = [long]1179926; FX = [long]1179808
  KA = [long]983103; KR = [long]131097; KW = [long]131078; KX = [long]131097
}

# An access list's SDDL text (O:owner G:group D:flags(ace)(ace)...) as the same owner, protection
# and rules Get-WindowsAccessRules gives: type;flags;rights;object;inherited object;sid per entry.
function ConvertFrom-ProbeSddl([string]$Sddl, [string]$DomainPrefix) {
  $owner = $null
  if ($Sddl -match 'O:(S-1-[0-9-]+|[A-Z]{2})') { $owner = Convert-ProbeSddlSid $Matches[1] $DomainPrefix }
  # O: and G: hold a SID or an alias, neither with a colon, so the first D: opens the DACL.
  $dacl = ''
  $at = $Sddl.IndexOf('D:')
  if ($at -ge 0) {
    $dacl = $Sddl.Substring($at + 2)
    # A SACL (S:) may follow; audit entries are skipped below should one be left in.
    $sacl = $dacl.IndexOf(')S:')
    if ($sacl -ge 0) { $dacl = $dacl.Substring(0, $sacl + 1) }
  }
  $open = $dacl.IndexOf('(')
  $flags = $dacl
  if ($open -ge 0) { $flags = $dacl.Substring(0, $open) }
  $protected = ($flags -replace 'NO_ACCESS_CONTROL', '' -replace 'AI', '' -replace 'AR', '').Contains('P')
  $rules = @(foreach ($ace in (Split-ProbeSddlEntries $dacl)) {
      $rule = ConvertFrom-ProbeSddlEntry $ace $DomainPrefix
      if ($null -ne $rule) { $rule }
    })
  return @{ owner = $owner; protected = $protected; rules = $rules }
}

# The top-level (...) groups: a conditional entry carries nested parentheses of its own.
function Split-ProbeSddlEntries([string]$Dacl) {
  $depth = 0
  $start = -1
  for ($i = 0; $i -lt $Dacl.Length; $i++) {
    $c = $Dacl[$i]
    if ($c -eq '(') {
      if ($depth -eq 0) { $start = $i + 1 }
      $depth++
    } elseif ($c -eq ')') {
      $depth--
      if ($depth -eq 0 -and $start -ge 0) { $Dacl.Substring($start, $i - $start); $start = -1 }
    }
  }
}

function ConvertFrom-ProbeSddlEntry([string]$Ace, [string]$DomainPrefix) {
  $fields = $Ace.Split(';')
  if ($fields.Count -lt 6) { return $null }
  switch ($fields[0]) {
    { $_ -eq 'A' -or $_ -eq 'XA' } { $type = 'Allow' }
    { $_ -eq 'D' -or $_ -eq 'XD' } { $type = 'Deny' }
    default { return $null }
  }
  $flags = @{}
  for ($i = 0; $i + 1 -lt $fields[1].Length; $i += 2) { $flags[$fields[1].Substring($i, 2)] = $true }
  $inheritance = @()
  if ($flags['CI']) { $inheritance += 'ContainerInherit' }
  if ($flags['OI']) { $inheritance += 'ObjectInherit' }
  $propagation = @()
  if ($flags['NP']) { $propagation += 'NoPropagateInherit' }
  if ($flags['IO']) { $propagation += 'InheritOnly' }
  $rights = [long]0
  $text = $fields[2]
  if ($text -match '^0[xX][0-9a-fA-F]+$') {
    $rights = [long]$text -band [long]4294967295
  } else {
    for ($i = 0; $i + 1 -lt $text.Length; $i += 2) {
      $bits = $PipDoctorSddlRights[$text.Substring($i, 2)]
      if ($null -eq $bits) { throw ('unknown access right ' + $text.Substring($i, 2) + ' in (' + $Ace + ')') }
      $rights = $rights -bor $bits
    }
  }
  $none = 'None'
  $inheritanceText = $inheritance -join ', '
  if (-not $inheritanceText) { $inheritanceText = $none }
  $propagationText = $propagation -join ', '
  if (-not $propagationText) { $propagationText = $none }
  return @{
    sid         = Convert-ProbeSddlSid $fields[5] $DomainPrefix
    rights      = $rights
    type        = $type
    inherited   = [bool]$flags['ID']
    inheritance = $inheritanceText
    propagation = $propagationText
  }
}

function Convert-ProbeSddlSid([string]$Text, [string]$DomainPrefix) {
  if ($Text.StartsWith('S-1-')) { return $Text }
  $sid = $PipDoctorSddlSids[$Text]
  if ($null -ne $sid) { return $sid }
  $rid = $PipDoctorSddlDomainRids[$Text]
  if ($null -ne $rid -and $DomainPrefix) { return $DomainPrefix + '-' + $rid }
  # Unknown, or relative to a domain this run could not learn: kept as written.
  return $Text
}

# ---------------------------------------------------------------- processes

# One process query serves the process table, the module scan and the owners.
function Get-ProbeProcessTable($Context) {
  if ($null -eq $Context.processTable -and $null -eq $Context.processError) {
    try {
      $Context.processTable = @(Get-WindowsProcessTable)
    } catch {
      $Context.processError = Get-ProbeErrorText $_
    }
  }
  if ($null -ne $Context.processError) { throw $Context.processError }
  return , $Context.processTable
}

function Test-ProbeInteresting($Context, $Process) {
  $executable = [string]$Process.ExecutablePath
  return (([string]$Process.Name -match $PipDoctorInterestingName) -or
    ($executable -and $Context.interpreters.ContainsKey($executable.ToLowerInvariant())) -or
    (Test-ProbeUnderRoot $executable $Context.holderRoots))
}

function Read-ProcessesSection($Context, $Section) {
  $table = Get-ProbeProcessTable $Context
  $Section.items = @(foreach ($process in $table) {
      $item = [ordered]@{
        pid         = [int]$process.ProcessId
        ppid        = [int]$process.ParentProcessId
        name        = [string]$process.Name
        executable  = $null
        commandLine = $null
        created     = ConvertTo-ProbeIsoUtc $process.CreationDate
        owner       = $null
        ownerSid    = $null
      }
      if ($process.ExecutablePath) { $item.executable = [string]$process.ExecutablePath }
      if ($process.CommandLine) { $item.commandLine = [string]$process.CommandLine }
      # Owners only for the processes a diagnosis shows: the interpreters and what runs from the installs.
      if (Test-ProbeInteresting $Context $process) {
        $owner = Read-ProbeOwner $Context $process
        if ($null -ne $owner) { $item.owner = $owner.owner; $item.ownerSid = $owner.ownerSid }
      }
      $item
    })
}

function Read-ProbeOwner($Context, $Process) {
  $processId = [int]$Process.ProcessId
  if ($Context.ownerLookups.ContainsKey($processId)) { return $null }
  if ($Context.ownerLookups.Count -ge $Context.maxOwnerLookups -or [DateTime]::UtcNow -gt $Context.deadlineUtc) { return $null }
  $Context.ownerLookups[$processId] = $true
  $found = @{ owner = $null; ownerSid = $null }
  try {
    $answer = Get-WindowsProcessOwner $Process
    if ($null -ne $answer.owner -and $answer.owner.ReturnValue -eq 0) {
      if ($answer.owner.Domain) { $found.owner = [string]$answer.owner.Domain + '\' + [string]$answer.owner.User } else { $found.owner = [string]$answer.owner.User }
    }
    if ($null -ne $answer.ownerSid -and $answer.ownerSid.ReturnValue -eq 0) { $found.ownerSid = [string]$answer.ownerSid.Sid }
  } catch {
    # Another user's or a protected process: its owner stays unknown, the process is still listed.
  }
  return $found
}

# The owners of the processes only the Restart Manager named, looked up after it, on a line of their own.
function Write-HolderOwners($Context) {
  $rm = $Context.sections['restartManager']
  if ($null -eq $Context.processTable -or $null -eq $rm -or $rm.status -ne 'ok') { return }
  $holders = @{}
  foreach ($query in $rm.queries) { foreach ($process in $query.processes) { $holders[[int]$process.pid] = $true } }
  $items = @(foreach ($process in $Context.processTable) {
      if (-not $holders.ContainsKey([int]$process.ProcessId)) { continue }
      $owner = Read-ProbeOwner $Context $process
      if ($null -ne $owner) { [ordered]@{ pid = [int]$process.ProcessId; owner = $owner.owner; ownerSid = $owner.ownerSid } }
    })
  if ($items.Count -gt 0) { Write-ProbeLine $Context ([ordered]@{ owners = $items }) }
}

function Read-LoadedModulesSection($Context, $Section) {
  $table = Get-ProbeProcessTable $Context
  $inspected = 0
  $holding = @()
  $uninspected = @()
  foreach ($process in $table) {
    if (-not (Test-ProbeInteresting $Context $process)) { continue }
    try {
      $modules = Get-WindowsProcessModules ([int]$process.ProcessId)
      $files = @(foreach ($file in @($modules.files)) {
          $file = [string]$file
          if ((Test-ProbeUnderRoot $file $Context.holderRoots) -or $Context.priorityPaths.ContainsKey($file.ToLowerInvariant())) { $file }
        })
      $inspected++
      if ($files.Count -gt 0) {
        $holding += [ordered]@{ pid = [int]$process.ProcessId; started = ConvertTo-ProbeIsoUtc $modules.started; files = $files }
      }
    } catch {
      $kind = Get-ProbeFailureKind $_
      # An exited process is no holder; anything else is a process we could not look into.
      if ($kind -eq 'exited') { continue }
      $uninspected += [ordered]@{
        pid    = [int]$process.ProcessId
        name   = [string]$process.Name
        denied = ($kind -eq 'denied')
        error  = Get-ProbeErrorText $_
      }
    }
  }
  $Section.inspected = $inspected
  $Section.processes = $holding
  $Section.uninspected = $uninspected
}

# Why a process could not be read: it exited (Get-Process: ObjectNotFound; .NET: ArgumentException
# or InvalidOperationException), access was denied (Win32 error 5), or something else.
function Get-ProbeFailureKind($ErrorRecord) {
  if ([string]$ErrorRecord.CategoryInfo.Category -eq 'ObjectNotFound') { return 'exited' }
  $cause = $ErrorRecord.Exception
  while ($null -ne $cause.InnerException) { $cause = $cause.InnerException }
  if ($cause -is [ArgumentException] -or $cause -is [InvalidOperationException]) { return 'exited' }
  if (($cause -is [ComponentModel.Win32Exception] -and $cause.NativeErrorCode -eq 5) -or $cause -is [UnauthorizedAccessException]) {
    return 'denied'
  }
  return 'other'
}

# ---------------------------------------------------------------- Restart Manager

function Read-RestartManagerSection($Context, $Section) {
  if (-not $Context.full) {
    throw ('PowerShell runs in ' + $Context.languageMode + ' mode on this PC (an AppLocker or Windows Defender Application Control policy sets it), ' +
      'which does not allow the code that asks it (Add-Type). Programs that have the files open without loading them cannot be found.')
  }
  # An elevated run never loads code from a folder the unelevated user can write to.
  $useCache = ($null -ne $Context.request.cacheDir) -and ((Get-ProbeElevation $Context) -eq $false)
  $cacheDir = $null
  if ($useCache) { $cacheDir = [string]$Context.request.cacheDir }
  $Section.assembly = Initialize-WindowsNativeCode $cacheDir
  $queries = @()
  # The failing paths one by one: each answer then says exactly which file a process holds.
  foreach ($path in @($Context.request.priorityPaths)) {
    if (-not $path) { continue }
    $answer = Find-WindowsLockingProcesses @([string]$path)
    $queries += Convert-ProbeLockQuery $answer 'path' ([string]$path) 1 $null
  }
  # Each install folder's binaries in one registration, as the Restart Manager docs advise.
  $walkDeadline = [DateTime]::UtcNow.AddMilliseconds($Context.walkBudgetMs)
  if ($walkDeadline -gt $Context.deadlineUtc) { $walkDeadline = $Context.deadlineUtc }
  foreach ($root in $Context.holderRoots) {
    if (-not (Test-Path -LiteralPath $root -PathType Container)) { continue }
    $binaries = Find-ProbeBinaries $root $Context.maxBinariesPerRoot $walkDeadline
    if ($binaries.files.Count -eq 0) {
      # Out of time before the first file: say so rather than leave the folder out unmentioned.
      if ($binaries.limit -eq 'time') { $queries += Convert-ProbeLockQuery @{ error = 0; rebootReasons = 0; processes = @() } 'root' $root 0 'time' }
      continue
    }
    $answer = Find-WindowsLockingProcesses $binaries.files
    $queries += Convert-ProbeLockQuery $answer 'root' $root $binaries.files.Count $binaries.limit
  }
  $Section.queries = $queries
}

function Get-ProbeElevation($Context) {
  $identity = $Context.sections['identity']
  if ($null -ne $identity -and $identity.status -eq 'ok') { return [bool]$identity.elevated }
  try { return [bool](Get-WindowsTokenIdentity).elevated } catch { return $null }
}

function Convert-ProbeLockQuery($Answer, [string]$Kind, [string]$Path, [int]$FileCount, $Limit) {
  return [ordered]@{
    kind          = $Kind
    paths         = @($Path)
    fileCount     = $FileCount
    truncated     = ($null -ne $Limit)
    limit         = $Limit
    error         = [int]$Answer.error
    rebootReasons = [int]$Answer.rebootReasons
    processes     = @(foreach ($process in @($Answer.processes)) {
        [ordered]@{
          pid         = [int]$process.pid
          started     = ConvertTo-ProbeIsoUtc $process.started
          appName     = [string]$process.appName
          serviceName = [string]$process.serviceName
          appType     = [int]$process.appType
        }
      })
  }
}

# The .pyd, .dll and .exe files of one install folder, for the Restart Manager. The folders
# Python loads binaries from come first (site-packages, DLLs, Scripts, conda's Library\bin),
# each walked breadth first, then the rest of the install; conda's package cache (pkgs) and
# other environments (envs) are not this install's. Links are not followed (a junction back
# up the tree would never end), a folder that cannot be read is passed over, and the walk
# stops at $MaxFiles files or at $DeadlineUtc, saying which ('files' or 'time').
function Find-ProbeBinaries([string]$Root, [int]$MaxFiles, [DateTime]$DeadlineUtc) {
  $result = @{ files = @(); limit = $null }
  $skip = @{}
  foreach ($name in @('pkgs', 'envs')) { $skip[([IO.Path]::Combine($Root, $name)).ToLowerInvariant()] = $true }
  $starts = @()
  foreach ($parts in @(@('Lib', 'site-packages'), @('DLLs'), @('Scripts'), @('Library', 'bin'))) {
    $folder = $Root
    foreach ($part in $parts) { $folder = [IO.Path]::Combine($folder, $part) }
    if ([IO.Directory]::Exists($folder)) { $starts += $folder }
  }
  foreach ($start in $starts) { $skip[$start.ToLowerInvariant()] = $true }
  $starts += $Root
  $files = New-Object 'System.Collections.Generic.List[string]'
  foreach ($start in $starts) {
    $pending = New-Object 'System.Collections.Generic.Queue[string]'
    $pending.Enqueue($start)
    while ($pending.Count -gt 0) {
      if ([DateTime]::UtcNow -gt $DeadlineUtc) { $result.limit = 'time'; $result.files = $files.ToArray(); return $result }
      $folder = $pending.Dequeue()
      try {
        $entries = (New-Object IO.DirectoryInfo -ArgumentList $folder).GetFileSystemInfos()
      } catch {
        continue
      }
      # In the file system's order: NTFS keeps a folder's names sorted, so a scan walks the same way each time.
      $children = @()
      foreach ($entry in $entries) {
        $attributes = $entry.Attributes
        if (($attributes -band [IO.FileAttributes]::Directory) -ne 0) {
          if (($attributes -band [IO.FileAttributes]::ReparsePoint) -ne 0) { continue }
          if ($skip.ContainsKey($entry.FullName.ToLowerInvariant())) { continue }
          $children += $entry.FullName
          continue
        }
        $extension = $entry.Extension.ToLowerInvariant()
        if ($extension -ne '.pyd' -and $extension -ne '.dll' -and $extension -ne '.exe') { continue }
        if ($files.Count -ge $MaxFiles) { $result.limit = 'files'; $result.files = $files.ToArray(); return $result }
        $files.Add($entry.FullName)
      }
      foreach ($child in $children) { $pending.Enqueue($child) }
    }
  }
  $result.files = $files.ToArray()
  return $result
}

# ---------------------------------------------------------------- Windows
# Everything below asks Windows itself. The tests define these functions again with recorded
# answers (tests/unit/platform/windows/support/fakeWindows.ps1), in the shapes named here.

# Win32_Process rows: ProcessId, ParentProcessId, Name, ExecutablePath, CommandLine, CreationDate.
function Get-WindowsProcessTable {
  Get-CimInstance -ClassName Win32_Process -OperationTimeoutSec 20
}

# @{ owner = GetOwner's answer (ReturnValue, Domain, User); ownerSid = GetOwnerSid's (ReturnValue, Sid) }.
function Get-WindowsProcessOwner($Process) {
  $owner = Invoke-CimMethod -InputObject $Process -MethodName GetOwner
  $ownerSid = Invoke-CimMethod -InputObject $Process -MethodName GetOwnerSid
  return @{ owner = $owner; ownerSid = $ownerSid }
}

# @{ started = the process's start time; files = the paths of its loaded modules }; throws when it
# has exited or may not be read.
function Get-WindowsProcessModules([int]$ProcessId) {
  $process = Get-Process -Id $ProcessId -ErrorAction Stop
  $files = @(foreach ($module in $process.Modules) { [string]$module.FileName })
  return @{ started = $process.StartTime; files = $files }
}

# A registry key's values as properties; throws when the key does not exist.
function Get-WindowsRegistryValues([string]$Key) {
  Get-ItemProperty -LiteralPath $Key
}

# EnableControlledFolderAccess and ControlledFolderAccessProtectedFolders.
function Get-WindowsDefenderPreference {
  Get-MpPreference
}

# @{ userSid; userName; elevated; groups = @(@{ sid; denyOnly }) } of this process's token.
function Get-WindowsTokenIdentity {
  $identity = [Security.Principal.WindowsIdentity]::GetCurrent()
  $principal = New-Object Security.Principal.WindowsPrincipal -ArgumentList $identity
  $administrators = New-Object Security.Principal.SecurityIdentifier -ArgumentList 'S-1-5-32-544'
  $groups = @(foreach ($group in $identity.Groups) { @{ sid = $group.Value; denyOnly = $false } })
  # A split (UAC) token keeps Administrators "for deny only": WindowsIdentity lists it as a
  # claim of this type, not among Groups (.NET WindowsIdentity.AddGroupSidClaims).
  $groups += @(foreach ($claim in $identity.Claims) {
      if ($claim.Type -eq 'http://schemas.microsoft.com/ws/2008/06/identity/claims/denyonlysid') { @{ sid = $claim.Value; denyOnly = $true } }
    })
  return @{
    userSid  = $identity.User.Value
    userName = $identity.Name
    # True only when elevated: the filtered token's Administrators group is deny-only (learn.microsoft.com IsInRole).
    elevated = $principal.IsInRole($administrators)
    groups   = $groups
  }
}

# The System32 folder as Windows reports it (GetSystemDirectory), whatever the environment says;
# Constrained Language refuses .NET's view, where CIM's Win32_OperatingSystem gives the same folder.
function Get-WindowsSystemDirectory([bool]$Full) {
  if ($Full) { return [Environment]::SystemDirectory }
  return (Get-CimInstance -ClassName Win32_OperatingSystem).SystemDirectory
}

# The lines whoami.exe prints for these arguments.
function Get-WindowsWhoami([string[]]$Arguments) {
  $whoami = Join-Path $env:SystemRoot 'System32\whoami.exe'
  $lines = @(& $whoami @Arguments)
  if ($LASTEXITCODE -ne 0) { throw ('whoami.exe ' + ($Arguments -join ' ') + ' failed with exit code ' + $LASTEXITCODE) }
  return , $lines
}

# Get-Item's PSIsContainer and Attributes; throws when the path does not exist.
function Get-WindowsItem([string]$Path) {
  Get-Item -LiteralPath $Path -Force
}

# @{ owner = SID; protected; rules = @(@{ sid; rights (unsigned); type; inherited; inheritance; propagation }) }.
function Get-WindowsAccessRules([string]$Path) {
  $acl = Get-Acl -LiteralPath $Path
  $sidType = [Security.Principal.SecurityIdentifier]
  $rules = @(foreach ($rule in $acl.GetAccessRules($true, $true, $sidType)) {
      @{
        sid         = $rule.IdentityReference.Value
        # Two's complement for the generic bits (0xA0000000 is -1610612736 as an Int32).
        rights      = [long][int]$rule.FileSystemRights -band [long]4294967295
        type        = $rule.AccessControlType.ToString()
        inherited   = [bool]$rule.IsInherited
        inheritance = $rule.InheritanceFlags.ToString()
        propagation = $rule.PropagationFlags.ToString()
      }
    })
  return @{ owner = $acl.GetOwner($sidType).Value; protected = [bool]$acl.AreAccessRulesProtected; rules = $rules }
}

# The access list as SDDL text (a property, so Constrained Language allows it).
function Get-WindowsSddl([string]$Path) {
  [string](Get-Acl -LiteralPath $Path).Sddl
}

function Resolve-WindowsSidName([string]$Sid) {
  $identifier = New-Object Security.Principal.SecurityIdentifier -ArgumentList $Sid
  return $identifier.Translate([Security.Principal.NTAccount]).Value
}

# Makes [PipDoctor.RestartManager] available: compiled once per version of its source and of
# PowerShell's .NET into $CacheDir (Pip Doctor's cache folder) and loaded from there on later
# runs; compiled in memory when there is no cache folder or it cannot be written. Returns how.
function Initialize-WindowsNativeCode([string]$CacheDir) {
  if ('PipDoctor.RestartManager' -as [type]) { return 'loaded' }
  $source = $PipDoctorRestartManagerSource
  if ($CacheDir) {
    $sha = [Security.Cryptography.SHA256]::Create()
    $bytes = $sha.ComputeHash([Text.Encoding]::UTF8.GetBytes($source + '|' + $PSVersionTable.PSEdition + '|' + [Environment]::Version))
    $hash = ([BitConverter]::ToString($bytes) -replace '-', '').Substring(0, 16).ToLowerInvariant()
    $dll = Join-Path $CacheDir ('pip-doctor-probe-' + $hash + '.dll')
    if (Test-Path -LiteralPath $dll -PathType Leaf) {
      try {
        Add-Type -Path $dll
        if ('PipDoctor.RestartManager' -as [type]) { return 'cached' }
      } catch { }
    }
    try {
      $null = New-Item -ItemType Directory -Path $CacheDir -Force
      # Compiled aside and renamed, so a run at the same moment never loads half a file.
      $temporary = Join-Path $CacheDir ('pip-doctor-probe-' + $hash + '.' + [Guid]::NewGuid().ToString('N') + '.dll')
      Add-Type -TypeDefinition $source -Language CSharp -OutputAssembly $temporary -OutputType Library
      try { Move-Item -LiteralPath $temporary -Destination $dll -ErrorAction Stop; $temporary = $dll } catch { }
      if (-not ('PipDoctor.RestartManager' -as [type])) { Add-Type -Path $temporary }
      if ('PipDoctor.RestartManager' -as [type]) { return 'compiled' }
    } catch { }
  }
  Add-Type -TypeDefinition $source -Language CSharp
  return 'compiled in memory'
}

# @{ error = Win32 code (0 = answered); rebootReasons; processes = @(@{ pid; started; appName; serviceName; appType }) }.
function Find-WindowsLockingProcesses([string[]]$Paths) {
  $query = [PipDoctor.RestartManager]::Find($Paths)
  $processes = @(foreach ($process in $query.Processes) {
      @{ pid = $process.Pid; started = $process.StartedUtc; appName = $process.AppName; serviceName = $process.ServiceName; appType = $process.AppType }
    })
  return @{ error = $query.Error; rebootReasons = $query.RebootReasons; processes = $processes }
}

$PipDoctorRestartManagerSource = @'
using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Text;

namespace PipDoctor
{
    public sealed class LockingProcess
    {
        public int Pid;
        public DateTime StartedUtc;
        public string AppName;
        public string ServiceName;
        public int AppType;
    }

    public sealed class LockQuery
    {
        public int Error;
        public int RebootReasons;
        public List<LockingProcess> Processes = new List<LockingProcess>();
    }

    // The Restart Manager answers "which processes use these files", open or mapped as an image
    // (learn.microsoft.com restartmanager.h; the same calls as msbuild's LockCheck.cs).
    public static class RestartManager
    {
        const int CCH_RM_SESSION_KEY = 32;
        const int CCH_RM_MAX_APP_NAME = 255;
        const int CCH_RM_MAX_SVC_NAME = 63;
        const int ERROR_MORE_DATA = 234;

        [StructLayout(LayoutKind.Sequential)]
        struct RM_UNIQUE_PROCESS
        {
            public int dwProcessId;
            public System.Runtime.InteropServices.ComTypes.FILETIME ProcessStartTime;
        }

        [StructLayout(LayoutKind.Sequential, CharSet = CharSet.Unicode)]
        struct RM_PROCESS_INFO
        {
            public RM_UNIQUE_PROCESS Process;
            [MarshalAs(UnmanagedType.ByValTStr, SizeConst = CCH_RM_MAX_APP_NAME + 1)]
            public string strAppName;
            [MarshalAs(UnmanagedType.ByValTStr, SizeConst = CCH_RM_MAX_SVC_NAME + 1)]
            public string strServiceShortName;
            public int ApplicationType;
            public uint AppStatus;
            public uint TSSessionId;
            [MarshalAs(UnmanagedType.Bool)]
            public bool bRestartable;
        }

        [DllImport("rstrtmgr.dll", CharSet = CharSet.Unicode)]
        static extern int RmStartSession(out uint pSessionHandle, int dwSessionFlags, StringBuilder strSessionKey);

        [DllImport("rstrtmgr.dll")]
        static extern int RmEndSession(uint pSessionHandle);

        [DllImport("rstrtmgr.dll", CharSet = CharSet.Unicode)]
        static extern int RmRegisterResources(uint pSessionHandle, uint nFiles, string[] rgsFilenames,
            uint nApplications, RM_UNIQUE_PROCESS[] rgApplications, uint nServices, string[] rgsServiceNames);

        [DllImport("rstrtmgr.dll")]
        static extern int RmGetList(uint dwSessionHandle, out uint pnProcInfoNeeded, ref uint pnProcInfo,
            [In, Out] RM_PROCESS_INFO[] rgAffectedApps, ref uint lpdwRebootReasons);

        public static LockQuery Find(string[] paths)
        {
            LockQuery result = new LockQuery();
            uint session;
            // Filled with NULs first: RmStartSession does not always terminate the key (oldnewthing 2012/02/17).
            StringBuilder key = new StringBuilder(new string('\0', CCH_RM_SESSION_KEY + 1));
            int code = RmStartSession(out session, 0, key);
            if (code != 0) { result.Error = code; return result; }
            try
            {
                code = RmRegisterResources(session, (uint)paths.Length, paths, 0, null, 0, null);
                if (code != 0) { result.Error = code; return result; }
                uint needed = 0;
                uint count = 0;
                uint reasons = 0;
                RM_PROCESS_INFO[] infos = new RM_PROCESS_INFO[0];
                // The list can grow between two calls; msbuild retries the same way.
                for (int attempt = 0; attempt < 6; attempt++)
                {
                    code = RmGetList(session, out needed, ref count, infos, ref reasons);
                    if (code != ERROR_MORE_DATA) break;
                    count = needed + 4;
                    infos = new RM_PROCESS_INFO[count];
                }
                if (code != 0) { result.Error = code; return result; }
                result.RebootReasons = (int)reasons;
                for (int i = 0; i < count; i++)
                {
                    RM_PROCESS_INFO info = infos[i];
                    long ticks = ((long)(uint)info.Process.ProcessStartTime.dwHighDateTime << 32)
                        | (uint)info.Process.ProcessStartTime.dwLowDateTime;
                    LockingProcess process = new LockingProcess();
                    process.Pid = info.Process.dwProcessId;
                    process.StartedUtc = DateTime.FromFileTimeUtc(ticks);
                    process.AppName = info.strAppName;
                    process.ServiceName = info.strServiceShortName;
                    process.AppType = info.ApplicationType;
                    result.Processes.Add(process);
                }
            }
            finally
            {
                RmEndSession(session);
            }
            return result;
        }
    }
}
'@
