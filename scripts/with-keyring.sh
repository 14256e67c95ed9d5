#!/usr/bin/env bash
# Usage: scripts/with-keyring.sh CMD [ARG...]
#
# Runs CMD inside a private D-Bus session whose Secret Service is a fresh
# gnome-keyring-daemon, so keychain tests never read or write the user's real
# keyring. The keyrings live in a temp folder (XDG_DATA_HOME) that is removed
# when CMD ends. Every process CMD starts uses the same unlocked "login"
# keyring, so a second process finds what the first stored.
#
# Environment:
#   TEST_PASSWORD   password of the test keyring (default: synapse-test-keyring)
# Exported to CMD:
#   SYNAPSE_KEYRING=secret-service   marks for tests that a working Secret Service is
#                                    present, so keychain tests fail instead of skip
#   DBUS_SESSION_BUS_ADDRESS, GNOME_KEYRING_CONTROL, XDG_DATA_HOME, XDG_RUNTIME_DIR
#
# Exits with CMD's exit status, or 2 when the Secret Service cannot be started.
set -euo pipefail

if [[ $# -eq 0 ]]; then
  echo "usage: $0 CMD [ARG...]" >&2
  exit 2
fi

for tool in dbus-run-session dbus-send gnome-keyring-daemon; do
  if ! command -v "$tool" >/dev/null; then
    echo "with-keyring: $tool not found. Install the Debian packages dbus and gnome-keyring." >&2
    exit 2
  fi
done

# Runs inside dbus-run-session: starts the daemon, waits until it owns the
# Secret Service name on the private bus, runs CMD, then stops the daemon.
# Arguments: KEYRING_DIR CMD [ARG...]
# shellcheck disable=SC2317 # Called by name inside the bash that dbus-run-session starts.
run_in_session() {
  set -euo pipefail
  local keyring_dir=$1
  shift

  # 1. Start the daemon in the foreground as a background job, so its pid is
  #    known and it can be stopped and reaped when CMD ends. --unlock reads the
  #    password from stdin and creates the login keyring with it on first use.
  #    HOME and the XDG folders point into the temp folder, and DISPLAY is
  #    removed, so the daemon can neither open a real keyring nor show a prompt.
  printf '%s' "$TEST_PASSWORD" |
    env -u DISPLAY -u WAYLAND_DISPLAY \
      HOME="$keyring_dir/home" \
      XDG_CONFIG_HOME="$keyring_dir/config" \
      XDG_CACHE_HOME="$keyring_dir/cache" \
      gnome-keyring-daemon --foreground --unlock --components=secrets \
      >"$keyring_dir/daemon.log" 2>&1 &
  # Global, not local: the EXIT trap below runs after this function has returned.
  daemon_pid=$!
  unset TEST_PASSWORD

  # True while the daemon runs. kill -0 cannot tell, because it also succeeds
  # for an exited child that has not been reaped yet.
  daemon_running() {
    local state
    state=$(cut -d ' ' -f 3 "/proc/$daemon_pid/stat" 2>/dev/null) || return 1
    [[ $state != Z ]]
  }

  # Sends SIGTERM, then SIGKILL after 5 s, and reaps the daemon so nothing
  # outlives the session.
  stop_daemon() {
    kill -TERM "$daemon_pid" 2>/dev/null || true
    local attempt
    for ((attempt = 0; attempt < 50; attempt++)); do
      daemon_running || break
      sleep 0.1
    done
    kill -KILL "$daemon_pid" 2>/dev/null || true
    wait "$daemon_pid" 2>/dev/null || true
  }
  trap stop_daemon EXIT

  # 2. Wait until the daemon owns org.freedesktop.secrets. A client that calls
  #    the name earlier would make the bus start a second, locked daemon
  #    through D-Bus activation.
  local attempt
  for ((attempt = 0; attempt < 100; attempt++)); do
    if ! daemon_running; then
      echo "with-keyring: gnome-keyring-daemon exited during startup. Its output:" >&2
      cat "$keyring_dir/daemon.log" >&2
      exit 2
    fi
    if dbus-send --session --print-reply=literal --dest=org.freedesktop.DBus \
      /org/freedesktop/DBus org.freedesktop.DBus.NameHasOwner \
      string:org.freedesktop.secrets 2>/dev/null | grep -q true; then
      break
    fi
    sleep 0.1
  done
  if ((attempt == 100)); then
    echo "with-keyring: gnome-keyring-daemon did not register the Secret Service within 10 s. Its output:" >&2
    cat "$keyring_dir/daemon.log" >&2
    exit 2
  fi

  # 3. Run CMD with the variables a desktop session would have, and return its status.
  #    In foreground mode the daemon prints nothing, so GNOME_KEYRING_CONTROL is
  #    set here to the control folder it creates under XDG_RUNTIME_DIR.
  export GNOME_KEYRING_CONTROL="$XDG_RUNTIME_DIR/keyring"
  export SYNAPSE_KEYRING=secret-service
  echo "with-keyring: Secret Service ready (gnome-keyring-daemon pid $daemon_pid, keyrings in $XDG_DATA_HOME/keyrings)" >&2

  local status=0
  "$@" || status=$?
  return "$status"
}

keyring_dir=$(mktemp -d "${TMPDIR:-/tmp}/synapse-keyring.XXXXXX")
trap 'rm -rf -- "$keyring_dir"' EXIT
mkdir -m 700 "$keyring_dir/data" "$keyring_dir/runtime" "$keyring_dir/home" \
  "$keyring_dir/config" "$keyring_dir/cache"

export TEST_PASSWORD="${TEST_PASSWORD:-synapse-test-keyring}"
export XDG_DATA_HOME="$keyring_dir/data"
export XDG_RUNTIME_DIR="$keyring_dir/runtime"

# dbus-run-session starts a private bus, runs the inner bash, stops the bus
# when it ends and returns its exit status.
status=0
dbus-run-session -- bash -c "$(declare -f run_in_session); run_in_session \"\$@\"" \
  run_in_session "$keyring_dir" "$@" || status=$?
exit "$status"
