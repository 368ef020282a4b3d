#!/usr/bin/env bash
# Times `ecoenforce audit verify` over N audit entries (default 1,000,000) on SQLite, or on PostgreSQL when
# ECOENFORCE_BENCH_PG holds a libpq connection string for psql and ECOENFORCE_BENCH_CS the same server for Npgsql
# (a throwaway database is created and dropped), e.g.
#   ECOENFORCE_BENCH_PG="host=127.0.0.1 port=55432 user=postgres" ECOENFORCE_BENCH_CS="Host=127.0.0.1;Port=55432;Username=postgres"
# The entries are inserted with SQL outside the chain, then sealed by `audit verify --seal` (the path a database from
# before the chain takes at its first start), then verified alone. Usage: bench/audit-verify.sh [N]
set -euo pipefail
n=${1:-1000000}
root=$(cd "$(dirname "$0")/.." && pwd)
dotnet build "$root/src/EcoEnforce.Cli" -c Release -v quiet >/dev/null
cli="$root/src/EcoEnforce.Cli/bin/Release/net10.0/ecoenforce"
export ECOENFORCE_DATA_DIR=$(mktemp -d) ECOENFORCE_DEMO=false ECOENFORCE_ADMIN_PASSWORD=Bench-Passw0rd-123
trap 'rm -rf "$ECOENFORCE_DATA_DIR"' EXIT
who="'web:zhangsan', '修改', 'InspectionTask'"
before="'{\"Status\":\"Planned\",\"Version\":1}'"
after="'{\"Id\":' || i || ',\"Status\":\"Done\",\"InspectedOn\":\"2022-09-20\",\"Version\":2,\"Note\":\"现场检查未发现问题，污染防治设施正常运行\"}'"
columns='"AtUtc", "Actor", "Action", "EntityType", "EntityKey", "Before", "After"'
if [[ -n "${ECOENFORCE_BENCH_PG:-}" ]]; then
  db=ee_bench_audit_$$
  psql "$ECOENFORCE_BENCH_PG" -qc "CREATE DATABASE $db"
  trap 'psql "$ECOENFORCE_BENCH_PG" -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)"; rm -rf "$ECOENFORCE_DATA_DIR"' EXIT
  export Database__Provider=Postgres ConnectionStrings__EcoEnforce="$ECOENFORCE_BENCH_CS;Database=$db"
  "$cli" db migrate >/dev/null
  psql "$ECOENFORCE_BENCH_PG dbname=$db" -qc "INSERT INTO \"AuditEntries\" ($columns)
    SELECT timestamptz '2022-09-20 02:00:00.123456Z' + i * interval '1 second', $who, i::text, $before, $after FROM generate_series(1, $n) i"
else
  "$cli" db migrate >/dev/null
  sqlite3 "$ECOENFORCE_DATA_DIR/ecoenforce.db" "WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < $n)
    INSERT INTO AuditEntries ($columns) SELECT '2022-09-20 02:00:00.1234567', $who, i, $before, $after FROM s;"
fi
echo "sealing $n entries (audit verify --seal):"
/usr/bin/time -f "  %e s wall, %U s user + %S s sys CPU, %M KB max RSS" "$cli" audit verify --seal | sed 's/^/  /'
echo "verifying (audit verify):"
/usr/bin/time -f "  %e s wall, %U s user + %S s sys CPU, %M KB max RSS" "$cli" audit verify | sed 's/^/  /'
