#!/usr/bin/env bash
# The system packages the site needs beyond Python, installed from Debian (or Ubuntu) when missing:
#
#   fonts    Noto Sans and Serif (fonts-noto-core): the social cards and Vietnamese in screenshots
#   browser  Chromium (chromium): the browser tests and Lighthouse drive it; never a downloaded browser
#   java     a Java runtime (default-jre-headless): the W3C Nu HTML Checker
#   node     Node.js and npm (nodejs, npm): axe-core, the Nu HTML Checker's jar and Lighthouse
#
#   bash tools/system_deps.sh [fonts browser java node]    (no argument: all four)
#
# Installs with apt-get as root, or through sudo when it needs no password; otherwise prints the
# one command to run and fails. DIENBIEN_CHROMIUM names another Chromium or Chrome binary (as on
# GitHub's runners) and DIENBIEN_FONT_DIR another folder of the Noto fonts.
set -euo pipefail

wanted=("$@")
[ ${#wanted[@]} -gt 0 ] || wanted=(fonts browser java node)

missing=()
for need in "${wanted[@]}"; do
  case "$need" in
    fonts) [ -f "${DIENBIEN_FONT_DIR:-/usr/share/fonts/truetype/noto}/NotoSans-Bold.ttf" ] || missing+=(fonts-noto-core) ;;
    browser) command -v "${DIENBIEN_CHROMIUM:-chromium}" >/dev/null 2>&1 || missing+=(chromium) ;;
    java) command -v java >/dev/null 2>&1 || missing+=(default-jre-headless) ;;
    node)
      command -v node >/dev/null 2>&1 || missing+=(nodejs)
      command -v npm >/dev/null 2>&1 || missing+=(npm) ;;
    *) echo "tools/system_deps.sh: unknown need '$need' (fonts, browser, java, node)" >&2; exit 2 ;;
  esac
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  as_root=(sudo)
else
  echo "Missing system packages: ${missing[*]}. Install them, then run this again:" >&2
  echo "    sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "Missing system packages: ${missing[*]} (Debian's names); this machine has no apt-get: install" \
       "Chromium, the Noto fonts, a Java runtime, Node.js and npm with its own package manager." >&2
  exit 1
fi
echo "Installing ${missing[*]} (apt-get)"
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" \
  >/dev/null
