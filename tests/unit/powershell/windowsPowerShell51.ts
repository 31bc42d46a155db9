import type { CommandFacts, ScriptFacts } from './scriptFacts';

/**
 * What Windows PowerShell 5.1 cannot run, judged from the facts PowerShell 7's
 * parser reports (scriptFacts.ps1). PowerShell 7 parses everything 5.1 does
 * and more, so a text that parses here may still be refused there; these
 * rules close that gap for what the app's PowerShell uses.
 *
 * Every table cites Microsoft's own docs, MicrosoftDocs/PowerShell-Docs at
 * commit 27138b21b41de3e2b43cfcac4a56861ca419d5eb (2026-08-20), as DOCS/<path>
 * (the source of learn.microsoft.com/powershell). Cmdlets are checked against
 * an allow-list of their 5.1 parameters, so a parameter 5.1 lacks is refused
 * even when no table below names it; a cmdlet nobody reviewed is refused too.
 */

/** Syntax PowerShell 6 or 7 added, by the name scriptFacts.ps1 reports it under. */
export const SYNTAX_SINCE_6: Readonly<Record<string, string>> = {
  ternary:
    'the ternary operator `a ? b : c` (PowerShell 7.0: DOCS/reference/7.6/Microsoft.PowerShell.Core/About/about_If.md, "Using the ternary operator syntax")',
  'pipeline-chain':
    'the pipeline chain operators `&&` and `||` (PowerShell 7: DOCS/reference/7.6/Microsoft.PowerShell.Core/About/about_Pipeline_Chain_Operators.md, "Beginning in PowerShell 7")',
  'null-coalescing':
    'the null-coalescing operator `??` (DOCS/reference/docs-conceptual/whats-new/differences-from-windows-powershell.md, "Language changes")',
  'null-coalescing-assignment':
    'the null-coalescing assignment operator `??=` (DOCS/reference/docs-conceptual/whats-new/differences-from-windows-powershell.md, "Language changes")',
  'null-conditional-member':
    'the null-conditional member access `?.` (PowerShell 7.1: DOCS/reference/7.6/Microsoft.PowerShell.Core/About/about_Operators.md, "Null-conditional operators")',
  'null-conditional-index':
    'the null-conditional index `?[]` (PowerShell 7.1: DOCS/reference/7.6/Microsoft.PowerShell.Core/About/about_Operators.md, "Null-conditional operators")',
  'clean-block':
    'a `clean {}` block (PowerShell 7.3: DOCS/reference/7.6/Microsoft.PowerShell.Core/About/about_Functions_Advanced_Methods.md, "The clean block was added in PowerShell 7.3")',
  'background-operator':
    'the background operator `&` at the end of a pipeline (DOCS/reference/docs-conceptual/whats-new/differences-from-windows-powershell.md, "Added & operator for job control"); 5.1 refuses the `&`',
  'replace-scriptblock':
    '`-replace` with a script block (DOCS/reference/7.6/Microsoft.PowerShell.Core/About/about_Comparison_Operators.md, "In PowerShell 6 and later, the -replace operator also accepts a scriptblock")',
  'escape-since-6':
    'the escapes `` `e `` and `` `u{…} `` in a double-quoted string (PowerShell 6.0: DOCS/reference/7.6/Microsoft.PowerShell.Core/About/about_Special_Characters.md); 5.1 prints them as they are',
};

/** Cmdlets that do not exist in 5.1 (each page: "This cmdlet was introduced in PowerShell 6.x/7.x"). */
export const CMDLETS_SINCE_6: Readonly<Record<string, string>> = {
  'Test-Json': 'DOCS/reference/7.6/Microsoft.PowerShell.Utility/Test-Json.md',
  'Get-Error': 'DOCS/reference/7.6/Microsoft.PowerShell.Utility/Get-Error.md',
  'Join-String': 'PowerShell 6.2: DOCS/reference/7.6/Microsoft.PowerShell.Utility/Join-String.md',
  'Get-Uptime': 'PowerShell 6.0: DOCS/reference/7.6/Microsoft.PowerShell.Utility/Get-Uptime.md',
  'Remove-Alias': 'PowerShell 6.0: DOCS/reference/7.6/Microsoft.PowerShell.Utility/Remove-Alias.md',
  'Remove-Service':
    'PowerShell 6.0: DOCS/reference/7.6/Microsoft.PowerShell.Management/Remove-Service.md',
  'Get-SecureRandom': 'DOCS/reference/7.6/Microsoft.PowerShell.Utility/Get-SecureRandom.md',
  'ConvertFrom-Markdown':
    'PowerShell 6.1: DOCS/reference/7.6/Microsoft.PowerShell.Utility/ConvertFrom-Markdown.md',
  'ConvertTo-CliXml':
    'PowerShell 7.5: DOCS/reference/7.6/Microsoft.PowerShell.Utility/ConvertTo-CliXml.md',
  'ConvertFrom-CliXml':
    'PowerShell 7.5: DOCS/reference/7.6/Microsoft.PowerShell.Utility/ConvertFrom-CliXml.md',
};

/**
 * Parameters PowerShell 6 or 7 added to cmdlets 5.1 has: the 7.6 page's
 * parameter, absent from the 5.1 page, with the "introduced in" line where the
 * page has one. The allow-list below refuses them anyway for the cmdlets it
 * covers; this table gives the reason, and covers cmdlets the app does not use yet.
 */
const MGMT = 'DOCS/reference/7.6/Microsoft.PowerShell.Management';
const UTIL = 'DOCS/reference/7.6/Microsoft.PowerShell.Utility';
const CORE = 'DOCS/reference/7.6/Microsoft.PowerShell.Core';
export const PARAMETERS_SINCE_6: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'Get-Content': {
    AsByteStream: `PowerShell 6.0 (${MGMT}/Get-Content.md; replaces -Encoding Byte)`,
  },
  'Set-Content': { AsByteStream: `PowerShell 6.0 (${MGMT}/Set-Content.md)` },
  'Add-Content': { AsByteStream: `PowerShell 6.0 (${MGMT}/Add-Content.md)` },
  'ConvertFrom-Json': {
    AsHashtable: `PowerShell 6.0 (${UTIL}/ConvertFrom-Json.md)`,
    Depth: `PowerShell 6.2 (${UTIL}/ConvertFrom-Json.md)`,
    NoEnumerate: `PowerShell 6 or later (${UTIL}/ConvertFrom-Json.md; absent from the 5.1 page)`,
    DateKind: `PowerShell 7.5 (${UTIL}/ConvertFrom-Json.md)`,
  },
  'ConvertTo-Json': {
    AsArray: `PowerShell 6 or later (${UTIL}/ConvertTo-Json.md; absent from the 5.1 page)`,
    EnumsAsStrings: `PowerShell 6 or later (${UTIL}/ConvertTo-Json.md; absent from the 5.1 page)`,
    EscapeHandling: `PowerShell 6.2 (${UTIL}/ConvertTo-Json.md)`,
  },
  'Join-Path': {
    AdditionalChildPath: `PowerShell 6.0 (${MGMT}/Join-Path.md)`,
  },
  'Split-Path': {
    Extension: `PowerShell 6.0 (${MGMT}/Split-Path.md)`,
    LeafBase: `PowerShell 6.0 (${MGMT}/Split-Path.md)`,
  },
  'Get-ChildItem': { FollowSymlink: `PowerShell 6.0 (${MGMT}/Get-ChildItem.md)` },
  'Start-Process': {
    Environment: `PowerShell 7.4 (${MGMT}/Start-Process.md)`,
    WhatIf: `PowerShell 6.0 (${MGMT}/Start-Process.md)`,
  },
  'Select-Object': {
    SkipIndex: `PowerShell 6.0 (${UTIL}/Select-Object.md)`,
    CaseInsensitive: `PowerShell 7.4 (${UTIL}/Select-Object.md)`,
  },
  'ForEach-Object': {
    Parallel: `PowerShell 7.0 (${CORE}/ForEach-Object.md)`,
    ThrottleLimit: `PowerShell 7.0 (${CORE}/ForEach-Object.md)`,
    TimeoutSeconds: `PowerShell 7.0 (${CORE}/ForEach-Object.md)`,
    AsJob: `PowerShell 7.0 (${CORE}/ForEach-Object.md)`,
    UseNewRunspace: `PowerShell 7.1 (${CORE}/ForEach-Object.md)`,
  },
  'Where-Object': { Not: `PowerShell 6.1 (${CORE}/Where-Object.md)` },
  'Invoke-WebRequest': {
    SkipCertificateCheck: `PowerShell 6.0 (${UTIL}/Invoke-WebRequest.md)`,
    SkipHttpErrorCheck: `PowerShell 7 (${UTIL}/Invoke-WebRequest.md)`,
    Authentication: `PowerShell 6.0 (${UTIL}/Invoke-WebRequest.md)`,
    Form: `PowerShell 6.1 (${UTIL}/Invoke-WebRequest.md)`,
    Resume: `PowerShell 6.1 (${UTIL}/Invoke-WebRequest.md)`,
  },
  'Invoke-RestMethod': {
    SkipCertificateCheck: `PowerShell 6.0 (${UTIL}/Invoke-RestMethod.md)`,
    StatusCodeVariable: `PowerShell 7 (${UTIL}/Invoke-RestMethod.md)`,
  },
  'Sort-Object': {
    Top: `PowerShell 6.0 (${UTIL}/Sort-Object.md)`,
    Bottom: `PowerShell 6.0 (${UTIL}/Sort-Object.md)`,
    Stable: `PowerShell 6.2 (${UTIL}/Sort-Object.md)`,
  },
  'Get-Date': {
    AsUTC: `PowerShell 7.1 (${UTIL}/Get-Date.md)`,
    UnixTimeSeconds: `PowerShell 7.1 (${UTIL}/Get-Date.md)`,
  },
  'Out-String': { NoNewline: `PowerShell 6.0 (${UTIL}/Out-String.md)` },
  'Select-String': {
    Raw: `PowerShell 7 (${UTIL}/Select-String.md)`,
    NoEmphasis: `PowerShell 7 (${UTIL}/Select-String.md)`,
  },
  'Resolve-Path': {
    RelativeBasePath: `PowerShell 7.4 (${MGMT}/Resolve-Path.md)`,
  },
  'Wait-Process': { Any: `PowerShell 7.4 (${MGMT}/Wait-Process.md)` },
  'Tee-Object': { Encoding: `PowerShell 7.2 (${UTIL}/Tee-Object.md)` },
  'Start-Job': { WorkingDirectory: `PowerShell 7 (${CORE}/Start-Job.md)` },
  'Get-Random': {
    Shuffle: `PowerShell 6 or later (${UTIL}/Get-Random.md; absent from the 5.1 page)`,
  },
  'Start-Sleep': { Duration: `PowerShell 7.3 (${UTIL}/Start-Sleep.md)` },
  'Test-Connection': {
    TargetName: `PowerShell 6 or later (${MGMT}/Test-Connection.md; absent from the 5.1 page)`,
  },
};

/** -ProgressAction (proga) came with PowerShell 7.4: DOCS/reference/7.6/Microsoft.PowerShell.Core/About/about_CommonParameters.md. */
const COMMON_PARAMETERS_SINCE_6 = new Map([
  ['progressaction', 'PowerShell 7.4 (about_CommonParameters.md)'],
  ['proga', 'PowerShell 7.4 (about_CommonParameters.md)'],
]);

/** The common parameters 5.1 has, with their aliases (DOCS/reference/5.1/Microsoft.PowerShell.Core/About/about_CommonParameters.md). */
const COMMON_PARAMETERS_51 =
  'Debug(db) ErrorAction(ea) ErrorVariable(ev) InformationAction(infa) InformationVariable(iv) OutBuffer(ob) OutVariable(ov) PipelineVariable(pv) Verbose(vb) WarningAction(wa) WarningVariable(wv)';

/**
 * The parameters 5.1 has, of every cmdlet the app's PowerShell uses (and of
 * the ones the tables above name), as DOCS/reference/5.1/<module>/<cmdlet>.md
 * lists them: each `### -Name` section, written `Name`, with `!` for a
 * switch, `@n` for its position, `(a,b)` for its aliases and `{x,y}` for its
 * "Accepted values". Sections whose own text says "This parameter was
 * introduced in PowerShell 6.0" (Get-ChildItem -FollowSymlink) are left out.
 * `...` marks a cmdlet that takes any number of positional arguments.
 */
const WINDOWS_POWERSHELL_51: Readonly<
  Record<string, readonly [module: string, parameters: string]>
> = {
  'New-Object': [
    'Microsoft.PowerShell.Utility',
    'ArgumentList@1(Args) ComObject@0 Property Strict! TypeName@0',
  ],
  'Add-Type': [
    'Microsoft.PowerShell.Utility',
    'AssemblyName(AN) CodeDomProvider(Provider) CompilerParameters(CP) IgnoreWarnings! Language{CSharp,CSharpVersion2,CSharpVersion3,JScript,VisualBasic} LiteralPath(PSPath) MemberDefinition@1 Name@0 Namespace(NS) OutputAssembly(OA) OutputType(OT){ConsoleApplication,Library,WindowsApplication} PassThru! Path@0 ReferencedAssemblies(RA) TypeDefinition@0 UsingNamespace(Using)',
  ],
  'ConvertFrom-Json': ['Microsoft.PowerShell.Utility', 'InputObject@0'],
  'ConvertTo-Json': ['Microsoft.PowerShell.Utility', 'Compress! Depth InputObject@0'],
  'Get-CimInstance': [
    'CimCmdlets',
    'CimSession ClassName@0 ComputerName(CN,ServerName) Filter InputObject@0(CimInstance) KeyOnly! Namespace OperationTimeoutSec(OT) Property(SelectProperties) Query QueryDialect ResourceUri Shallow!',
  ],
  'Invoke-CimMethod': [
    'CimCmdlets',
    'Arguments@1 CimClass@0 CimSession ClassName@0(Class) ComputerName(CN,ServerName) InputObject@0(CimInstance) MethodName@2(Name) Namespace OperationTimeoutSec(OT) Query QueryDialect ResourceUri Confirm!(cf) WhatIf!(wi)',
  ],
  'Get-ItemProperty': [
    'Microsoft.PowerShell.Management',
    'Credential Exclude Filter Include LiteralPath(PSPath) Name@1(PSProperty) Path@0 UseTransaction!(usetx)',
  ],
  'Get-Item': [
    'Microsoft.PowerShell.Management',
    'CodeSigningCert! Credential DnsName DocumentEncryptionCert! Eku Exclude ExpiringInDays Filter Force! Include LiteralPath(PSPath) Path@0 SSLServerAuthentication! Stream UseTransaction!(usetx)',
  ],
  'Test-Path': [
    'Microsoft.PowerShell.Management',
    'Credential Exclude Filter Include IsValid! LiteralPath(PSPath) NewerThan OlderThan Path@0 PathType(Type){Any,Container,Leaf} UseTransaction!(usetx)',
  ],
  'Join-Path': [
    'Microsoft.PowerShell.Management',
    'ChildPath@1 Credential Path@0(PSPath) Resolve! UseTransaction!(usetx)',
  ],
  'Start-Process': [
    'Microsoft.PowerShell.Management',
    'ArgumentList@1(Args) Credential(RunAs) FilePath@0(PSPath) LoadUserProfile!(Lup) NoNewWindow!(nnw) PassThru! RedirectStandardError(RSE) RedirectStandardInput(RSI) RedirectStandardOutput(RSO) UseNewEnvironment! Verb Wait! WindowStyle{Normal,Hidden,Minimized,Maximized} WorkingDirectory',
  ],
  'Stop-Process': [
    'Microsoft.PowerShell.Management',
    'Force! Id@0 InputObject@0 Name(ProcessName) PassThru! Confirm!(cf) WhatIf!(wi)',
  ],
  'New-ItemProperty': [
    'Microsoft.PowerShell.Management',
    'Credential Exclude Filter Force! Include LiteralPath(PSPath) Name@1(PSProperty) Path@0 PropertyType(Type) UseTransaction!(usetx) Value Confirm!(cf) WhatIf!(wi)',
  ],
  'New-Item': [
    'Microsoft.PowerShell.Management',
    'ApplicationName Authentication CertificateThumbprint ConnectionURI Credential Force! ItemType(Type) Name Options OptionSet(OS) Path@0 Port SessionOption(SO) UseSSL! UseTransaction!(usetx) Value(Target) Confirm!(cf) WhatIf!(wi)',
  ],
  'Remove-Item': [
    'Microsoft.PowerShell.Management',
    'Credential DeleteKey! Exclude Filter Force! Include LiteralPath(PSPath) Path@0 Recurse! Stream UseTransaction!(usetx) Confirm!(cf) WhatIf!(wi)',
  ],
  'Get-Acl': [
    'Microsoft.PowerShell.Security',
    'AllCentralAccessPolicies! Audit! Exclude Filter Include InputObject LiteralPath(PSPath) Path@1 UseTransaction!(usetx)',
  ],
  'Set-ExecutionPolicy': [
    'Microsoft.PowerShell.Security',
    'ExecutionPolicy@0{AllSigned,Bypass,Default,RemoteSigned,Restricted,Undefined,Unrestricted} Force! Scope@1{CurrentUser,LocalMachine,MachinePolicy,Process,UserPolicy} Confirm!(cf) WhatIf!(wi)',
  ],
  'Where-Object': [
    'Microsoft.PowerShell.Core',
    'CContains! CEQ! CGE! CGT! CIn! CLE! CLike! CLT! CMatch! CNE! CNotContains! CNotIn! CNotLike! CNotMatch! Contains!(IContains) EQ!(IEQ) FilterScript@0 GE!(IGE) GT!(IGT) In!(IIn) InputObject Is! IsNot! LE!(ILE) Like!(ILike) LT!(ILT) Match!(IMatch) NE!(INE) NotContains!(INotContains) NotIn!(INotIn) NotLike!(INotLike) NotMatch!(INotMatch) Property@0 Value@1',
  ],
  'Out-Null': ['Microsoft.PowerShell.Core', 'InputObject'],
  'Get-Content': [
    'Microsoft.PowerShell.Management',
    'Credential Delimiter Encoding{ASCII,BigEndianUnicode,BigEndianUTF32,Byte,Default,OEM,String,Unicode,Unknown,UTF7,UTF8,UTF32} Exclude Filter Force! Include LiteralPath(PSPath) Path@0 Raw! ReadCount Stream Tail(Last) TotalCount(First,Head) UseTransaction!(usetx) Wait!',
  ],
  'Set-Content': [
    'Microsoft.PowerShell.Management',
    'Credential Encoding{ASCII,BigEndianUnicode,BigEndianUTF32,Byte,Default,OEM,String,Unicode,Unknown,UTF7,UTF8,UTF32} Exclude Filter Force! Include LiteralPath(PSPath) NoNewline! PassThru! Path@0 Stream UseTransaction!(usetx) Value@1 Confirm!(cf) WhatIf!(wi)',
  ],
  'Add-Content': [
    'Microsoft.PowerShell.Management',
    'Credential Encoding{ASCII,BigEndianUnicode,BigEndianUTF32,Byte,Default,OEM,String,Unicode,Unknown,UTF7,UTF8,UTF32} Exclude Filter Force! Include LiteralPath(PSPath) NoNewline! PassThru! Path@0 Stream UseTransaction!(usetx) Value@1 Confirm!(cf) WhatIf!(wi)',
  ],
  'Out-File': [
    'Microsoft.PowerShell.Utility',
    'Append! Encoding@1{ASCII,BigEndianUnicode,Default,OEM,String,Unicode,Unknown,UTF7,UTF8,UTF32} FilePath@0 Force! InputObject LiteralPath(PSPath) NoClobber!(NoOverwrite) NoNewline! Width Confirm!(cf) WhatIf!(wi)',
  ],
  'Split-Path': [
    'Microsoft.PowerShell.Management',
    'Credential IsAbsolute! Leaf! LiteralPath(PSPath) NoQualifier! Parent! Path@0 Qualifier!@1 Resolve! UseTransaction!(usetx)',
  ],
  'Get-ChildItem': [
    'Microsoft.PowerShell.Management',
    'Attributes{Archive,Compressed,Device,Directory,Encrypted,Hidden,IntegrityStream,Normal,NoScrubData,NotContentIndexed,Offline,ReadOnly,ReparsePoint,SparseFile,System,Temporary} CodeSigningCert! Depth Directory!(ad,d) DnsName DocumentEncryptionCert! Eku Exclude ExpiringInDays File!(af) Filter@1 Force! Hidden!(ah,h) Include LiteralPath(PSPath) Name! Path@0 ReadOnly!(ar) Recurse!(s) SSLServerAuthentication! System!(as) UseTransaction!(usetx)',
  ],
  'Select-Object': [
    'Microsoft.PowerShell.Utility',
    'ExcludeProperty ExpandProperty First Index InputObject Last Property@0 Skip SkipLast Unique! Wait!',
  ],
  // -Process takes the remaining script blocks too (RemainingScripts): `ForEach-Object {a} {b} {c}`.
  'ForEach-Object': [
    'Microsoft.PowerShell.Core',
    'ArgumentList(Args) Begin End InputObject MemberName@0 Process@0 RemainingScripts Confirm!(cf) WhatIf!(wi) ...',
  ],
  'Invoke-WebRequest': [
    'Microsoft.PowerShell.Utility',
    'Body Certificate CertificateThumbprint ContentType Credential DisableKeepAlive! Headers InFile MaximumRedirection Method{Default,Get,Head,Post,Put,Delete,Trace,Options,Merge,Patch} OutFile PassThru! Proxy ProxyCredential ProxyUseDefaultCredentials! SessionVariable(SV) TimeoutSec TransferEncoding{chunked,compress,deflate,gzip,identity} Uri@0 UseBasicParsing! UseDefaultCredentials! UserAgent WebSession',
  ],
  'Invoke-Expression': ['Microsoft.PowerShell.Utility', 'Command@0'],
  'ConvertFrom-Csv': [
    'Microsoft.PowerShell.Utility',
    'Delimiter@1 Header InputObject@0 UseCulture!',
  ],
  'Sort-Object': [
    'Microsoft.PowerShell.Utility',
    'CaseSensitive! Culture Descending! InputObject Property@0 Unique!',
  ],
  'Get-Process': [
    'Microsoft.PowerShell.Management',
    'ComputerName(Cn) FileVersionInfo!(FV,FVI) Id(PID) IncludeUserName! InputObject Module! Name@0(ProcessName)',
  ],
  'Move-Item': [
    'Microsoft.PowerShell.Management',
    'Credential Destination@1 Exclude Filter Force! Include LiteralPath(PSPath) PassThru! Path@0 UseTransaction!(usetx) Confirm!(cf) WhatIf!(wi)',
  ],
  // Windows' Defender module, not PowerShell's (MicrosoftDocs/windows-powershell-docs,
  // docset/winserver2022-ps/defender/Get-MpPreference.md); the probe calls it without parameters.
  'Get-MpPreference': ['Defender', 'AsJob! CimSession ThrottleLimit'],
};

/** Built-in aliases of Windows PowerShell 5.1 for the cmdlets above (`Get-Alias` there lists them). */
const CMDLET_ALIASES: Readonly<Record<string, string>> = {
  '%': 'ForEach-Object',
  foreach: 'ForEach-Object',
  '?': 'Where-Object',
  where: 'Where-Object',
  select: 'Select-Object',
  gc: 'Get-Content',
  cat: 'Get-Content',
  type: 'Get-Content',
  sc: 'Set-Content',
  ac: 'Add-Content',
  gci: 'Get-ChildItem',
  ls: 'Get-ChildItem',
  dir: 'Get-ChildItem',
  gi: 'Get-Item',
  gp: 'Get-ItemProperty',
  ni: 'New-Item',
  ri: 'Remove-Item',
  rm: 'Remove-Item',
  del: 'Remove-Item',
  rd: 'Remove-Item',
  rmdir: 'Remove-Item',
  erase: 'Remove-Item',
  saps: 'Start-Process',
  start: 'Start-Process',
  spps: 'Stop-Process',
  kill: 'Stop-Process',
  iwr: 'Invoke-WebRequest',
  curl: 'Invoke-WebRequest',
  wget: 'Invoke-WebRequest',
  gcim: 'Get-CimInstance',
  icim: 'Invoke-CimMethod',
};

/** Programs the shown commands call by name (on Windows they are .exe files on PATH). */
const NATIVE_PROGRAMS = new Set(['icacls', 'pipx', 'taskkill', 'reg', 'where.exe', 'py', 'python']);

/**
 * Static .NET members the app's PowerShell uses, each present in .NET
 * Framework 4.5 (learn.microsoft.com/dotnet/api, "Applies to .NET Framework
 * 4.5"), which every Windows PowerShell 5.1 runs on; the PipDoctor types are
 * the app's own, compiled by Add-Type in the same script. Anything else is
 * refused until someone checks it.
 */
const NET_FRAMEWORK_STATIC_MEMBERS = new Set(
  [
    'BitConverter::ToString',
    'Console::Error',
    'Console::Out',
    'Console::OutputEncoding',
    'DateTime::UtcNow',
    'Diagnostics.Process::GetProcessById',
    'Diagnostics.Process::Start',
    'Diagnostics.Stopwatch::StartNew',
    'Environment::ExpandEnvironmentVariables',
    // Reads the known folder from the registry, where %ProgramData% is the user's to set.
    'Environment::GetFolderPath',
    'Environment::SystemDirectory',
    'Environment::Version',
    'Globalization.CultureInfo::CurrentCulture',
    'Guid::NewGuid',
    'IO.Directory::Exists',
    // The overload with a DirectorySecurity is .NET Framework's (2.0 and later), not .NET Core's.
    'IO.Directory::CreateDirectory',
    'IO.File::Delete',
    'IO.File::Exists',
    'IO.File::ReadAllBytes',
    'IO.FileAttributes::Directory',
    'IO.FileAttributes::ReparsePoint',
    'IO.File::ReadAllText',
    'IO.File::WriteAllText',
    'Microsoft.Win32.Registry::CurrentUser',
    'Microsoft.Win32.RegistryValueKind::ExpandString',
    'Microsoft.Win32.RegistryValueOptions::DoNotExpandEnvironmentNames',
    'IO.Path::Combine',
    'Security.Cryptography.SHA256::Create',
    'Security.Principal.WindowsIdentity::GetCurrent',
    'StringComparison::OrdinalIgnoreCase',
    'Text.Encoding::GetEncoding',
    'Text.Encoding::UTF8',
    // `::new` is PowerShell 5.0 syntax (DOCS/reference/5.1/Microsoft.PowerShell.Core/About/about_Classes.md).
    'Text.UTF8Encoding::new',
    'UIntPtr::Zero',
  ].map((member) => member.toLowerCase()),
);

/** Members .NET Core added that a script might reach for: named, so the refusal says why. */
export const NET_CORE_ONLY_MEMBERS: Readonly<Record<string, string>> = {
  'io.path::getrelativepath':
    '.NET Core 2.0 (learn.microsoft.com/dotnet/api/system.io.path.getrelativepath)',
  'io.path::join': '.NET Core 2.1 (learn.microsoft.com/dotnet/api/system.io.path.join)',
  'convert::tohexstring': '.NET 5 (learn.microsoft.com/dotnet/api/system.convert.tohexstring)',
  'environment::processid': '.NET 5 (learn.microsoft.com/dotnet/api/system.environment.processid)',
  'operatingsystem::iswindows':
    '.NET 5 (learn.microsoft.com/dotnet/api/system.operatingsystem.iswindows)',
  'io.file::readalltextasync':
    '.NET Core 2.0 (learn.microsoft.com/dotnet/api/system.io.file.readalltextasync)',
  'io.directory::createsymboliclink':
    '.NET 6 (learn.microsoft.com/dotnet/api/system.io.directory.createsymboliclink)',
};

/** Type literals the app's PowerShell names, all in .NET Framework 4.5 or PowerShell 5.1's own accelerators. */
const NET_FRAMEWORK_TYPES = new Set(
  [
    'ArgumentException',
    'BitConverter',
    'ComponentModel.Win32Exception',
    'Console',
    'DateTime',
    'Diagnostics.Process',
    'Diagnostics.Stopwatch',
    'Environment',
    'Globalization.CultureInfo',
    'Guid',
    'IO.Directory',
    'IO.File',
    'IO.FileAttributes',
    'IO.Path',
    'IntPtr',
    'InvalidOperationException',
    'Microsoft.Win32.Registry',
    'Microsoft.Win32.RegistryValueKind',
    'Microsoft.Win32.RegistryValueOptions',
    'Security.Cryptography.SHA256',
    'Security.Principal.NTAccount',
    'Security.Principal.SecurityIdentifier',
    'Security.Principal.WindowsIdentity',
    'StringComparison',
    'Text.Encoding',
    'Text.UTF8Encoding',
    'UIntPtr',
    'UnauthorizedAccessException',
    // PowerShell's accelerators, all in 5.1 (DOCS/reference/5.1/Microsoft.PowerShell.Core/About/about_Type_Accelerators.md).
    'bool',
    'char',
    'int',
    'long',
    'ordered',
    'pscustomobject',
    'ref',
    'scriptblock',
    'string',
    'string[]',
    'type',
    'void',
  ].map((name) => name.toLowerCase()),
);

/** The app's own types, compiled by Add-Type in the script that uses them. */
const OWN_TYPE = /^PipDoctor\./i;

/** Automatic and preference variables 5.1 does not have (about_Automatic_Variables.md, about_Preference_Variables.md). */
export const VARIABLES_SINCE_6: Readonly<Record<string, string>> = {
  iswindows: 'PowerShell 6.0 ($IsWindows)',
  islinux: 'PowerShell 6.0 ($IsLinux)',
  ismacos: 'PowerShell 6.0 ($IsMacOS)',
  iscoreclr: 'PowerShell 6.0 ($IsCoreCLR)',
  psstyle: 'PowerShell 7.2 ($PSStyle)',
  psnativecommandargumentpassing: 'PowerShell 7.3 ($PSNativeCommandArgumentPassing)',
  psnativecommanduseerroractionpreference:
    'PowerShell 7.3 ($PSNativeCommandUseErrorActionPreference)',
  enabledexperimentalfeatures: 'PowerShell 6.2 ($EnabledExperimentalFeatures)',
};

interface ParameterSpec {
  name: string;
  isSwitch: boolean;
  positions: number[];
  aliases: string[];
  accepted: string[];
}

interface CmdletSpec {
  module: string;
  parameters: ParameterSpec[];
  remainingArguments: boolean;
}

function parseSpec(module: string, text: string): CmdletSpec {
  const parameters: ParameterSpec[] = [];
  let remainingArguments = false;
  for (const word of text.split(' ')) {
    if (word === '...') {
      remainingArguments = true;
      continue;
    }
    const match = /^(\w+)(!?)(?:@([\d/]+))?(?:\(([^)]*)\))?(?:\{([^}]*)\})?$/.exec(word);
    if (!match) throw new Error(`bad parameter spec "${word}" in ${module}`);
    parameters.push({
      name: match[1]!,
      isSwitch: match[2] === '!',
      positions: match[3] ? match[3].split('/').map(Number) : [],
      aliases: match[4] ? match[4].split(',') : [],
      accepted: match[5] ? match[5].split(',') : [],
    });
  }
  return { module, parameters, remainingArguments };
}

const CMDLETS = new Map(
  Object.entries(WINDOWS_POWERSHELL_51).map(([name, [module, text]]) => [
    name.toLowerCase(),
    { name, ...parseSpec(module, text) },
  ]),
);
const COMMON = parseSpec('about_CommonParameters', COMMON_PARAMETERS_51).parameters;

/** The cmdlets the allow-list covers, for the test that checks each is cited. */
export const REVIEWED_CMDLETS: readonly string[] = Object.keys(WINDOWS_POWERSHELL_51);

/**
 * The parameter a name means, the way PowerShell binds it: an exact name or
 * alias, else the one parameter it is a prefix of. A string when none or
 * several match.
 */
function resolveParameter(cmdlet: CmdletSpec, given: string): ParameterSpec | string {
  const all = [...cmdlet.parameters, ...COMMON];
  const lower = given.toLowerCase();
  const exact = all.find(
    (parameter) =>
      parameter.name.toLowerCase() === lower ||
      parameter.aliases.some((alias) => alias.toLowerCase() === lower),
  );
  if (exact) return exact;
  const prefixed = all.filter((parameter) => parameter.name.toLowerCase().startsWith(lower));
  if (prefixed.length === 1) return prefixed[0]!;
  return prefixed.length === 0
    ? 'no such parameter'
    : `ambiguous: ${prefixed.map((p) => p.name).join(', ')}`;
}

function isNativeProgram(name: string): boolean {
  return (
    /[\\/]/.test(name) ||
    /\.(exe|com|bat|cmd|ps1)$/i.test(name) ||
    NATIVE_PROGRAMS.has(name.toLowerCase())
  );
}

function commandViolations(command: CommandFacts, functions: Set<string>): string[] {
  const name = command.name;
  if (name === null || isNativeProgram(name) || functions.has(name.toLowerCase())) return [];
  const cmdletName = CMDLET_ALIASES[name.toLowerCase()] ?? name;
  const since = CMDLETS_SINCE_6[cmdletName];
  if (since) return [`${cmdletName} does not exist in Windows PowerShell 5.1 (${since})`];
  const cmdlet = CMDLETS.get(cmdletName.toLowerCase());
  if (!cmdlet) {
    return [
      `${cmdletName} is not reviewed for Windows PowerShell 5.1: add its 5.1 parameters to WINDOWS_POWERSHELL_51 from its page in DOCS/reference/5.1`,
    ];
  }
  const violations: string[] = [];
  const newer = PARAMETERS_SINCE_6[cmdlet.name] ?? {};
  const named = new Set<ParameterSpec>();
  let positional = 0;
  let splatted = false;
  for (let index = 0; index < command.elements.length; index++) {
    const element = command.elements[index]!;
    if (!('parameter' in element)) {
      if (element.splatted) splatted = true;
      else positional++;
      continue;
    }
    const lower = element.parameter.toLowerCase();
    const since =
      Object.entries(newer).find(([parameter]) => parameter.toLowerCase().startsWith(lower))?.[1] ??
      COMMON_PARAMETERS_SINCE_6.get(lower);
    const parameter = resolveParameter(cmdlet, element.parameter);
    if (typeof parameter === 'string') {
      violations.push(
        since
          ? `${cmdlet.name} -${element.parameter} came with ${since}`
          : `Windows PowerShell 5.1's ${cmdlet.name} has no parameter -${element.parameter} (${parameter}; DOCS/reference/5.1/${cmdlet.module}/${cmdlet.name}.md)`,
      );
      continue;
    }
    named.add(parameter);
    let argument: string | null = element.argument;
    if (!parameter.isSwitch && !element.attached) {
      const next = command.elements[index + 1];
      if (next && !('parameter' in next)) {
        argument = next.value;
        index++;
      }
    }
    if (parameter.accepted.length > 0 && argument !== null) {
      const known = parameter.accepted.some(
        (value) => value.toLowerCase() === argument.toLowerCase(),
      );
      if (!known) {
        violations.push(
          `Windows PowerShell 5.1's ${cmdlet.name} -${parameter.name} does not accept "${argument}" (it accepts ${parameter.accepted.join(', ')}; DOCS/reference/5.1/${cmdlet.module}/${cmdlet.name}.md)`,
        );
      }
    }
  }
  // Join-Path a b c binds c to -AdditionalChildPath in 7; 5.1 has two positions only.
  const free = new Set(
    cmdlet.parameters
      .filter((parameter) => !named.has(parameter))
      .flatMap((parameter) => parameter.positions),
  );
  if (!splatted && !cmdlet.remainingArguments && positional > free.size) {
    violations.push(
      `Windows PowerShell 5.1's ${cmdlet.name} takes at most ${free.size} positional argument${free.size === 1 ? '' : 's'} here, not ${positional}${newer.AdditionalChildPath ? ` (-AdditionalChildPath came with ${newer.AdditionalChildPath})` : ''}`,
    );
  }
  return violations;
}

const normalizeType = (name: string) => name.toLowerCase().replace(/^system\./, '');

/** Everything in the facts that Windows PowerShell 5.1 would refuse or read differently; empty when none. */
export function windowsPowerShell51Violations(facts: ScriptFacts): string[] {
  const violations: string[] = [];
  for (const { construct, line } of facts.constructs) {
    violations.push(
      `line ${line}: ${SYNTAX_SINCE_6[construct] ?? construct} is not in Windows PowerShell 5.1`,
    );
  }
  const functions = new Set(facts.functions.map((name) => name.toLowerCase()));
  for (const command of facts.commands) {
    for (const violation of commandViolations(command, functions)) {
      violations.push(`line ${command.line}: ${violation}: ${command.text.slice(0, 120)}`);
    }
  }
  for (const { type, member, line } of facts.typeMembers) {
    if (OWN_TYPE.test(type)) continue;
    const key = `${normalizeType(type)}::${(member ?? '').toLowerCase()}`;
    if (NET_FRAMEWORK_STATIC_MEMBERS.has(key)) continue;
    const since = NET_CORE_ONLY_MEMBERS[key];
    violations.push(
      since
        ? `line ${line}: [${type}]::${member} is not in .NET Framework 4.x, which Windows PowerShell 5.1 runs on: it came with ${since}`
        : `line ${line}: [${type}]::${member} is not reviewed for .NET Framework 4.x: check learn.microsoft.com/dotnet/api, then add it to NET_FRAMEWORK_STATIC_MEMBERS`,
    );
  }
  for (const type of facts.types) {
    if (OWN_TYPE.test(type) || NET_FRAMEWORK_TYPES.has(normalizeType(type))) continue;
    violations.push(
      `[${type}] is not reviewed for .NET Framework 4.x and Windows PowerShell 5.1's accelerators: check it, then add it to NET_FRAMEWORK_TYPES`,
    );
  }
  for (const variable of facts.variables) {
    const since = VARIABLES_SINCE_6[variable.toLowerCase()];
    if (since)
      violations.push(`$${variable} is not in Windows PowerShell 5.1: it came with ${since}`);
  }
  return violations;
}
