; Inno Setup script: installs the PyInstaller one-folder build on Windows.
; Build the bundle on Windows first (see packaging/README.md), then:
;   iscc /DAppVersion=0.1.0 packaging\windows\sbc-desktop.iss
; The version comes from pyproject.toml; pass the same number here.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z sbc-desktop.iss
#endif

[Setup]
AppId={{7B0E6A3E-2C2F-4B7A-9E58-5B1B9C0D5A11}
AppName=Secondary Breast Cancer Guide
AppVersion={#AppVersion}
AppPublisher=sbc-desktop developers
DefaultDirName={autopf}\sbc-desktop
DefaultGroupName=Secondary Breast Cancer Guide
OutputBaseFilename=sbc-desktop-{#AppVersion}-setup
OutputDir=..\..\build\windows
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesInstallIn64BitMode=x64compatible
UninstallDisplayIcon={app}\sbc-desktop.exe

[Files]
Source: "..\..\build\pyinstaller\dist\sbc-desktop\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\Secondary Breast Cancer Guide"; Filename: "{app}\sbc-desktop.exe"
Name: "{group}\Uninstall Secondary Breast Cancer Guide"; Filename: "{uninstallexe}"
Name: "{autodesktop}\Secondary Breast Cancer Guide"; Filename: "{app}\sbc-desktop.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Run]
Filename: "{app}\sbc-desktop.exe"; Description: "{cm:LaunchProgram,Secondary Breast Cancer Guide}"; Flags: nowait postinstall skipifsilent
