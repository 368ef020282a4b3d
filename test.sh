#!/usr/bin/env bash
# Runs every test of EcoEnforce against SQLite and PostgreSQL, with the browser tests in Chromium.
# As root it first installs what the tests need (PostgreSQL + PostGIS, Chromium, CJK fonts, LibreOffice).
# Ends with one line: "Tests: N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")"
export DEBIAN_FRONTEND=noninteractive DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

packages=(postgresql-15 postgresql-15-postgis-3 chromium fonts-noto-cjk fonts-wqy-microhei libreoffice-calc libreoffice-writer poppler-utils)
if [ "$(id -u)" = 0 ]; then
  missing=()
  for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "== installing ${missing[*]}"
    apt-get update -q >/dev/null
    apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi

# A throwaway PostgreSQL on loopback, gone when this script ends.
PGBIN=/usr/lib/postgresql/15/bin
if [ -x "$PGBIN/initdb" ] && [ -z "${ECOENFORCE_TEST_PG:-}" ]; then
  PGROOT="$(mktemp -d)"
  PGPORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  RUNAS=()
  if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$PGROOT"; RUNAS=(runuser -u postgres --); fi
  "${RUNAS[@]}" "$PGBIN/initdb" -D "$PGROOT/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  "${RUNAS[@]}" "$PGBIN/pg_ctl" -D "$PGROOT/data" -l "$PGROOT/log" -w \
    -o "-p $PGPORT -k $PGROOT -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null
  trap '"${RUNAS[@]}" "$PGBIN/pg_ctl" -D "$PGROOT/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$PGROOT"' EXIT
  psql -h 127.0.0.1 -p "$PGPORT" -U postgres -qc 'create extension if not exists postgis' template1
  export ECOENFORCE_TEST_PG="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=postgres;Include Error Detail=true"
  echo "== PostgreSQL on 127.0.0.1:$PGPORT"
fi

rm -rf TestResults
dotnet tool restore >/dev/null
dotnet restore EcoEnforce.slnx >/dev/null
dotnet build EcoEnforce.slnx --no-restore -c Release -v quiet -nologo
rc=0
dotnet test EcoEnforce.slnx --no-build -c Release --logger trx --results-directory TestResults -- RunConfiguration.TestSessionTimeout=1800000 || rc=$?

python3 - <<'PY'
import glob, re
passed = failed = skipped = 0
for path in glob.glob("TestResults/*.trx"):
    text = open(path, encoding="utf-8-sig").read()
    counters = dict(re.findall(r'(\w+)="(\d+)"', re.search(r"<Counters ([^>]*)/>", text).group(1)))
    passed += int(counters["passed"])
    failed += int(counters["failed"]) + int(counters.get("error", 0)) + int(counters.get("timeout", 0))
    skipped += int(counters["notExecuted"])
if skipped:
    print(f"({skipped} skipped)")
print(f"Tests: {passed} passed, {failed} failed")
PY
exit $rc
