-- Claims of "Why SET LOCAL, not SET", checked after all its blocks ran (see ../run_essays.py).

-- A plain SET survives COMMIT; ROLLBACK undoes it.
SET ROLE invoices_app;
BEGIN; SET app.tenant_id = '1'; COMMIT;
DO $$ BEGIN ASSERT current_setting('app.tenant_id') = '1'; END $$;
BEGIN; SET app.tenant_id = '2'; ROLLBACK;
DO $$ BEGIN ASSERT current_setting('app.tenant_id') = '1'; END $$;
RESET app.tenant_id;

-- Under the raising policy, an unset tenant is an error on a used connection...
DO $$
BEGIN
  PERFORM count(*) FROM invoices;
  RAISE EXCEPTION 'expected an error';
EXCEPTION WHEN insufficient_privilege THEN
  ASSERT SQLERRM = 'app.tenant_id is not set for this transaction';
END $$;

-- ...WITH CHECK refuses another tenant's row, and the function runs once, as an InitPlan.
BEGIN;
SELECT set_config('app.tenant_id', '1', true) \gset
DO $$
BEGIN
  INSERT INTO invoices (tenant_id, customer, amount_cents) VALUES (2, 'Globex Ltd', 1);
  RAISE EXCEPTION 'expected an error';
EXCEPTION WHEN insufficient_privilege THEN
  ASSERT SQLERRM = 'new row violates row-level security policy for table "invoices"';
END $$;
CREATE TEMP TABLE plan (line text);
DO $$
DECLARE l text;
BEGIN
  FOR l IN EXECUTE 'EXPLAIN SELECT * FROM invoices' LOOP INSERT INTO plan VALUES (l); END LOOP;
  ASSERT EXISTS (SELECT 1 FROM plan WHERE line LIKE '%InitPlan%');
  ASSERT EXISTS (SELECT 1 FROM plan WHERE line LIKE '%Filter: (tenant_id = $0)%');
END $$;
COMMIT;
RESET ROLE;

-- After FORCE, the owner gets the raising policy's error; the superuser still sees all five rows.
SET ROLE invoices_owner;
DO $$
BEGIN
  PERFORM count(*) FROM invoices;
  RAISE EXCEPTION 'expected an error';
EXCEPTION WHEN insufficient_privilege THEN NULL;
END $$;
RESET ROLE;
DO $$ BEGIN ASSERT (SELECT count(*) FROM invoices) = 5; END $$;
DO $$ BEGIN ASSERT (SELECT NOT rolsuper AND NOT rolbypassrls FROM pg_roles WHERE rolname = 'invoices_app'); END $$;

-- DISCARD ALL is an error inside a transaction block.
BEGIN;
DO $$ BEGIN EXECUTE 'DISCARD ALL'; RAISE EXCEPTION 'expected an error';
EXCEPTION WHEN active_sql_transaction THEN NULL; END $$;
ROLLBACK;
