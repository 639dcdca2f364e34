#!/usr/bin/env bash
# Runs every Liaison test, as CI does (.ci/run calls this script):
#   1. builds with warnings as errors and checks formatting (dotnet format --verify-no-changes);
#   2. runs the feature tests on SQLite, then again on a throw-away PostgreSQL cluster;
#   3. runs the browser tests (Playwright + axe-core) in Debian's Chromium.
# Installs Chromium and PostgreSQL with apt-get where they are missing. Ends with "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
results="$root/.artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# --- What the tests need from the machine ------------------------------------------------------
packages=()
command -v chromium >/dev/null 2>&1 || packages+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || packages+=(postgresql)
if [ ${#packages[@]} -gt 0 ]; then
  echo "Installing ${packages[*]} ..."
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
fi

# --- A throw-away PostgreSQL cluster -------------------------------------------------------------
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
pgdata=$(mktemp -d /tmp/liaison-pg.XXXXXX)
pgport=${LIAISON_TEST_PGPORT:-55432}
run_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" -eq 0 ] && chown postgres "$pgdata"
stop_pg() {
  run_pg "$pgbin/pg_ctl" -D "$pgdata" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$pgdata"
}
trap stop_pg EXIT
run_pg "$pgbin/initdb" -D "$pgdata" -U postgres --auth=trust -E UTF8 >/dev/null
run_pg "$pgbin/pg_ctl" -D "$pgdata" -l "$pgdata/server.log" -w start \
  -o "-p $pgport -k $pgdata -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" >/dev/null
export LIAISON_TEST_POSTGRES="Host=127.0.0.1;Port=$pgport;Username=postgres;Password=unused;Include Error Detail=true"

# --- Build and style ----------------------------------------------------------------------------
dotnet build Liaison.slnx -c Release -nologo -v quiet
dotnet format Liaison.slnx --verify-no-changes --no-restore -v quiet

# --- Tests --------------------------------------------------------------------------------------
status=0
run_tests() { # name, project, test filter, extra environment
  local name=$1 project=$2 filter=$3
  echo "== $name"
  env "${@:4}" dotnet test "$project" -c Release --no-build -nologo ${filter:+--filter "$filter"} \
    --logger "trx;LogFileName=$name.trx" --results-directory "$results" -- xUnit.ParallelizeTestCollections=true || status=1
}
# Tests that do not touch the database (architecture, pure rules) carry [Trait("Provider", "Independent")]: run once.
run_tests sqlite tests/Liaison.Tests "" LIAISON_TEST_DATABASE=Sqlite
run_tests postgres tests/Liaison.Tests "Provider!=Independent" LIAISON_TEST_DATABASE=Postgres
if [ -d tests/Liaison.BrowserTests ]; then
  run_tests browser tests/Liaison.BrowserTests "" LIAISON_TEST_DATABASE=Sqlite
fi

# --- Totals, from the test result files ---------------------------------------------------------
passed=0 failed=0 skipped=0
for trx in "$results"/*.trx; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(echo "$counters" | sed -n 's/.* passed="\([0-9]*\)".*/\1/p')
  f=$(echo "$counters" | sed -n 's/.* failed="\([0-9]*\)".*/\1/p')
  t=$(echo "$counters" | sed -n 's/.* total="\([0-9]*\)".*/\1/p')
  e=$(echo "$counters" | sed -n 's/.* executed="\([0-9]*\)".*/\1/p')
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${t:-0} - ${e:-0}))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
if [ "$skipped" -gt 0 ]; then
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ]
