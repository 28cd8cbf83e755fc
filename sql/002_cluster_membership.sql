-- Cluster membership: every silo process registers one row per start (a new generation each time), proves
-- it is alive by moving heartbeat_at, and is declared dead by any member once its heartbeat is too old.
-- All times are the database's clock, so silos on machines with skewed clocks still agree.

CREATE SEQUENCE IF NOT EXISTS silo_generations;

CREATE TABLE IF NOT EXISTS cluster_members (
    generation    bigint      PRIMARY KEY,
    address       text        NOT NULL,
    host_name     text        NOT NULL,
    status        text        NOT NULL CHECK (status IN ('active', 'leaving', 'dead')),
    started_at    timestamptz NOT NULL DEFAULT now(),
    heartbeat_at  timestamptz NOT NULL DEFAULT now(),
    ended_at      timestamptz
);

CREATE INDEX IF NOT EXISTS cluster_members_live ON cluster_members (status) WHERE status <> 'dead';
