#!/usr/bin/env bash
# Runs a command against a real OS keychain that belongs to the test run only.
# On Linux: a private D-Bus session with a fresh, unlocked GNOME Keyring, so
# tests never touch the developer's own keyring and CI needs no desktop.
# On macOS and Windows the command runs as is (their keychains are always there).
set -euo pipefail

if [ "$(uname -s)" != "Linux" ]; then
  exec "$@"
fi

if [ -z "${CHOFESH_PRIVATE_BUS:-}" ]; then
  command -v dbus-run-session >/dev/null || { echo "with-keyring: dbus-run-session missing (apt-get install dbus)" >&2; exit 1; }
  command -v gnome-keyring-daemon >/dev/null || { echo "with-keyring: gnome-keyring-daemon missing (apt-get install gnome-keyring)" >&2; exit 1; }
  exec env CHOFESH_PRIVATE_BUS=1 dbus-run-session -- bash "$0" "$@"
fi

keyring_home=$(mktemp -d)
trap 'rm -rf "$keyring_home"' EXIT
export XDG_DATA_HOME="$keyring_home"
# The daemon reads the unlock password on stdin and prints the variables that point at it.
eval "$(printf 'chofesh-test-keyring' | gnome-keyring-daemon --unlock --components=secrets)"
export GNOME_KEYRING_CONTROL

"$@"
