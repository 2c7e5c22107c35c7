#!/usr/bin/env python3
"""Runs every ```sql block of the demo essays in posts/ against a local PostgreSQL 15.

Not run by CI (the build needs no database). Run it by hand after changing an essay's SQL:

    sudo -u postgres python3 src/test/sql/run_essays.py            # all four essays
    sudo -u postgres python3 src/test/sql/run_essays.py set-local  # essays whose file name contains it

It needs a superuser connection through libpq's usual settings (PGHOST, PGPORT, PGUSER; peer
authentication as the postgres OS user works on Debian) and, for one check, password logins over
TCP on 127.0.0.1 (Debian's default pg_hba.conf allows them). Use a scratch cluster: for each essay
it drops and recreates a database named essay_<slug> and drops the roles that essay creates (roles
are cluster-wide, as the essays say).

Each block runs in its own psql session with the context its essay's prose gives (a role to act
as, rows the prose says exist, values for $1-style parameters), then the statements in
claims/<essay>.sql check what the prose claims about the result (PL/pgSQL ASSERT, or an error
expected with a given message). A block or check that fails stops that essay and is reported.
It also checks that the TypeScript block of "Why SET LOCAL, not SET" is, byte for byte, the file
experiments/nest compiles and runs. Exit status 1 when anything failed.
"""
import pathlib
import re
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[3]
CLAIMS = pathlib.Path(__file__).resolve().parent / "claims"

# Per essay (a substring of its file name): the roles it creates, then one entry per ```sql block
# in order. An entry may give: role (SET ROLE for the session), before / after (SQL in the same session),
# params ({"$1": "'literal'"}, substituted as text), inject ((marker, sql): sql runs just before
# the first line containing marker), warning (text psql must print on stderr).
ESSAYS = {
    "skip-locked-is-not-enough": {
        "roles": [],
        "blocks": [
            {"after": "INSERT INTO jobs (kind) SELECT 'report' FROM generate_series(1, 5);"},
            {"params": {"$1": "'worker-a'"},
             "after": "DO $$ BEGIN ASSERT (SELECT locked_by FROM jobs WHERE id = 1 AND status = 'running') = 'worker-a'; END $$;"},
            {"before": "UPDATE jobs SET locked_at = now() - interval '6 minutes' WHERE id = 1;",
             "after": "DO $$ BEGIN ASSERT (SELECT status = 'queued' AND last_error = 'lease expired (held by worker-a)'"
                      " FROM jobs WHERE id = 1); END $$;"},
            {"before": "UPDATE jobs SET status = 'running', locked_by = 'worker-b', locked_at = now(),"
                       " attempts = attempts + 1 WHERE id = 2;",
             "params": {"$1": "2", "$2": "'worker-b'", "$3": "1"},
             "after": "DO $$ BEGIN ASSERT (SELECT status FROM jobs WHERE id = 2) = 'done'; END $$;"},
            {"before": "ALTER TABLE jobs ADD COLUMN ordering_key text;"},
            {},
            {"before": "INSERT INTO jobs (kind, status) VALUES ('parent', 'waiting');"
                       " INSERT INTO jobs (kind, status, parent_id, locked_by, attempts)"
                       " VALUES ('child', 'running', 6, 'w', 1), ('child', 'running', 6, 'w', 1);",
             "params": {"$1": "7", "$2": "6"}},
            {"inject": ("WITH finished AS", "INSERT INTO fan_in VALUES (6, 1);"),
             "params": {"$1": "8", "$2": "'w'", "$3": "1"},
             "after": "DO $$ BEGIN ASSERT (SELECT status FROM jobs WHERE id = 6) = 'queued';"
                      " ASSERT (SELECT remaining FROM fan_in WHERE parent_id = 6) = 0; END $$;"},
        ],
    },
    "why-set-local-not-set": {
        "roles": ["invoices_app", "invoices_owner"],
        "blocks": [
            {},
            {"role": "invoices_app",
             "after": "DO $$ BEGIN ASSERT (SELECT array_agg(id ORDER BY id) FROM invoices) = '{3,4,5}'; END $$;"},
            {"role": "invoices_app",
             "after": "DO $$ BEGIN ASSERT current_setting('app.tenant_id', true) = ''; END $$;"},
            {"role": "invoices_app", "warning": "SET LOCAL can only be used in transaction blocks"},
            {},
            {},
        ],
    },
    "schema-per-tenant-vs-rls": {
        "roles": ["app_rw", "app_owner"],
        "blocks": [
            {"after": "INSERT INTO app.invoices (tenant_id, customer, amount_cents)"
                      " SELECT t.id, 'customer-' || g, 100 * g"
                      " FROM (VALUES ('be5a33a6-d730-0e79-5998-9aadde016f2e'::uuid), (gen_random_uuid())) t (id),"
                      " generate_series(1, 20) g;"},
            {"after": "DO $$ BEGIN ASSERT (SELECT count(*) FROM app.invoices) = 40; END $$;"},
            {},
            {"after": "DO $$ BEGIN ASSERT NOT EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                      " WHERE n.nspname = 'app' AND c.relkind IN ('r', 'p') AND (NOT c.relrowsecurity"
                      " OR NOT c.relforcerowsecurity OR NOT EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid))); END $$;"},
            {},
            {},
            {},
        ],
    },
    "what-must-always-be-true": {
        "roles": ["claims_migrator", "claims_app", "claims_owner"],
        "blocks": [
            {},
            {"after": "INSERT INTO organisations (ein, legal_name) VALUES"
                      " ('12-3456789', 'First Org'), ('98-7654321', 'Second Org'), ('55-5555555', 'Third Org');"},
            {},
            {},
            {"after": "DO $$ BEGIN ASSERT (SELECT count(*) FROM claims WHERE organisation_id = 2) = 1; END $$;"},
            {},
            {},
            {},
            {},
            {"before": "INSERT INTO outbox (event_type, payload) SELECT 'claim.approved', '{}' FROM generate_series(1, 3);",
             "after": "DO $$ BEGIN ASSERT (SELECT count(*) FROM outbox WHERE published_at IS NULL) = 0; END $$;"},
            {},
        ],
    },
}


def psql(database, sql, user_env=None):
    """Runs sql in one psql session; returns (ok, stdout, stderr)."""
    proc = subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", database, "-f", "-"],
                          input=sql, text=True, capture_output=True, env=user_env)
    return proc.returncode == 0, proc.stdout, proc.stderr


def sql_blocks(path):
    return re.findall(r"^```sql[^\n]*\n(.*?)^```", path.read_text(encoding="utf-8"), re.S | re.M)


def run_essay(path, context):
    name = next(key for key in ESSAYS if key in path.name)
    database = "essay_" + name.replace("-", "_")
    setup = f"DROP DATABASE IF EXISTS {database};\n"
    setup += "".join(f"DROP ROLE IF EXISTS {role};\n" for role in context["roles"])
    setup += f"CREATE DATABASE {database};\n"
    ok, _, err = psql("postgres", setup)
    if not ok:
        return [f"setup: {err.strip()}"]
    blocks = sql_blocks(path)
    if len(blocks) != len(context["blocks"]):
        return [f"{len(blocks)} sql blocks, but the runner describes {len(context['blocks'])}: update ESSAYS"]
    for number, (block, step) in enumerate(zip(blocks, context["blocks"]), start=1):
        for param, value in step.get("params", {}).items():
            block = re.sub(re.escape(param) + r"(?!\d)", value, block)
        if "inject" in step:
            marker, sql = step["inject"]
            at = block.index(marker)
            block = block[:at] + sql + "\n" + block[at:]
        session = (f"SET ROLE {step['role']};\n" if "role" in step else "") + step.get("before", "") + "\n" + block
        session += "\n" + step.get("after", "") + "\n" + ("RESET ROLE;\n" if "role" in step else "")
        ok, out, err = psql(database, session)
        first_line = block.strip().splitlines()[0]
        if not ok:
            return [f"block {number} ({first_line}): {err.strip()}"]
        if "warning" in step and step["warning"] not in err:
            return [f"block {number} ({first_line}): expected the warning '{step['warning']}', got: {err.strip()}"]
        print(f"  block {number:2} ok  {first_line[:70]}")
    claims = CLAIMS / (name + ".sql")
    if claims.exists():
        ok, out, err = psql(database, claims.read_text(encoding="utf-8"))
        if not ok:
            return [f"claims: {err.strip()}"]
        for line in out.splitlines():
            print("  " + line)
        print(f"  claims ok  {claims.name}")
    return []


def typescript_in_sync():
    """The essay's TypeScript block must be the file the NestJS experiment compiles and runs."""
    essay = next((ROOT / "posts").glob("*why-set-local-not-set.md")).read_text(encoding="utf-8")
    block = re.search(r"^```typescript\n(.*?)^```", essay, re.S | re.M).group(1)
    tested = (pathlib.Path(__file__).resolve().parent / "experiments/nest/src/tenant.ts").read_text(encoding="utf-8")
    return block == tested


def main(argv):
    wanted = argv[1] if len(argv) > 1 else ""
    failures = 0
    if not typescript_in_sync():
        failures += 1
        print("FAILED the TypeScript block of why-set-local-not-set differs from experiments/nest/src/tenant.ts")
    for path in sorted((ROOT / "posts").glob("*.md")):
        context = next((c for key, c in ESSAYS.items() if key in path.name), None)
        if context is None or wanted not in path.name:
            continue
        print(path.name)
        for problem in run_essay(path, context):
            failures += 1
            print("  FAILED " + problem)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
