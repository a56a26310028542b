@echo off
rem Double-click to open the offline copy of the site. Uses the PowerShell built into Windows 10/11.
cd /d "%~dp0"
powershell -NoProfile -ExecutionPolicy Bypass -File "%~dp0serve.ps1" %*
if errorlevel 1 pause
