<#
  Runs many pasted command lines in one pwsh (a pwsh start costs about a
  second). Reads {"passing": "Standard" | "Legacy", "lines": [...]} as JSON on
  stdin; runs each line as its own script block, the way -Command would parse
  it, with $env:PIP_DOCTOR_CASE set to its index so the argv printer can say
  which line started it; prints one JSON line per line: its parse error and
  the errors it wrote.
#>
$ErrorActionPreference = 'Stop'
$stdin = [Console]::OpenStandardInput()
$buffer = New-Object IO.MemoryStream
$stdin.CopyTo($buffer)
$request = ConvertFrom-Json -InputObject ([Text.Encoding]::UTF8.GetString($buffer.ToArray()))
$stdout = [Console]::OpenStandardOutput()

# Windows PowerShell 5.1 passes native arguments by the legacy rules; 7.3+ on Linux by Standard ones.
$PSNativeCommandArgumentPassing = $request.passing

for ($index = 0; $index -lt $request.lines.Count; $index++) {
  $env:PIP_DOCTOR_CASE = [string]$index
  $answer = [ordered]@{ case = $index; parseError = $null; errors = @() }
  try {
    $block = [scriptblock]::Create([string]$request.lines[$index])
  } catch {
    $answer.parseError = $_.Exception.Message
    $block = $null
  }
  if ($null -ne $block) {
    $errors = [System.Collections.Generic.List[string]]::new()
    try {
      # What the line prints is not the test's business (the argv printer logs to a file); its errors are.
      $null = & $block *>&1 | ForEach-Object {
        if ($_ -is [System.Management.Automation.ErrorRecord]) { $errors.Add($_.ToString()) }
      }
    } catch {
      $errors.Add($_.Exception.Message)
    }
    $answer.errors = @($errors)
  }
  $bytes = [Text.Encoding]::UTF8.GetBytes((ConvertTo-Json -InputObject $answer -Compress) + "`n")
  $stdout.Write($bytes, 0, $bytes.Length)
}
$stdout.Flush()
