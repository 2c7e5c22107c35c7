#!/bin/bash
# The lock-table experiments of "Schema-per-Tenant vs RLS". Not run by CI.
#
# Run as the postgres OS user on a scratch PostgreSQL 15 cluster, after tenants.sql built the
# 5,000-tenant database "tenants". It reports, at the cluster's current max_locks_per_transaction
# (the essay's figures: 64, the default, then 256 after ALTER SYSTEM and a restart):
#   - how many relation locks one transaction can hold before "out of shared memory";
#   - two one-transaction migrations, each rolled back: a column and an index on invoices in every
#     schema, then on all three tables;
#   - planning an aggregate over a UNION ALL view of the first 1,000 and of all 5,000 tenants'
#     invoices, with the backend's CPU time (on a loaded machine, wall time says little);
#   - a full pg_dump;
#   - with PER_SCHEMA=1, the one-table migration with one transaction per schema (then undone).
set -u
DB=${1:-tenants}
P="psql -X -d $DB"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

$P -Atc 'SHOW max_locks_per_transaction' | sed 's/^/max_locks_per_transaction = /'

$P -q <<'SQL'
DROP VIEW IF EXISTS all_invoices, first_1000_invoices;
SELECT format('CREATE VIEW %s AS %s', v, string_agg(format('SELECT %L AS tenant, i.* FROM %I.invoices i', n, n), ' UNION ALL ' ORDER BY n))
  FROM (SELECT nspname AS n, row_number() OVER (ORDER BY nspname) AS k FROM pg_namespace WHERE nspname LIKE 'tenant\_%') t,
       (VALUES ('all_invoices', 5000), ('first_1000_invoices', 1000)) v (v, upto)
 WHERE k <= upto GROUP BY v \gexec
SQL

$P -q <<'SQL'
DO $$
DECLARE
  n int := 0;
  r record;
BEGIN
  FOR r IN SELECT c.oid::regclass AS rel FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace
            WHERE s.nspname LIKE 'tenant\_%' AND c.relkind = 'r' ORDER BY c.oid LOOP
    EXECUTE format('LOCK TABLE %s IN ACCESS SHARE MODE', r.rel);
    n := n + 1;
  END LOOP;
  RAISE NOTICE 'locked all % tables', n;
EXCEPTION WHEN out_of_memory THEN
  RAISE NOTICE 'out of shared memory after % relation locks', n;
END $$;
SQL

# One transaction each (a DO block is one statement), rolled back at the end either way.
for tables in "'invoices'" "'customers', 'invoices', 'payments'"; do
  echo "migration: a column and an index on ($tables) in every schema, one transaction:"
  /usr/bin/time -f '  %e s' $P -q <<SQL 2>&1 | sed -e 's/^psql:<stdin>:[0-9]*: NOTICE:  /  /' -e 's/^ *//;s/^/  /'
DO \$\$
DECLARE
  tenant int;
  tbl text;
BEGIN
  FOR t IN 1 .. 5000 LOOP
    tenant := t;
    FOREACH tbl IN ARRAY ARRAY[$tables] LOOP
      EXECUTE format('ALTER TABLE %I.%I ADD COLUMN reviewed_at timestamptz', format('tenant_%s', lpad(t::text, 5, '0')), tbl);
      EXECUTE format('CREATE INDEX ON %I.%I (reviewed_at)', format('tenant_%s', lpad(t::text, 5, '0')), tbl);
    END LOOP;
  END LOOP;
  RAISE NOTICE 'finished, holding locks on % relations', (SELECT count(DISTINCT relation) FROM pg_locks WHERE pid = pg_backend_pid());
  RAISE EXCEPTION 'roll back' USING ERRCODE = 'P0003';
EXCEPTION
  WHEN out_of_memory THEN RAISE NOTICE 'out of shared memory at tenant_%, table %', lpad(tenant::text, 5, '0'), tbl;
  WHEN SQLSTATE 'P0003' THEN NULL;
END \$\$;
SQL
done

if [ "${PER_SCHEMA:-0}" = 1 ]; then
  # Changes the fixture, then undoes it: one transaction per schema (a procedure commits each).
  $P -q <<'SQL'
CREATE OR REPLACE PROCEDURE migrate_each(undo boolean)
LANGUAGE plpgsql AS $$
BEGIN
  FOR t IN 1 .. 5000 LOOP
    IF undo THEN
      EXECUTE format('ALTER TABLE %I.invoices DROP COLUMN reviewed_at', format('tenant_%s', lpad(t::text, 5, '0')));
    ELSE
      EXECUTE format('ALTER TABLE %I.invoices ADD COLUMN reviewed_at timestamptz', format('tenant_%s', lpad(t::text, 5, '0')));
      EXECUTE format('CREATE INDEX ON %I.invoices (reviewed_at)', format('tenant_%s', lpad(t::text, 5, '0')));
    END IF;
    COMMIT;
  END LOOP;
END $$;
SQL
  echo "migration: a column and an index on invoices, one transaction per schema:"
  /usr/bin/time -f '  %e s' $P -q -c 'CALL migrate_each(false)' 2>&1
  $P -q -c 'CALL migrate_each(true)' -c 'DROP PROCEDURE migrate_each(boolean)'
fi

cat > "$TMP/plan.sql" <<'SQL'
SELECT pg_backend_pid() AS pid \gset
\setenv PID :pid
\! awk '{print "  cpu ticks before:", $14+$15}' /proc/$PID/stat
\timing on
EXPLAIN (COSTS OFF) SELECT tenant, count(*), sum(amount_cents) FROM first_1000_invoices GROUP BY tenant \g /dev/null
\timing off
\! awk '{print "  cpu ticks after 1,000:", $14+$15}' /proc/$PID/stat
\timing on
EXPLAIN (COSTS OFF) SELECT tenant, count(*), sum(amount_cents) FROM all_invoices GROUP BY tenant \g /dev/null
\timing off
\! awk '{print "  cpu ticks after 5,000:", $14+$15}' /proc/$PID/stat
SQL
echo "planning (CPU ticks are 1/$(getconf CLK_TCK) s):"
$P -f "$TMP/plan.sql" 2>&1 | sed 's/^/  /'

echo 'full pg_dump:'
/usr/bin/time -f '  %e s' pg_dump -d "$DB" -f /dev/null 2>&1 | grep -v '^HINT' | sed 's/^/  /'
