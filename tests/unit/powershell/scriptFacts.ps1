<#
  Reads a JSON array of PowerShell texts on stdin and prints, for each, one
  line of JSON: its parse errors (from PowerShell's own parser, the one
  Windows PowerShell 5.1 shares its grammar with) and the facts of its syntax
  tree that decide whether 5.1 can run it. The judging is done in TypeScript
  (windowsPowerShell51.ts) against tables cited from Microsoft's docs; this
  script only reports what is there. Runs on PowerShell 7 only.
#>
$ErrorActionPreference = 'Stop'

# Raw bytes in and out, decoded and encoded here: the console encodings of the host do not matter.
$stdin = [Console]::OpenStandardInput()
$buffer = New-Object IO.MemoryStream
$stdin.CopyTo($buffer)
$texts = ConvertFrom-Json -InputObject ([Text.Encoding]::UTF8.GetString($buffer.ToArray())) -NoEnumerate
$stdout = [Console]::OpenStandardOutput()

function Get-ConstantText($ast) {
  if ($ast -is [System.Management.Automation.Language.StringConstantExpressionAst]) { return $ast.Value }
  if ($ast -is [System.Management.Automation.Language.ConstantExpressionAst]) { return [string]$ast.Value }
  return $null
}

function Get-Facts([string]$Text) {
  $tokens = $null
  $errors = $null
  $ast = [System.Management.Automation.Language.Parser]::ParseInput($Text, [ref]$tokens, [ref]$errors)
  $constructs = [System.Collections.Generic.List[object]]::new()
  $commands = [System.Collections.Generic.List[object]]::new()
  $typeMembers = [System.Collections.Generic.List[object]]::new()
  $types = [System.Collections.Generic.HashSet[string]]::new()
  $variables = [System.Collections.Generic.HashSet[string]]::new()
  $functions = [System.Collections.Generic.HashSet[string]]::new()
  $found = {
    param($Construct, $Node)
    $constructs.Add([ordered]@{ construct = $Construct; line = $Node.Extent.StartLineNumber; text = $Node.Extent.Text })
  }

  foreach ($node in $ast.FindAll({ $true }, $true)) {
    switch ($node) {
      { $_ -is [System.Management.Automation.Language.TernaryExpressionAst] } { & $found 'ternary' $node }
      { $_ -is [System.Management.Automation.Language.PipelineChainAst] } { & $found 'pipeline-chain' $node }
      # A pipeline ended by `&` runs as a background job (PowerShell 6.0); 5.1 refuses the `&`.
      { $_ -is [System.Management.Automation.Language.PipelineBaseAst] -and $_.PSObject.Properties['Background'] -and $_.Background } {
        & $found 'background-operator' $node
      }
      { $_ -is [System.Management.Automation.Language.BinaryExpressionAst] } {
        if ($node.Operator -eq 'QuestionQuestion') { & $found 'null-coalescing' $node }
        # -replace with a script block as the substitute (PowerShell 6.1).
        if ($node.Operator -in 'Ireplace', 'Creplace', 'Replace' -and $node.Right -is [System.Management.Automation.Language.ArrayLiteralAst] -and
          @($node.Right.Elements | Where-Object { $_ -is [System.Management.Automation.Language.ScriptBlockExpressionAst] }).Count -gt 0) {
          & $found 'replace-scriptblock' $node
        }
      }
      { $_ -is [System.Management.Automation.Language.AssignmentStatementAst] } {
        if ($node.Operator -eq 'QuestionQuestionEquals') { & $found 'null-coalescing-assignment' $node }
      }
      { $_ -is [System.Management.Automation.Language.MemberExpressionAst] } {
        if ($node.NullConditional) { & $found 'null-conditional-member' $node }
        if ($node.Static -and $node.Expression -is [System.Management.Automation.Language.TypeExpressionAst]) {
          $typeMembers.Add([ordered]@{
              type   = $node.Expression.TypeName.FullName
              member = Get-ConstantText $node.Member
              line   = $node.Extent.StartLineNumber
            })
        }
      }
      { $_ -is [System.Management.Automation.Language.IndexExpressionAst] } {
        if ($node.NullConditional) { & $found 'null-conditional-index' $node }
      }
      { $_ -is [System.Management.Automation.Language.ScriptBlockAst] } {
        if ($null -ne $node.CleanBlock) { & $found 'clean-block' $node.CleanBlock }
      }
      { $_ -is [System.Management.Automation.Language.TypeExpressionAst] } { [void]$types.Add($node.TypeName.FullName) }
      { $_ -is [System.Management.Automation.Language.TypeConstraintAst] } { [void]$types.Add($node.TypeName.FullName) }
      { $_ -is [System.Management.Automation.Language.VariableExpressionAst] } { [void]$variables.Add($node.VariablePath.UserPath) }
      { $_ -is [System.Management.Automation.Language.FunctionDefinitionAst] } { [void]$functions.Add($node.Name) }
      { $_ -is [System.Management.Automation.Language.CommandAst] } {
        $elements = [System.Collections.Generic.List[object]]::new()
        foreach ($element in @($node.CommandElements | Select-Object -Skip 1)) {
          if ($element -is [System.Management.Automation.Language.CommandParameterAst]) {
            $elements.Add([ordered]@{
                parameter = $element.ParameterName
                argument  = if ($null -ne $element.Argument) { Get-ConstantText $element.Argument } else { $null }
                attached  = $null -ne $element.Argument
              })
          } else {
            $splatted = $element -is [System.Management.Automation.Language.VariableExpressionAst] -and $element.Splatted
            $elements.Add([ordered]@{ value = Get-ConstantText $element; splatted = [bool]$splatted })
          }
        }
        $commands.Add([ordered]@{
            name       = $node.GetCommandName()
            invocation = [string]$node.InvocationOperator
            elements   = $elements
            line       = $node.Extent.StartLineNumber
            text       = $node.Extent.Text
          })
      }
    }
  }

  # Escapes in double-quoted strings that 5.1 does not know: it keeps them as plain text.
  foreach ($token in $tokens) {
    if ($token.Kind -in 'StringExpandable', 'HereStringExpandable' -and $token.Text -cmatch '(?<!`)(?:``)*`(?:e|u\{)') {
      $constructs.Add([ordered]@{ construct = 'escape-since-6'; line = $token.Extent.StartLineNumber; text = $token.Text })
    }
  }

  $errorList = [System.Collections.Generic.List[object]]::new()
  foreach ($parseError in $errors) {
    $errorList.Add([ordered]@{
        message = $parseError.Message
        line    = $parseError.Extent.StartLineNumber
        column  = $parseError.Extent.StartColumnNumber
        text    = $parseError.Extent.Text
      })
  }
  return [ordered]@{
    errors      = $errorList
    constructs  = $constructs
    commands    = $commands
    functions   = @($functions)
    typeMembers = $typeMembers
    types       = @($types)
    variables   = @($variables)
  }
}

foreach ($text in $texts) {
  $line = ConvertTo-Json -InputObject (Get-Facts ([string]$text)) -Depth 8 -Compress
  $bytes = [Text.Encoding]::UTF8.GetBytes($line + "`n")
  $stdout.Write($bytes, 0, $bytes.Length)
}
$stdout.Flush()
