#!/usr/bin/env bash
# Build the mediasoup worker binary (the version packages/server/package.json depends on) from the
# npm tarball against Debian 12's packaged libraries (no meson wraps, no PyPI, no GitHub).
#
#   usage: [MEDIASOUP_VERSION=x.y.z] build.sh OUTPUT_PATH
#
# Normally run through ensure.mjs, which caches the result outside the clone.
# See README.md next to this file for what the recipe changes and why.
set -euo pipefail

readonly HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
readonly VERSION="${MEDIASOUP_VERSION:-$(node -p "require('$HERE/../../packages/server/package.json').dependencies.mediasoup")}"
# sha256 of each mediasoup tarball this recipe has been checked with, as published on the npm
# registry (immutable). A new version needs its line here, and the patches checked against it.
declare -A TARBALL_SHA256S=(
  [3.12.16]=80a1e21a749a0f6cb6111ea6d3ce0693efea2373a549f9694d01c1b9440b6ed5
)
readonly TARBALL_SHA256="${TARBALL_SHA256S[$VERSION]:-}"
# libsrtp2 is built here from Debian 12's own source (the version its libsrtp2-dev ships), with
# OpenSSL's crypto instead of Debian's NSS (see "libsrtp2" below). sha256 of Debian's orig tarball.
readonly SRTP_VERSION=2.5.0
readonly SRTP_SHA256=8a43ef8e9ae2b665292591af62aa1a4ae41e468b6d98d8258f91478735da4e09
[[ -n "$TARBALL_SHA256" ]] || { printf '[mediasoup-worker] ERROR: mediasoup %s has no pinned sha256 in build.sh: check the recipe against it, then add its line\n' "$VERSION" >&2; exit 1; }

say() { printf '[mediasoup-worker] %s\n' "$*"; }
die() { printf '[mediasoup-worker] ERROR: %s\n' "$*" >&2; exit 1; }

[[ $# -eq 1 && -n "$1" ]] || die "usage: $0 OUTPUT_PATH"
out="$1"
[[ "$out" = /* ]] || out="$PWD/$out"

# ---------------------------------------------------------------- preflight --
# Everything below must come from Debian 12 packages; collect what is missing
# and print one apt-get line for all of it.
missing=()
need_pkg() { local p; for p in "$@"; do [[ " ${missing[*]-} " == *" $p "* ]] || missing+=("$p"); done; }

for tool in meson:meson ninja:ninja-build pkg-config:pkg-config cc:gcc c++:g++ \
            python3:python3 tar:tar sha256sum:coreutils; do
  command -v "${tool%%:*}" >/dev/null 2>&1 || need_pkg "${tool#*:}"
done
command -v npm >/dev/null 2>&1 || [[ -n "${MEDIASOUP_WORKER_TARBALL:-}" ]] \
  || die "npm not found (it fetches the mediasoup tarball); install Node.js/npm or set MEDIASOUP_WORKER_TARBALL"

# The Debian packages the worker builds against: the list infra/bootstrap.mjs and the image install.
while read -r pkg; do
  [[ -z "$pkg" || "$pkg" == \#* ]] && continue
  [[ "$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null)" == "install ok installed" ]] || need_pkg "$pkg"
done <"$HERE/../debian-packages/worker-build.txt"

if (( ${#missing[@]} )); then
  printf '[mediasoup-worker] missing build dependencies; install them with:\n' >&2
  printf '  apt-get install -y %s\n' "${missing[*]}" >&2
  exit 1
fi

# Debian 12 has meson 1.0.1; patch-worker.py relaxes upstream's ">= 1.1.0" to that.
meson_version="$(meson --version)"
[[ "$(printf '%s\n' 1.0.1 "$meson_version" | sort -V | head -n1)" == 1.0.1 ]] \
  || die "meson $meson_version is too old (need >= 1.0.1, Debian 12's version)"

# -------------------------------------------------------------------- build --
tmp="$(mktemp -d "${TMPDIR:-/tmp}/mediasoup-worker-build.XXXXXX")"
ok=0
staged=""
cleanup() {
  [[ -z "$staged" ]] || rm -f "$staged"
  if (( ok )); then rm -rf "$tmp"; else printf '[mediasoup-worker] build directory kept for inspection: %s\n' "$tmp" >&2; fi
}
trap cleanup EXIT

fail_with_log() { # $1 = what failed, $2 = log file
  printf '[mediasoup-worker] %s failed; last lines of %s:\n' "$1" "$2" >&2
  tail -n 60 "$2" >&2 || true
  exit 1
}

say "fetching tarball…"
if [[ -n "${MEDIASOUP_WORKER_TARBALL:-}" ]]; then
  # Fully offline alternative: a previously fetched mediasoup-3.12.16.tgz.
  cp "$MEDIASOUP_WORKER_TARBALL" "$tmp/mediasoup-$VERSION.tgz"
else
  # Run in the temp dir so no project .npmrc/package.json is involved;
  # --prefer-offline reuses npm's own cache when the tarball is already there.
  (cd "$tmp" && npm pack "mediasoup@$VERSION" --prefer-offline) >"$tmp/fetch.log" 2>&1 \
    || fail_with_log "npm pack mediasoup@$VERSION" "$tmp/fetch.log"
fi
tgz="$tmp/mediasoup-$VERSION.tgz"
[[ -f "$tgz" ]] || die "npm pack did not produce $tgz"
actual="$(sha256sum "$tgz" | cut -d' ' -f1)"
[[ "$actual" == "$TARBALL_SHA256" ]] || die "tarball checksum mismatch: got $actual, want $TARBALL_SHA256"

say "extracting and patching…"
mkdir "$tmp/src"
tar -xzf "$tgz" -C "$tmp/src"
src="$tmp/src/package/worker"
python3 "$HERE/patch-worker.py" "$src" >"$tmp/patch.log" 2>&1 || fail_with_log "patching" "$tmp/patch.log"

# ---------------------------------------------------------------- libsrtp2 --
# Debian's libsrtp2 is built with --enable-nss: every SRTP packet's AES went through NSS's
# softoken (a session and a lock per call). In bench:meeting at 348 sites a quarter of the
# workers' time was there (perf); at 200 sites a worker with this OpenSSL build used 18 % less
# CPU per packet delivered (20.5 -> 16.9 us). mediasoup's own wrap builds libsrtp2 on OpenSSL too.
say "libsrtp2 $SRTP_VERSION with OpenSSL's crypto (Debian's source)…"
srtp_tgz="$tmp/libsrtp2_$SRTP_VERSION.orig.tar.gz"
if [[ -n "${MEDIASOUP_SRTP_TARBALL:-}" ]]; then
  # Fully offline alternative: a previously fetched libsrtp2_2.5.0.orig.tar.gz.
  cp "$MEDIASOUP_SRTP_TARBALL" "$srtp_tgz"
else
  # From the Debian mirror this machine's apt uses (its main suite), as apt-get source would.
  codename="$(sed -n 's/^VERSION_CODENAME=//p' /etc/os-release)"
  mirror="$(apt-get indextargets --format '$(RELEASE) $(REPO_URI)' 2>/dev/null | awk -v c="$codename" '$1 == c { print $2; exit }')"
  [[ -n "$mirror" ]] || die "no Debian mirror for '$codename' in apt's sources; set MEDIASOUP_SRTP_TARBALL to a libsrtp2_$SRTP_VERSION.orig.tar.gz"
  python3 - "${mirror%/}/pool/main/libs/libsrtp2/libsrtp2_$SRTP_VERSION.orig.tar.gz" "$srtp_tgz" >"$tmp/srtp-fetch.log" 2>&1 <<'PY' \
    || fail_with_log "fetching libsrtp2's source" "$tmp/srtp-fetch.log"
import shutil, sys, urllib.request
with urllib.request.urlopen(sys.argv[1], timeout=60) as answer, open(sys.argv[2], "wb") as out:
    shutil.copyfileobj(answer, out)
PY
fi
actual="$(sha256sum "$srtp_tgz" | cut -d' ' -f1)"
[[ "$actual" == "$SRTP_SHA256" ]] || die "libsrtp2 source checksum mismatch: got $actual, want $SRTP_SHA256"
tar -xzf "$srtp_tgz" -C "$tmp"
{ meson setup "$tmp/srtp-build" "$tmp/libsrtp-$SRTP_VERSION" --prefix "$tmp/srtp" --libdir lib \
    --buildtype release -Db_pie=true -Ddefault_library=static -Dcrypto-library=openssl \
    -Dtests=disabled -Ddoc=disabled -Dpcap-tests=disabled \
  && ninja -C "$tmp/srtp-build" install; } >"$tmp/srtp-build.log" 2>&1 || fail_with_log "building libsrtp2" "$tmp/srtp-build.log"
# The worker's `dependency('libsrtp2')` (patch-worker.py) finds this one first: a static library.
export PKG_CONFIG_PATH="$tmp/srtp/lib/pkgconfig${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}"

say "configuring…"
# Same options as mediasoup's own Makefile release build; nofallback makes a
# missing system library an error instead of an attempt to download a wrap.
meson setup "$tmp/build" "$src" \
  --buildtype release \
  -Db_ndebug=true \
  -Db_pie=true \
  -Db_staticpic=true \
  --wrap-mode=nofallback \
  >"$tmp/configure.log" 2>&1 || fail_with_log "meson setup" "$tmp/configure.log"

say "compiling (about 3 min on 2 cores)…"
start=$SECONDS
ninja -C "$tmp/build" -j"$(nproc)" mediasoup-worker >"$tmp/ninja.log" 2>&1 &
ninja_pid=$!
ticks=0
while kill -0 "$ninja_pid" 2>/dev/null; do
  sleep 1
  if (( ++ticks % 30 == 0 )); then
    step="$(grep -o '^\[[0-9]*/[0-9]*\]' "$tmp/ninja.log" | tail -n1 || true)"
    say "  still compiling ${step:-…} ($((SECONDS - start))s)"
  fi
done
wait "$ninja_pid" || fail_with_log "ninja" "$tmp/ninja.log"
say "compiled in $((SECONDS - start))s"

bin="$tmp/build/mediasoup-worker"
[[ -x "$bin" ]] || die "ninja succeeded but $bin is missing"
# The binary links Debian's shared libraries: make sure they all resolve, and
# that it starts (without MEDIASOUP_VERSION it must exit with its own code 41).
if ldd "$bin" | grep -q 'not found'; then
  ldd "$bin" >&2; die "built binary has unresolved shared libraries"
fi
if ldd "$bin" | grep -q 'libsrtp2\|libnss3'; then
  ldd "$bin" >&2; die "built binary links a shared libsrtp2 (Debian's, on NSS), not the one built above"
fi
set +e; env -u MEDIASOUP_VERSION "$bin" >/dev/null 2>&1; rc=$?; set -e
(( rc == 41 )) || die "smoke test: expected exit code 41 from a bare run, got $rc"

say "installing to $out"
mkdir -p "$(dirname "$out")"
staged="$(mktemp "$(dirname "$out")/.mediasoup-worker.XXXXXX")"
cp "$bin" "$staged"
chmod 0755 "$staged"
mv -f "$staged" "$out"
staged=""
ok=1
say "done"
