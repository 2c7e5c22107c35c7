-- Claims of "Schema-per-Tenant vs RLS", checked after all its blocks ran (see ../run_essays.py).

-- After FORCE, the owner's query sees one tenant's rows only.
SET ROLE app_owner;
BEGIN;
SET LOCAL app.tenant_id = 'be5a33a6-d730-0e79-5998-9aadde016f2e';
DO $$ BEGIN ASSERT (SELECT count(*) FROM app.invoices) = 20; END $$;
COMMIT;
-- A used connection reads '' and the normalising function makes it NULL: zero rows, no error.
DO $$ BEGIN ASSERT current_setting('app.tenant_id', true) = ''; ASSERT (SELECT count(*) FROM app.invoices) = 0; END $$;
RESET ROLE;

-- WITH CHECK refuses another tenant's row for the application role.
SET ROLE app_rw;
BEGIN;
SET LOCAL app.tenant_id = 'be5a33a6-d730-0e79-5998-9aadde016f2e';
DO $$
BEGIN
  INSERT INTO app.invoices (tenant_id, customer, amount_cents) VALUES (gen_random_uuid(), 'x', 1);
  RAISE EXCEPTION 'expected an error';
EXCEPTION WHEN insufficient_privilege THEN
  ASSERT SQLERRM LIKE 'new row violates row-level security policy%';
END $$;
COMMIT;
RESET ROLE;

-- A missing schema in search_path is skipped, and the request reads public's table.
CREATE TABLE public.customers (name text);
INSERT INTO public.customers VALUES ('template row');
BEGIN;
SET LOCAL search_path = tenant_09999, public;
DO $$ BEGIN ASSERT current_schemas(false) = '{public}'; ASSERT (SELECT name FROM customers) = 'template row'; END $$;
COMMIT;
