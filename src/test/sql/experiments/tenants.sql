-- Schema-per-tenant fixture for "Schema-per-Tenant vs RLS" (what 5,000 schemas cost).
-- Not run by CI. Run in an empty scratch database, e.g.
--   createdb tenants && psql -X -d tenants -v last=5000 -f tenants.sql
-- Each tenant: three tables (customers, invoices, payments) with identity keys, two foreign keys
-- and two secondary indexes, plus a unique e-mail per customer: 16 relations counting sequences,
-- TOAST tables and their indexes. On a fresh PostgreSQL 15 database, 5,000 tenants give 80,410
-- pg_class and 433,054 pg_attribute rows.
-- One transaction per tenant (the procedure commits after each).
CREATE OR REPLACE PROCEDURE create_tenants(first_tenant int, last_tenant int)
LANGUAGE plpgsql AS $$
DECLARE
  s text;
BEGIN
  FOR t IN first_tenant .. last_tenant LOOP
    s := format('tenant_%s', lpad(t::text, 5, '0'));
    EXECUTE format('CREATE SCHEMA %I', s);
    EXECUTE format($f$CREATE TABLE %I.customers (
      id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      name       text        NOT NULL,
      email      text        NOT NULL UNIQUE,
      created_at timestamptz NOT NULL DEFAULT now())$f$, s);
    EXECUTE format($f$CREATE TABLE %I.invoices (
      id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      customer_id  bigint      NOT NULL REFERENCES %I.customers (id),
      status       text        NOT NULL DEFAULT 'open',
      amount_cents bigint      NOT NULL,
      created_at   timestamptz NOT NULL DEFAULT now())$f$, s, s);
    EXECUTE format('CREATE INDEX ON %I.invoices (created_at DESC)', s);
    EXECUTE format($f$CREATE TABLE %I.payments (
      id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      invoice_id   bigint      NOT NULL REFERENCES %I.invoices (id),
      amount_cents bigint      NOT NULL,
      paid_at      timestamptz NOT NULL DEFAULT now())$f$, s, s);
    EXECUTE format('CREATE INDEX ON %I.payments (invoice_id)', s);
    COMMIT;
  END LOOP;
END $$;

\timing on
CALL create_tenants(1, 1000);
CALL create_tenants(1001, :last);
\timing off
SELECT (SELECT count(*) FROM pg_class) AS pg_class_rows, (SELECT count(*) FROM pg_attribute) AS pg_attribute_rows;
SELECT count(*) AS relations_of_tenant_00001 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE n.nspname = 'tenant_00001'
    OR c.oid IN (SELECT reltoastrelid FROM pg_class c2 JOIN pg_namespace n2 ON n2.oid = c2.relnamespace WHERE n2.nspname = 'tenant_00001')
    OR c.oid IN (SELECT i.indexrelid FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
                  WHERE t.oid IN (SELECT reltoastrelid FROM pg_class c3 JOIN pg_namespace n3 ON n3.oid = c3.relnamespace WHERE n3.nspname = 'tenant_00001'));
