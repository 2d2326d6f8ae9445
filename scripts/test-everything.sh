#!/usr/bin/env bash
# The whole test suite on a fresh Debian or Ubuntu machine, as root: installs the Debian packages
# the sandbox suites need (.ci/apt-packages.txt), the npm dependencies, then runs `npm test`.
# CI (.ci/run) runs exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$(id -u)" -ne 0 ]; then
  echo "The sandbox suites start NetworkManager in network namespaces: run this as root." >&2
  exit 2
fi

export DEBIAN_FRONTEND=noninteractive
# Installing network-manager must not start it on this machine itself: policy-rc.d refuses
# service starts during the install (restored afterwards if one was there).
policy=/usr/sbin/policy-rc.d
backup=""
if [ -e "$policy" ]; then backup=$(mktemp); cp -p "$policy" "$backup"; fi
printf '#!/bin/sh\nexit 101\n' > "$policy"
chmod +x "$policy"
restore_policy() {
  if [ -n "$backup" ]; then mv "$backup" "$policy"; else rm -f "$policy"; fi
}
trap restore_policy EXIT

apt-get update -q
# shellcheck disable=SC2046
apt-get install -y -q --no-install-recommends $(grep -v '^#' .ci/apt-packages.txt)
restore_policy
trap - EXIT

# No test runs Electron's binary (see README, "What only Electron runs"), and some machines cannot
# download it: the typings come with the package either way.
export ELECTRON_SKIP_BINARY_DOWNLOAD=1
npm ci --no-audit --no-fund

npm test
