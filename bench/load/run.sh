#!/usr/bin/env bash
# Load run for issue 11 point 6: one app process (Release) on loopback against PostgreSQL holding 100,000 entities and
# 1,000,000 problems; wrk at 50 and 200 connections on the ledger, registry search, dashboard and public pages.
# Prints one markdown row per page and concurrency: p50, p90, p99, requests/s, non-2xx and socket errors.
#
#   bench/load/run.sh [--fill] [--seconds N] [--think MS]
#
#   --fill      drop and rebuild the database: one app start migrates it and loads the 2022 plan and the demo data,
#               then bench/load/fill.sql generates the rest (about a minute)
#   --seconds   length of each wrk run (default 20)
#   --think     each connection waits a random 0–2×N milliseconds between requests, N on average (default 0: as
#               fast as the app answers), like people reading a page before the next click
#
# PostgreSQL from LOAD_PGHOST / LOAD_PGPORT / LOAD_PGUSER (default 127.0.0.1:55432, postgres, trust authentication);
# the database is LOAD_PGDATABASE (default ecoload). Installs wrk with apt when it is missing and we are root.
set -euo pipefail
cd "$(dirname "$0")/../.."

host=${LOAD_PGHOST:-127.0.0.1} port=${LOAD_PGPORT:-55432} user=${LOAD_PGUSER:-postgres} db=${LOAD_PGDATABASE:-ecoload}
seconds=20 think=0 fill=false
while [[ $# -gt 0 ]]; do
  case $1 in
    --fill) fill=true; shift ;;
    --seconds) seconds=$2; shift 2 ;;
    --think) think=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

command -v wrk >/dev/null || { [[ $EUID -eq 0 ]] && apt-get install -y -qq wrk >/dev/null; }
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 2; }

url=http://127.0.0.1:5090
password=Load-Run-$(date +%s)-Pw
work=$(mktemp -d)
app_pid=
stop_app() { [[ -n $app_pid ]] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null; app_pid=; }
trap 'stop_app; rm -rf "$work"' EXIT

# Started in the project directory, as `dotnet run` does, so appsettings.json (log levels) and wwwroot apply.
start_app() {
  ECOENFORCE_ADMIN_PASSWORD=$password ECOENFORCE_DATA_DIR=$work \
  Database__Provider=Postgres ConnectionStrings__EcoEnforce="Host=$host;Port=$port;Username=$user;Database=$db" \
  Receiver__Enabled=false Kestrel__Endpoints__Http__Url=$url PublicSite__RequestsPerMinute=1000000000 \
    bash -c 'cd src/EcoEnforce.Web && exec dotnet bin/Release/net10.0/EcoEnforce.Web.dll' >>"$work/app.log" 2>&1 &
  app_pid=$!
  for _ in $(seq 120); do curl -sf "$url/health/ready" >/dev/null && return; sleep 1; done
  echo "the app did not become ready; its log:" >&2; cat "$work/app.log" >&2; exit 1
}

dotnet build src/EcoEnforce.Web -c Release -v quiet -nologo >/dev/null
dotnet build src/EcoEnforce.Cli -c Release -v quiet -nologo >/dev/null
psql_db() { psql -h "$host" -p "$port" -U "$user" -v ON_ERROR_STOP=1 -qAt "$@"; }
if $fill || [[ -z $(psql_db -d postgres -c "select 1 from pg_database where datname = '$db'") ]]; then
  psql_db -d postgres -c "drop database if exists $db" -c "create database $db"
  start_app; stop_app
  time psql_db -d "$db" -f bench/load/fill.sql
fi
# A leader of the bureau reads every unit's ledger; a new account per run, made by the CLI as an operator would.
login=load$(date +%s)
ECOENFORCE_NEW_PASSWORD=$password Database__Provider=Postgres \
ConnectionStrings__EcoEnforce="Host=$host;Port=$port;Username=$user;Database=$db" \
  dotnet run -c Release --no-build --project src/EcoEnforce.Cli -- users add "$login" --name 负载测试 --role Leader >/dev/null
start_app

# The first hourly lead scan runs at start-up (a minute of CPU over 100,000 entities): measure after it.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$app_pid/stat"; }
for _ in $(seq 60); do
  before=$(cpu_ticks); sleep 5; (( $(cpu_ticks) - before < 50 )) && break  # under 10 % of a core for 5 s
done

# Sign in as a browser does: the form's antiforgery token, then the cookie the app sets. wrk cannot take the renewed
# cookie the app sends after its once-a-minute security-stamp check, so every run starts with a fresh sign-in
# (otherwise each request after the first minute would re-check the stamp, which no browser does).
sign_in() {
  local jar=$work/cookies token
  rm -f "$jar"
  token=$(curl -s -c "$jar" "$url/Account/Login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//; s/"$//')
  curl -s -b "$jar" -c "$jar" -o /dev/null -w '%{http_code}' --data-urlencode "UserName=$login" --data-urlencode "Password=$password" \
    --data-urlencode "__RequestVerificationToken=$token" "$url/Account/Login" | grep -q 302 || { echo "sign-in failed" >&2; exit 1; }
  cookie=$(awk '!/^#/ || /^#HttpOnly_/ { if (NF >= 7) printf "%s=%s; ", $6, $7 }' "$jar")
}

item=$(psql_db -d "$db" -c "select max(\"Id\") from \"Publications\" where \"Kind\" = 0")
# Staff pages as the signed-in leader; public pages as the public, without the staff cookie (signed-in requests are
# never answered from the public site's cache).
pages=(
  "dashboard|/"
  "ledger (this year)|/Ledger"
  "ledger, every year|/Ledger?Year="
  "repeat offenders|/Ledger/Repeat"
  "registry search|/Registry?Query=%E4%B9%8C%E6%B1%9F%E5%8C%96%E5%B7%A5"
  "public home|/public"
  "public results|/public/results"
  "public item|/public/items/$item"
)
script=$work/think.lua
# Random pauses (mean --think) keep the clients from firing in step after a slow answer.
echo "function delay() return math.random(0, 2 * $think) end" >"$script"

echo "| page | clients | p50 ms | p90 ms | p99 ms | requests/s | non-2xx | socket errors |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"
for entry in "${pages[@]}"; do
  name=${entry%%|*} path=${entry#*|}
  sign_in
  [[ $path == /public* ]] && header="X-Visitor: public" || header="Cookie: $cookie"
  status=$(curl -s -o /dev/null -w '%{http_code}' -H "$header" "$url$path")
  [[ $status == 200 ]] || { echo "$path answered $status, not 200" >&2; exit 1; }
  # Warm up (JIT tiers, connection pool, caches) before measuring; these figures are thrown away.
  wrk -t2 -c50 -d5s -H "$header" "$url$path" >/dev/null
  for clients in 50 200; do
    sign_in
    [[ $path == /public* ]] || header="Cookie: $cookie"
    out=$(wrk -t2 -c"$clients" -d"${seconds}s" --timeout 30s --latency -s "$script" -H "$header" "$url$path")
    ms() { awk -v p="$1" '$1 == p { v = $2; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) sub(/ms$/, "", v); else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 }; printf "%.0f", v }' <<<"$out"; }
    rps=$(awk '/^Requests\/sec/ { printf "%.0f", $2 }' <<<"$out")
    non2xx=$(awk '/Non-2xx/ { print $NF }' <<<"$out"); errors=$(awk '/Socket errors/ { sub(/.*errors: /, ""); print }' <<<"$out")
    echo "| $name | $clients | $(ms 50%) | $(ms 90%) | $(ms 99%) | $rps | ${non2xx:-0} | ${errors:-none} |"
  done
done
