; Inno Setup 6 script: the Mentorapp installer for Windows.
;
; packaging\build.py windows compiles it after PyInstaller has made dist\Mentorapp, passing
; the version from mentorapp\__init__.py (the only place the version is written):
;   iscc /DAppVersion=1.2.3 /DAppNumericVersion=1.2.3.0 packaging\windows\mentorapp.iss
; Relative paths are relative to this file's folder (Inno Setup's default SourceDir).
;
; Per-user install: no administrator password, no UAC prompt. The program goes to
; %LOCALAPPDATA%\Programs\Mentorapp; the user's data stays in %LOCALAPPDATA%\Mentorapp and is
; not touched by an update or by uninstalling.

#if VER < EncodeVer(6,4,0)
  #error Inno Setup 6.4 or newer is needed: it ships Languages\Swedish.isl.
#endif
#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=1.2.3 mentorapp.iss (packaging\build.py does).
#endif
#ifndef AppNumericVersion
  #define AppNumericVersion AppVersion
#endif
#define AppName "Mentorapp"
#define AppExeName "Mentorapp.exe"

[Setup]
; AppId ties every version of Mentorapp together (updates, uninstall entry). Never change it.
AppId={{0B85CB6F-612D-4AA7-ADE6-D83510CBBDB5}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=The Mentorapp developers
AppCopyright=The Mentorapp developers, GPL-3.0-or-later
VersionInfoVersion={#AppNumericVersion}
VersionInfoProductName={#AppName}
VersionInfoDescription={#AppName} Setup
; Always non-administrative install mode; there, {autopf} is {userpf} =
; %LOCALAPPDATA%\Programs, so the default folder is %LOCALAPPDATA%\Programs\Mentorapp.
PrivilegesRequired=lowest
DefaultDirName={autopf}\{#AppName}
; One Start-menu entry directly under Programs (no folder to choose).
DisableProgramGroupPage=yes
; PyInstaller bundles a 64-bit Python and Qt; Qt 6 needs Windows 10 1809 or later.
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0.17763
WizardStyle=modern
; Ask for the language only when Windows is in neither Swedish nor English.
ShowLanguageDialog=auto
SetupIconFile=..\icons\mentorapp.ico
UninstallDisplayIcon={app}\{#AppExeName}
UninstallDisplayName={#AppName}
OutputDir=..\..\dist
OutputBaseFilename=Mentorapp-{#AppVersion}-windows-setup
Compression=lzma2
SolidCompression=yes
; Offer to close a running Mentorapp before its files are replaced (the default, stated).
CloseApplications=yes

[Languages]
; The first entry is used when Windows is in neither language.
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "sv"; MessagesFile: "compiler:Languages\Swedish.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An update replaces the whole bundle: files of the previous version must not linger.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "..\..\dist\Mentorapp\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExeName}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExeName}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExeName}"; Description: "{cm:LaunchProgram,{#StringChange(AppName, '&', '&&')}}"; Flags: nowait postinstall skipifsilent
