# Serves the offline copy (the site folder next to this file) on http://localhost:8080/
# with nothing but the PowerShell built into Windows 10/11. Start it with start-windows.bat.
# Only this computer can open it; for the local network use Python or Node (see the readme).
# Keep this file ASCII: Windows PowerShell 5.1 reads files without a BOM in the ANSI code page.
param([int]$Port = 8080)

$ErrorActionPreference = "Stop"
$root = [System.IO.Path]::GetFullPath((Join-Path $PSScriptRoot "site"))
$types = @{
  ".html" = "text/html; charset=utf-8"; ".css" = "text/css; charset=utf-8"
  ".js" = "text/javascript; charset=utf-8"; ".mjs" = "text/javascript; charset=utf-8"
  ".json" = "application/json"; ".xml" = "application/xml"; ".txt" = "text/plain; charset=utf-8"
  ".svg" = "image/svg+xml"; ".png" = "image/png"; ".jpg" = "image/jpeg"; ".jpeg" = "image/jpeg"
  ".gif" = "image/gif"; ".webp" = "image/webp"; ".ico" = "image/x-icon"
  ".woff" = "font/woff"; ".woff2" = "font/woff2"; ".wasm" = "application/wasm"
  ".pdf" = "application/pdf"; ".webmanifest" = "application/manifest+json"
}

# Try 8080, then the next ports, so a busy port never stops a volunteer.
$listener = $null
foreach ($candidate in $Port..($Port + 10)) {
  $try = New-Object System.Net.HttpListener
  $try.Prefixes.Add("http://localhost:$candidate/")
  try { $try.Start(); $listener = $try; $Port = $candidate; break } catch { $try.Close() }
}
if ($null -eq $listener) {
  Write-Host "Could not start the web server: ports $Port to $($Port + 10) are all in use."
  exit 1
}

$url = "http://localhost:$Port/"
Write-Host ""
Write-Host "  The site is running at  $url"
Write-Host "  Keep this window open while you use the site. Close it to stop."
Write-Host ""
Start-Process $url

function Send-File($response, [int]$status, [string]$file) {
  $extension = [System.IO.Path]::GetExtension($file).ToLowerInvariant()
  $type = $types[$extension]
  if ($null -eq $type) { $type = "application/octet-stream" }
  $bytes = [System.IO.File]::ReadAllBytes($file)
  $response.StatusCode = $status
  $response.ContentType = $type
  $response.ContentLength64 = $bytes.Length
  $response.OutputStream.Write($bytes, 0, $bytes.Length)
}

while ($listener.IsListening) {
  $context = $listener.GetContext()
  $response = $context.Response
  try {
    $path = [System.Uri]::UnescapeDataString($context.Request.Url.AbsolutePath)
    $file = [System.IO.Path]::GetFullPath((Join-Path $root $path.TrimStart("/")))
    $inside = ($file -eq $root) -or $file.StartsWith($root + [System.IO.Path]::DirectorySeparatorChar, [System.StringComparison]::OrdinalIgnoreCase)
    if (-not $inside) {
      $response.StatusCode = 403
    } elseif ((Test-Path -LiteralPath $file -PathType Container) -and -not $path.EndsWith("/")) {
      $response.StatusCode = 301
      $response.RedirectLocation = $path + "/"
    } else {
      if (Test-Path -LiteralPath $file -PathType Container) { $file = Join-Path $file "index.html" }
      if (Test-Path -LiteralPath $file -PathType Leaf) {
        Send-File $response 200 $file
      } elseif (Test-Path -LiteralPath (Join-Path $root "404.html") -PathType Leaf) {
        Send-File $response 404 (Join-Path $root "404.html")
      } else {
        $response.StatusCode = 404
      }
    }
  } catch {
    $response.StatusCode = 500
  } finally {
    $response.Close()
  }
}
