#!/usr/bin/env bash
# Make dist/Mentorapp-<version>-macos-<arch>.dmg from dist/Mentorapp.app, with a link to
# /Applications so users drag the app across. packaging/build.py macos runs this after
# PyInstaller; it can also be run by hand: packaging/macos/build_dmg.sh [VERSION]
#
# Signing and notarisation happen only when these are set (see packaging/README.md):
#   MACOS_SIGN_IDENTITY   "Developer ID Application: Name (TEAMID)". PyInstaller already
#                         signed the app with it (hardened runtime); here the .dmg is signed.
#   MACOS_NOTARY_PROFILE  a keychain profile made with `xcrun notarytool store-credentials`;
#                         the app and the .dmg are notarised and the tickets stapled.
set -euo pipefail
cd "$(dirname "$0")/../.."

version=${1:-$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' mentorapp/__init__.py)}
[ -n "$version" ] || { echo "could not read __version__ from mentorapp/__init__.py" >&2; exit 1; }
app=dist/Mentorapp.app
[ -d "$app" ] || { echo "$app is missing: run python packaging/build.py macos" >&2; exit 1; }
arch=$(uname -m)
dmg="dist/Mentorapp-$version-macos-$arch.dmg"
identity=${MACOS_SIGN_IDENTITY:-}
profile=${MACOS_NOTARY_PROFILE:-}

staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT

if [ -n "$identity" ]; then
    # Fails loudly if PyInstaller's signature is incomplete or was broken afterwards.
    codesign --verify --deep --strict --verbose=2 "$app"
fi
if [ -n "$profile" ]; then
    [ -n "$identity" ] || { echo "notarisation needs MACOS_SIGN_IDENTITY too" >&2; exit 1; }
    ditto -c -k --keepParent "$app" "$staging/Mentorapp.zip"
    xcrun notarytool submit "$staging/Mentorapp.zip" --keychain-profile "$profile" --wait
    xcrun stapler staple "$app"
    rm "$staging/Mentorapp.zip"
fi

mkdir "$staging/dmg"
ditto "$app" "$staging/dmg/Mentorapp.app"
ln -s /Applications "$staging/dmg/Applications"
rm -f "$dmg"
hdiutil create -volname "Mentorapp $version" -srcfolder "$staging/dmg" -fs HFS+ \
    -format UDZO -ov "$dmg"

if [ -n "$identity" ]; then
    codesign --sign "$identity" --timestamp "$dmg"
fi
if [ -n "$profile" ]; then
    xcrun notarytool submit "$dmg" --keychain-profile "$profile" --wait
    xcrun stapler staple "$dmg"
    spctl --assess --type open --context context:primary-signature --verbose=2 "$dmg"
fi
echo "Built $dmg"
