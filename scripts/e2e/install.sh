#!/usr/bin/env bash
# Installs what the real-editor tests need, from Debian and npm only, and
# only what is missing (a second run takes ~1 s):
#   - Debian: chromium (the UI scenario), neovim (the second client),
#     ripgrep and libkrb5-dev (code-server's install needs them);
#   - code-server 4.100.3 (= VS Code 1.100.3, the newest on Node 20) into
#     $WIKI_LSP_E2E_CACHE (default ~/.cache/wiki-lsp-e2e)/code-server,
#     outside the clone and not a dependency of the package.
# Usage: bash scripts/e2e/install.sh        (prints the code-server entry point)
set -euo pipefail

CODE_SERVER_VERSION=4.100.3
RIPGREP_VERSION=1.15.11            # @vscode/ripgrep, as code-server 4.100.3 pins it
RG_ASSET=v13.0.0-10                # the rg build that @vscode/ripgrep 1.15.11 downloads
HOME_DIR="${HOME:-$(getent passwd "$(id -u)" | cut -d: -f6)}"
CACHE="${WIKI_LSP_E2E_CACHE:-$HOME_DIR/.cache/wiki-lsp-e2e}"
PREFIX="$CACHE/code-server"
ENTRY="$PREFIX/node_modules/code-server/out/node/entry.js"

log() { printf 'e2e install: %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

# Debian packages, only those missing: `dpkg -s` is the check.
install_debian() {
  local missing=()
  for pkg in chromium neovim ripgrep libkrb5-dev; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  if [ "${#missing[@]}" -eq 0 ]; then log "Debian packages present"; return; fi
  log "apt-get install ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# @vscode/ripgrep's postinstall would download rg; it first looks in
# $TMPDIR/vscode-ripgrep-cache-<version>/ripgrep-<asset>-<target>.tar.gz,
# so a tarball of Debian's /usr/bin/rg there satisfies it.
seed_ripgrep_cache() {
  local tmp="$1" target
  case "$(uname -m)" in
    x86_64) target=x86_64-unknown-linux-musl ;;
    aarch64) target=aarch64-unknown-linux-musl ;;
    *) log "unsupported machine $(uname -m)"; exit 1 ;;
  esac
  local dir="$tmp/vscode-ripgrep-cache-$RIPGREP_VERSION"
  mkdir -p "$dir/bin"
  cp /usr/bin/rg "$dir/bin/rg"
  tar -czf "$dir/ripgrep-$RG_ASSET-$target.tar.gz" -C "$dir/bin" rg
}

installed_version() {
  node -p "require('$PREFIX/node_modules/code-server/package.json').version" 2>/dev/null || true
}

install_code_server() {
  if [ -f "$ENTRY" ] && [ "$(installed_version)" = "$CODE_SERVER_VERSION" ]; then
    log "code-server $CODE_SERVER_VERSION present in $PREFIX"
    return
  fi
  log "npm install code-server@$CODE_SERVER_VERSION into $PREFIX (~1 min)"
  mkdir -p "$PREFIX"
  local tmp
  tmp="$(mktemp -d)"
  seed_ripgrep_cache "$tmp"
  [ -f "$PREFIX/package.json" ] || printf '{ "name": "wiki-lsp-e2e-tools", "private": true }\n' >"$PREFIX/package.json"
  # As root, code-server's postinstall refuses to run without unsafe_perm;
  # node-pty's build runs `npx node-gyp`, which must not prompt.
  (cd "$PREFIX" && TMPDIR="$tmp" npm_config_unsafe_perm=true npm_config_yes=true \
    npm install --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION" >&2)
  rm -rf "$tmp"
  [ -f "$ENTRY" ] || { log "code-server did not install: $ENTRY is missing"; exit 1; }
}

install_debian
install_code_server
echo "$ENTRY"
