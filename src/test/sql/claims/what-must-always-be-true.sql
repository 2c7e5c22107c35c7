-- Claims of "What Must Always Be True", checked after all its blocks ran (see ../run_essays.py).

-- Named constraints name the invariant: a job for tenant 1 cannot name a user of tenant 2.
INSERT INTO users (tenant_id) VALUES (1), (2);
DO $$
BEGIN
  INSERT INTO report_jobs (tenant_id, requested_by, report_type, period) VALUES (1, 2, 'usage', '[2025-01-01,2025-02-01)');
  RAISE EXCEPTION 'expected an error';
EXCEPTION WHEN foreign_key_violation THEN
  ASSERT SQLERRM LIKE '%violates foreign key constraint "requester_in_same_tenant"';
END $$;
-- Adjacent months pass; overlapping live ones don't; a delivered report cannot be cancelled.
INSERT INTO report_jobs (tenant_id, requested_by, report_type, period) VALUES
  (1, 1, 'usage', '[2025-01-01,2025-02-01)'), (1, 1, 'usage', '[2025-02-01,2025-03-01)');
DO $$
BEGIN
  INSERT INTO report_jobs (tenant_id, requested_by, report_type, period) VALUES (1, 1, 'usage', '[2025-01-15,2025-02-15)');
  RAISE EXCEPTION 'expected an error';
EXCEPTION WHEN exclusion_violation THEN NULL;
END $$;
UPDATE report_jobs SET status = 'delivered', artifact_key = 'k', delivered_at = now() WHERE period = '[2025-01-01,2025-02-01)';
DO $$
BEGIN
  UPDATE report_jobs SET status = 'cancelled' WHERE period = '[2025-01-01,2025-02-01)';
  RAISE EXCEPTION 'expected an error';
EXCEPTION WHEN check_violation THEN
  ASSERT SQLERRM LIKE '%"delivered_iff_delivered_at"';
END $$;

-- The application role: claims need an actor, set transaction-locally by the wrapper.
SET ROLE claims_app;
BEGIN;
SELECT set_config('app.tenant_id', '1', true), set_config('app.actor', 'reviewer-9', true) \gset
INSERT INTO claims (organisation_id, claimant_id) VALUES (1, 601), (3, 602);
COMMIT;
DO $$ BEGIN ASSERT (SELECT count(*) FROM claim_events WHERE actor = 'reviewer-9') = 2; END $$;
-- A transaction that forgets the actor fails on NOT NULL (the used connection reads '').
DO $$
BEGIN
  UPDATE claims SET status = 'in_review' WHERE organisation_id = 1;
  RAISE EXCEPTION 'expected an error';
EXCEPTION WHEN not_null_violation THEN NULL;
END $$;
-- A session-level SET passes the constraint and stamps the next transaction too.
SET app.actor = 'reviewer-17';
BEGIN;
UPDATE claims SET status = 'in_review' WHERE organisation_id = 1;
UPDATE claims SET status = 'approved', decided_at = now() WHERE organisation_id = 1;
COMMIT;
BEGIN;  -- an unrelated transaction on the same connection that sets no actor
UPDATE claims SET status = 'withdrawn' WHERE organisation_id = 3;
COMMIT;
DO $$ BEGIN ASSERT (SELECT actor FROM claim_events e JOIN claims c ON c.id = e.claim_id
                     WHERE c.organisation_id = 3 AND e.to_status = 'withdrawn') = 'reviewer-17'; END $$;
RESET app.actor;
-- Skipping review and reopening an approved claim are illegal transitions.
DO $$
BEGIN
  UPDATE claims SET status = 'in_review' WHERE organisation_id = 1;
  RAISE EXCEPTION 'expected an error';
EXCEPTION WHEN check_violation THEN
  ASSERT SQLERRM LIKE 'illegal transition approved -> in_review%';
END $$;
-- The application role cannot rewrite or remove events.
DO $$
BEGIN
  UPDATE claim_events SET actor = 'forged';
  RAISE EXCEPTION 'expected an error';
EXCEPTION WHEN insufficient_privilege THEN
  ASSERT SQLERRM LIKE 'permission denied%';
END $$;
DO $$
BEGIN
  DELETE FROM claim_events;
  RAISE EXCEPTION 'expected an error';
EXCEPTION WHEN insufficient_privilege THEN
  ASSERT SQLERRM LIKE 'permission denied%';
END $$;
DO $$
BEGIN
  TRUNCATE claim_events;
  RAISE EXCEPTION 'expected an error';
EXCEPTION WHEN insufficient_privilege THEN
  ASSERT SQLERRM LIKE 'permission denied%';
END $$;
RESET ROLE;

-- Everyone else meets the guard trigger, the superuser included while it is enabled.
DO $$
BEGIN
  DELETE FROM claim_events WHERE id = 1;
  RAISE EXCEPTION 'expected an error';
EXCEPTION WHEN insufficient_privilege THEN
  ASSERT SQLERRM = 'claim_events is append-only';
END $$;

-- claims_owner cannot log in.
DO $$ BEGIN ASSERT NOT (SELECT rolcanlogin FROM pg_roles WHERE rolname = 'claims_owner'); END $$;

-- But a login role with the owner's rights and no superuser attribute rewrites history.
-- (Last: the session stays connected as that role, over TCP with a password.)
CREATE ROLE claims_migrator LOGIN PASSWORD 'dev-only' IN ROLE claims_owner;
SELECT current_database() AS db \gset
\setenv PGPASSWORD dev-only
\connect -reuse-previous=off :db claims_migrator 127.0.0.1
DO $$ BEGIN ASSERT current_user = 'claims_migrator'; ASSERT NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user); END $$;
ALTER TABLE claim_events DISABLE TRIGGER claim_events_append_only;
UPDATE claim_events SET actor = 'someone-else' WHERE id = 1;
DELETE FROM claim_events WHERE id = 2;
ALTER TABLE claim_events ENABLE TRIGGER claim_events_append_only;
DO $$ BEGIN ASSERT (SELECT actor FROM claim_events WHERE id = 1) = 'someone-else'; ASSERT NOT EXISTS (SELECT 1 FROM claim_events WHERE id = 2); END $$;
