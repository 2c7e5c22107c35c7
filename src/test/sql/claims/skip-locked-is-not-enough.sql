-- Claims of "SKIP LOCKED Is Not Enough", checked after all its blocks ran (see ../run_essays.py).

-- The partial index: a job gets an entry when queued, another when the reaper re-queues it, and
-- none for leaving queued; VACUUM removes the entries of rows that left.
CREATE EXTENSION IF NOT EXISTS pageinspect;
TRUNCATE jobs, fan_in;
INSERT INTO jobs (kind) VALUES ('report');
CREATE FUNCTION claimable_entries() RETURNS bigint LANGUAGE sql
  AS $$ SELECT count(*) FROM bt_page_items('jobs_claimable', 1) $$;
DO $$ BEGIN ASSERT claimable_entries() = 1; END $$;
UPDATE jobs SET status = 'running', locked_by = 'a', locked_at = now(), attempts = 1;
DO $$ BEGIN ASSERT claimable_entries() = 1; END $$;  -- the old entry stays until vacuum
UPDATE jobs SET status = 'queued', locked_by = NULL, locked_at = NULL;  -- what the reaper does
DO $$ BEGIN ASSERT claimable_entries() = 2; END $$;
VACUUM jobs;
DO $$ BEGIN ASSERT claimable_entries() = 1; END $$;
UPDATE jobs SET status = 'done';
VACUUM jobs;
DO $$ BEGIN ASSERT claimable_entries() = 0; END $$;

-- The claim statement: EXPLAIN shows the CTE as its own node with LockRows under Limit.
INSERT INTO jobs (kind) VALUES ('report');
CREATE TEMP TABLE plan (line text);
DO $$
DECLARE l text;
BEGIN
  FOR l IN EXECUTE $q$EXPLAIN WITH next AS (SELECT id FROM jobs WHERE status = 'queued' AND run_at <= now()
      ORDER BY priority, id LIMIT 1 FOR UPDATE SKIP LOCKED)
    UPDATE jobs SET status = 'running', locked_by = 'x' FROM next WHERE jobs.id = next.id$q$ LOOP
    INSERT INTO plan VALUES (l);
  END LOOP;
  ASSERT EXISTS (SELECT 1 FROM plan WHERE line LIKE '%CTE next%');
  ASSERT EXISTS (SELECT 1 FROM plan WHERE line LIKE '%LockRows%');
END $$;
