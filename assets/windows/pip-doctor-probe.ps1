<#
.SYNOPSIS
  Pip Doctor's one Windows probe: elevation, related settings, processes,
  folder access lists and lock holders, printed as ONE JSON document.

.DESCRIPTION
  Pip Doctor (electron/platform/windows/probeScript.ts) runs it once per scan:

    powershell.exe -NoProfile -NonInteractive -ExecutionPolicy Bypass -File pip-doctor-probe.ps1 <request.json>

  The request is a JSON file Pip Doctor wrote: every path arrives as data and
  is never spliced into script text. Each section answers on its own, with
  status ok | failed | skipped and an error, so one failing probe (Add-Type
  refused by policy, WMI broken, Defender absent) leaves the others' answers.

  Runs unchanged on Windows PowerShell 5.1 and PowerShell 7. Output rules,
  from the pitfalls in windows-probes.md (sections 0, 2.2 and 4.1):
  - UTF-8 without a BOM, whatever the console code page;
  - every list is built as a list, so one item is still a JSON array;
  - dates are formatted here as ISO 8601 UTC, never left to ConvertTo-Json
    (5.1 writes \/Date(ms)\/, 7 writes local time);
  - enums are written as their names, access masks as hex text;
  - account names are only a courtesy: decisions rest on SIDs, because names
    are localised (Administratoren, Jeder).
#>
param([Parameter(Mandatory = $true, Position = 0)][string]$RequestPath)

$ErrorActionPreference = 'Stop'
# Get-CimInstance draws progress records, which a redirected 5.1 host writes to stderr as CLIXML.
$ProgressPreference = 'SilentlyContinue'
[Console]::OutputEncoding = New-Object System.Text.UTF8Encoding -ArgumentList $false

$watch = [Diagnostics.Stopwatch]::StartNew()
$document = [ordered]@{
  pipDoctorWindowsProbe = 1
  powershell            = [ordered]@{
    edition = [string]$PSVersionTable.PSEdition
    version = $PSVersionTable.PSVersion.ToString()
  }
  startedAt             = [DateTime]::UtcNow.ToString('o')
  durationMs            = 0
  fatal                 = $null
  identity              = $null
  settings              = $null
  processes             = $null
  acl                   = $null
  restartManager        = $null
  loadedModules         = $null
}

# Names a SID is translated to are looked up for at most this long in total: a domain laptop
# away from its domain controller can wait seconds for each one.
$NAME_LOOKUP_BUDGET_MS = 3000
# Binaries registered with the Restart Manager per install folder (each registration is costly).
$MAX_BINARIES_PER_ROOT = 1000
# GetOwner is a WMI method call per process (tens of ms each): only for the processes shown.
$MAX_OWNER_LOOKUPS = 40
# The processes whose loaded modules are read: interpreters and the tools pip installs.
$INTERESTING_NAME = '^(python[0-9.]*w?|pythonw|py|pyw|pip[0-9.]*|jupyter.*|ipython.*|spyder.*|conda|mamba|uv|uvx)\.exe$'

function New-List { return , (New-Object 'System.Collections.Generic.List[object]') }

function Get-ErrorText($errorRecord) {
  $exception = $errorRecord.Exception
  while ($null -ne $exception.InnerException) { $exception = $exception.InnerException }
  return $exception.Message
}

# Runs one section: whatever it throws becomes that section's error, never the whole run's.
function Invoke-Section([string]$Name, [scriptblock]$Body) {
  $sectionWatch = [Diagnostics.Stopwatch]::StartNew()
  $section = [ordered]@{ status = 'ok'; error = $null; durationMs = 0 }
  try {
    $null = & $Body $section
  } catch {
    $section.status = 'failed'
    $section.error = Get-ErrorText $_
  }
  $section.durationMs = [int]$sectionWatch.ElapsedMilliseconds
  $document[$Name] = $section
}

function Skip-Section([string]$Name, [string]$Why) {
  $document[$Name] = [ordered]@{ status = 'skipped'; error = $Why; durationMs = 0 }
}

$nameLookupWatch = New-Object Diagnostics.Stopwatch
$sidNames = @{}
function Get-SidName([string]$Sid) {
  if ($sidNames.ContainsKey($Sid)) { return $sidNames[$Sid] }
  $name = $null
  if ($nameLookupWatch.ElapsedMilliseconds -lt $NAME_LOOKUP_BUDGET_MS) {
    $nameLookupWatch.Start()
    try {
      $identifier = New-Object Security.Principal.SecurityIdentifier -ArgumentList $Sid
      $name = $identifier.Translate([Security.Principal.NTAccount]).Value
    } catch {
      $name = $null
    }
    $nameLookupWatch.Stop()
  }
  $sidNames[$Sid] = $name
  return $name
}

function ConvertTo-IsoUtc($date) {
  if ($null -eq $date) { return $null }
  return ([DateTime]$date).ToUniversalTime().ToString('o')
}

# A folder with a trailing separator, so C:\Python3 never matches C:\Python312\x.
function Get-RootPrefix([string]$Path) {
  if ($Path.EndsWith('\')) { return $Path }
  return $Path + '\'
}

function Test-UnderRoot([string]$Path, $Roots) {
  if (-not $Path) { return $false }
  foreach ($root in $Roots) {
    if ($Path.StartsWith($root, [StringComparison]::OrdinalIgnoreCase)) { return $true }
  }
  return $false
}

$restartManagerSource = @'
using System;
using System.Collections.Generic;
using System.IO;
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

    public sealed class BinaryList
    {
        public List<string> Files = new List<string>();
        public bool Truncated;
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

    // The .pyd, .dll and .exe files under one install folder, walked without following links
    // (a junction back up the tree would never end) and without stopping at a folder we may not read.
    public static class InstallFiles
    {
        public static BinaryList FindBinaries(string root, int max)
        {
            BinaryList result = new BinaryList();
            Stack<string> pending = new Stack<string>();
            pending.Push(root);
            while (pending.Count > 0)
            {
                string folder = pending.Pop();
                try
                {
                    foreach (string file in Directory.GetFiles(folder))
                    {
                        string extension = Path.GetExtension(file).ToLowerInvariant();
                        if (extension != ".pyd" && extension != ".dll" && extension != ".exe") continue;
                        if (result.Files.Count >= max) { result.Truncated = true; return result; }
                        result.Files.Add(file);
                    }
                    foreach (string child in Directory.GetDirectories(folder))
                    {
                        if ((File.GetAttributes(child) & FileAttributes.ReparsePoint) != 0) continue;
                        pending.Push(child);
                    }
                }
                catch (UnauthorizedAccessException) { }
                catch (IOException) { }
            }
            return result;
        }
    }
}
'@

function Add-PipDoctorTypes {
  if (-not ('PipDoctor.RestartManager' -as [type])) {
    Add-Type -TypeDefinition $restartManagerSource -Language CSharp
  }
}

function Convert-LockQuery($query, [string]$Kind, $Paths, [int]$FileCount, [bool]$Truncated) {
  $processes = New-List
  foreach ($process in $query.Processes) {
    $processes.Add([ordered]@{
        pid         = $process.Pid
        started     = ConvertTo-IsoUtc $process.StartedUtc
        appName     = $process.AppName
        serviceName = $process.ServiceName
        appType     = $process.AppType
      })
  }
  $pathList = New-Object 'System.Collections.Generic.List[string]'
  foreach ($path in $Paths) { $pathList.Add([string]$path) }
  return [ordered]@{
    kind          = $Kind
    paths         = $pathList
    fileCount     = $FileCount
    truncated     = $Truncated
    error         = $query.Error
    rebootReasons = $query.RebootReasons
    processes     = $processes
  }
}

try {
  $requestText = [IO.File]::ReadAllText($RequestPath, [Text.Encoding]::UTF8)
  $request = ConvertFrom-Json -InputObject $requestText
  $wanted = @{}
  foreach ($name in $request.sections) { $wanted[[string]$name] = $true }
  $holderRoots = New-Object 'System.Collections.Generic.List[string]'
  foreach ($root in $request.holderRoots) { if ($root) { $holderRoots.Add((Get-RootPrefix ([string]$root))) } }
  $interpreters = @{}
  foreach ($path in $request.interpreters) { if ($path) { $interpreters[([string]$path).ToLowerInvariant()] = $true } }
  $priorityPaths = @{}
  foreach ($path in $request.priorityPaths) { if ($path) { $priorityPaths[([string]$path).ToLowerInvariant()] = $true } }

  # One process query serves three sections: the table, the module scan and the owners.
  $cimProcesses = $null
  $cimError = $null
  if ($wanted['processes'] -or $wanted['loadedModules']) {
    try {
      $cimProcesses = @(Get-CimInstance -ClassName Win32_Process -OperationTimeoutSec 20)
    } catch {
      $cimError = Get-ErrorText $_
    }
  }

  if ($wanted['identity']) {
    Invoke-Section 'identity' {
      param($s)
      $identity = [Security.Principal.WindowsIdentity]::GetCurrent()
      $principal = New-Object Security.Principal.WindowsPrincipal -ArgumentList $identity
      $administrators = New-Object Security.Principal.SecurityIdentifier -ArgumentList 'S-1-5-32-544'
      $groups = New-List
      foreach ($group in $identity.Groups) { $groups.Add([ordered]@{ sid = $group.Value; denyOnly = $false }) }
      # A split (UAC) token keeps Administrators "for deny only": WindowsIdentity lists it as a
      # claim of this type, not among Groups (.NET WindowsIdentity.AddGroupSidClaims).
      foreach ($claim in $identity.Claims) {
        if ($claim.Type -eq 'http://schemas.microsoft.com/ws/2008/06/identity/claims/denyonlysid') {
          $groups.Add([ordered]@{ sid = $claim.Value; denyOnly = $true })
        }
      }
      $s.userSid = $identity.User.Value
      $s.userName = $identity.Name
      # True only when elevated: the filtered token's Administrators group is deny-only (learn.microsoft.com IsInRole).
      $s.elevated = $principal.IsInRole($administrators)
      $s.groups = $groups
    }
  } else { Skip-Section 'identity' 'not requested' }

  if ($wanted['settings']) {
    Invoke-Section 'settings' {
      param($s)
      $notes = New-Object 'System.Collections.Generic.List[string]'
      $s.longPathsEnabled = $null
      try {
        $fileSystem = Get-ItemProperty -LiteralPath 'HKLM:\SYSTEM\CurrentControlSet\Control\FileSystem'
        # An absent value is Windows' default: off.
        $s.longPathsEnabled = ($fileSystem.LongPathsEnabled -eq 1)
      } catch {
        $notes.Add('LongPathsEnabled: ' + (Get-ErrorText $_))
      }
      # 0 off, 1 on, 2 audit only, 3 and 4 disk-sector modes; the policy key wins over the local one.
      $mode = $null
      $source = $null
      $protected = New-Object 'System.Collections.Generic.List[string]'
      $keys = @(
        'HKLM:\SOFTWARE\Policies\Microsoft\Windows Defender\Windows Defender Exploit Guard\Controlled Folder Access',
        'HKLM:\SOFTWARE\Microsoft\Windows Defender\Windows Defender Exploit Guard\Controlled Folder Access'
      )
      foreach ($key in $keys) {
        try {
          $value = (Get-ItemProperty -LiteralPath $key -Name 'EnableControlledFolderAccess').EnableControlledFolderAccess
          if ($null -ne $value) { $mode = [int]$value; $source = $key; break }
        } catch {
          $notes.Add($key + ': ' + (Get-ErrorText $_))
        }
      }
      if ($null -eq $mode) {
        try {
          $preference = Get-MpPreference
          $mode = [int]$preference.EnableControlledFolderAccess
          $source = 'Get-MpPreference'
          foreach ($folder in $preference.ControlledFolderAccessProtectedFolders) { if ($folder) { $protected.Add([string]$folder) } }
        } catch {
          $notes.Add('Get-MpPreference: ' + (Get-ErrorText $_))
        }
      }
      $s.controlledFolderAccess = $mode
      $s.controlledFolderAccessSource = $source
      $s.protectedFolders = $protected
      $s.notes = $notes
    }
  } else { Skip-Section 'settings' 'not requested' }

  if ($wanted['acl']) {
    Invoke-Section 'acl' {
      param($s)
      $items = New-List
      foreach ($path in $request.folders) {
        if (-not $path) { continue }
        $item = [ordered]@{
          path       = [string]$path
          exists     = $false
          isFolder   = $null
          attributes = $null
          owner      = $null
          ownerName  = $null
          protected  = $null
          entries    = New-List
          error      = $null
        }
        try {
          $info = Get-Item -LiteralPath $path -Force
          $item.exists = $true
          $item.isFolder = [bool]$info.PSIsContainer
          $item.attributes = $info.Attributes.ToString()
          $acl = Get-Acl -LiteralPath $path
          $item.owner = $acl.GetOwner([Security.Principal.SecurityIdentifier]).Value
          $item.ownerName = Get-SidName $item.owner
          $item.protected = [bool]$acl.AreAccessRulesProtected
          foreach ($rule in $acl.GetAccessRules($true, $true, [Security.Principal.SecurityIdentifier])) {
            $sid = $rule.IdentityReference.Value
            $item.entries.Add([ordered]@{
                sid         = $sid
                name        = Get-SidName $sid
                # Two's complement for the generic bits (0xA0000000 shows as -1610612736 otherwise).
                mask        = '0x{0:X8}' -f [int]$rule.FileSystemRights
                type        = $rule.AccessControlType.ToString()
                inherited   = [bool]$rule.IsInherited
                inheritance = $rule.InheritanceFlags.ToString()
                propagation = $rule.PropagationFlags.ToString()
              })
          }
        } catch {
          $item.error = Get-ErrorText $_
        }
        $items.Add($item)
      }
      $s.items = $items
    }
  } else { Skip-Section 'acl' 'not requested' }

  if ($wanted['restartManager'] -and ($priorityPaths.Count -gt 0 -or $holderRoots.Count -gt 0)) {
    Invoke-Section 'restartManager' {
      param($s)
      Add-PipDoctorTypes
      $queries = New-List
      # The failing paths one by one: each answer then says exactly which file a process holds.
      foreach ($path in $request.priorityPaths) {
        if (-not $path) { continue }
        $query = [PipDoctor.RestartManager]::Find([string[]]@([string]$path))
        $queries.Add((Convert-LockQuery $query 'path' @([string]$path) 1 $false))
      }
      # Each install folder's binaries in one registration, as the Restart Manager docs advise.
      foreach ($root in $request.holderRoots) {
        if (-not $root -or -not (Test-Path -LiteralPath $root -PathType Container)) { continue }
        $binaries = [PipDoctor.InstallFiles]::FindBinaries([string]$root, $MAX_BINARIES_PER_ROOT)
        if ($binaries.Files.Count -eq 0) { continue }
        $query = [PipDoctor.RestartManager]::Find($binaries.Files.ToArray())
        $queries.Add((Convert-LockQuery $query 'root' @([string]$root) $binaries.Files.Count $binaries.Truncated))
      }
      $s.queries = $queries
    }
  } elseif ($wanted['restartManager']) {
    Skip-Section 'restartManager' 'no failing path and no install folder to look at'
  } else { Skip-Section 'restartManager' 'not requested' }

  if ($wanted['loadedModules'] -and $holderRoots.Count -gt 0) {
    Invoke-Section 'loadedModules' {
      param($s)
      if ($null -ne $cimError) { throw $cimError }
      $inspected = 0
      $holding = New-List
      $uninspected = New-List
      foreach ($process in $cimProcesses) {
        $executable = [string]$process.ExecutablePath
        $interesting = ([string]$process.Name -match $INTERESTING_NAME) -or
        ($executable -and $interpreters.ContainsKey($executable.ToLowerInvariant())) -or
        (Test-UnderRoot $executable $holderRoots)
        if (-not $interesting) { continue }
        try {
          $running = [Diagnostics.Process]::GetProcessById([int]$process.ProcessId)
          $started = ConvertTo-IsoUtc $running.StartTime
          $files = New-Object 'System.Collections.Generic.List[string]'
          foreach ($module in $running.Modules) {
            $file = [string]$module.FileName
            if ((Test-UnderRoot $file $holderRoots) -or $priorityPaths.ContainsKey($file.ToLowerInvariant())) {
              $files.Add($file)
            }
          }
          $inspected++
          if ($files.Count -gt 0) {
            $holding.Add([ordered]@{ pid = [int]$process.ProcessId; started = $started; files = $files })
          }
        } catch {
          $cause = $_.Exception
          while ($null -ne $cause.InnerException) { $cause = $cause.InnerException }
          # An exited process is no holder; anything else is a process we could not look into.
          if ($cause -is [ArgumentException] -or $cause -is [InvalidOperationException]) { continue }
          $denied = ($cause -is [ComponentModel.Win32Exception] -and $cause.NativeErrorCode -eq 5) -or
          ($cause -is [UnauthorizedAccessException])
          $uninspected.Add([ordered]@{
              pid    = [int]$process.ProcessId
              name   = [string]$process.Name
              denied = [bool]$denied
              error  = $cause.Message
            })
        }
      }
      $s.inspected = $inspected
      $s.processes = $holding
      $s.uninspected = $uninspected
    }
  } elseif ($wanted['loadedModules']) {
    Skip-Section 'loadedModules' 'no install folder to look at'
  } else { Skip-Section 'loadedModules' 'not requested' }

  if ($wanted['processes']) {
    Invoke-Section 'processes' {
      param($s)
      if ($null -ne $cimError) { throw $cimError }
      # Owners only for the processes a diagnosis shows: the interpreters and whatever holds a file.
      $holderPids = @{}
      if ($document.restartManager -and $document.restartManager.status -eq 'ok') {
        foreach ($query in $document.restartManager.queries) { foreach ($p in $query.processes) { $holderPids[[int]$p.pid] = $true } }
      }
      $items = New-List
      $ownerLookups = 0
      foreach ($process in $cimProcesses) {
        $executable = [string]$process.ExecutablePath
        $item = [ordered]@{
          pid         = [int]$process.ProcessId
          ppid        = [int]$process.ParentProcessId
          name        = [string]$process.Name
          executable  = $process.ExecutablePath
          commandLine = $process.CommandLine
          created     = ConvertTo-IsoUtc $process.CreationDate
          owner       = $null
          ownerSid    = $null
        }
        $shown = ($item.name -match $INTERESTING_NAME) -or $holderPids.ContainsKey($item.pid) -or
        ($executable -and $interpreters.ContainsKey($executable.ToLowerInvariant())) -or
        (Test-UnderRoot $executable $holderRoots)
        if ($shown -and $ownerLookups -lt $MAX_OWNER_LOOKUPS) {
          $ownerLookups++
          try {
            $owner = Invoke-CimMethod -InputObject $process -MethodName GetOwner
            if ($owner.ReturnValue -eq 0) { $item.owner = if ($owner.Domain) { $owner.Domain + '\' + $owner.User } else { $owner.User } }
            $ownerSid = Invoke-CimMethod -InputObject $process -MethodName GetOwnerSid
            if ($ownerSid.ReturnValue -eq 0) { $item.ownerSid = $ownerSid.Sid }
          } catch {
            # Another user's or a protected process: its owner stays unknown, the process is still listed.
          }
        }
        $items.Add($item)
      }
      $s.items = $items
    }
  } else { Skip-Section 'processes' 'not requested' }
} catch {
  $document.fatal = Get-ErrorText $_
}

$document.durationMs = [int]$watch.ElapsedMilliseconds
[Console]::Out.Write((ConvertTo-Json -InputObject $document -Depth 12 -Compress))
[Console]::Out.Flush()
