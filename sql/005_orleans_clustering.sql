-- Orleans cluster membership (Microsoft.Orleans.Clustering.AdoNet). DeploymentId is the ClusterId. Every change
-- to the member rows of a cluster must also move that cluster's single version row by one, conditionally on the
-- version the writer last read: that row is the optimistic lock the membership protocol relies on. Each change
-- below is one statement, so a failed condition leaves nothing half-written (no PL/pgSQL, no ASSERT, which a
-- server can switch off with plpgsql.check_asserts). Heartbeats (IAmAliveTime) deliberately leave the version
-- alone. Times are timestamptz: the provider sends UTC DateTimes, which Npgsql writes as timestamptz and reads
-- back as UTC, whatever the session's TimeZone.
-- Status is Orleans' SiloStatus: 3 Active, 6 Dead.

CREATE TABLE OrleansMembershipVersionTable (
    DeploymentId  text        PRIMARY KEY,
    -- When the membership last changed; for operators only, the provider never reads it.
    Timestamp     timestamptz NOT NULL DEFAULT now(),
    Version       integer     NOT NULL DEFAULT 0
);

CREATE TABLE OrleansMembershipTable (
    -- Deleting a cluster's version row takes its members with it (DeleteMembershipTableEntriesKey).
    DeploymentId  text        NOT NULL REFERENCES OrleansMembershipVersionTable (DeploymentId) ON DELETE CASCADE,
    Address       text        NOT NULL,
    Port          integer     NOT NULL,
    -- A silo process's start stamp: a restarted silo on the same endpoint is a new row, the old one goes Dead.
    Generation    integer     NOT NULL,
    SiloName      text        NOT NULL,
    HostName      text        NOT NULL,
    Status        integer     NOT NULL,
    -- Gateway port, 0 for a silo that accepts no clients; the provider reads it as a non-null integer.
    ProxyPort     integer     NOT NULL,
    -- Votes of the silos that suspect this one, "address,time|address,time", written and parsed by the provider.
    SuspectTimes  text,
    StartTime     timestamptz NOT NULL,
    IAmAliveTime  timestamptz NOT NULL,
    PRIMARY KEY (DeploymentId, Address, Port, Generation)
);

-- Run once by every silo at start-up; true only for the one that created the version row.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('InsertMembershipVersionKey', $q$
WITH created AS (
    INSERT INTO OrleansMembershipVersionTable (DeploymentId)
    VALUES (@DeploymentId)
    ON CONFLICT (DeploymentId) DO NOTHING
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM created)
$q$);

-- The version moves only if it is still @Version and the silo has no row yet, and the row is added only if the
-- version moved. Concurrent writers queue on the version row and the losers find the version changed.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('InsertMembershipKey', $q$
WITH bumped AS (
    UPDATE OrleansMembershipVersionTable v
    SET Version = v.Version + 1, Timestamp = now()
    WHERE v.DeploymentId = @DeploymentId
      AND v.Version = @Version
      AND NOT EXISTS (
          SELECT 1 FROM OrleansMembershipTable m
          WHERE m.DeploymentId = @DeploymentId AND m.Address = @Address
            AND m.Port = @Port AND m.Generation = @Generation)
    RETURNING v.DeploymentId
), added AS (
    INSERT INTO OrleansMembershipTable
        (DeploymentId, Address, Port, Generation, SiloName, HostName, Status, ProxyPort, StartTime, IAmAliveTime)
    SELECT DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort,
           @StartTime, @IAmAliveTime
    FROM bumped
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM added)
$q$);

-- As for an insert, but the silo's row must exist: a missing row leaves the version where it was.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('UpdateMembershipKey', $q$
WITH bumped AS (
    UPDATE OrleansMembershipVersionTable v
    SET Version = v.Version + 1, Timestamp = now()
    WHERE v.DeploymentId = @DeploymentId
      AND v.Version = @Version
      AND EXISTS (
          SELECT 1 FROM OrleansMembershipTable m
          WHERE m.DeploymentId = @DeploymentId AND m.Address = @Address
            AND m.Port = @Port AND m.Generation = @Generation)
    RETURNING v.DeploymentId
), changed AS (
    UPDATE OrleansMembershipTable m
    SET Status = @Status, SuspectTimes = @SuspectTimes, IAmAliveTime = @IAmAliveTime
    FROM bumped
    WHERE m.DeploymentId = bumped.DeploymentId AND m.Address = @Address
      AND m.Port = @Port AND m.Generation = @Generation
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM changed)
$q$);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('UpdateIAmAlivetimeKey', $q$
UPDATE OrleansMembershipTable
SET IAmAliveTime = @IAmAliveTime
WHERE DeploymentId = @DeploymentId AND Address = @Address AND Port = @Port AND Generation = @Generation
$q$);

-- Both reads start from the version row and left-join the members: the provider takes the table version from
-- the first row, so a cluster without (matching) members must still return one row, with NULL member columns.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('MembershipReadRowKey', $q$
SELECT v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort,
       m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
FROM OrleansMembershipVersionTable v
LEFT JOIN OrleansMembershipTable m
       ON m.DeploymentId = v.DeploymentId AND m.Address = @Address
      AND m.Port = @Port AND m.Generation = @Generation
WHERE v.DeploymentId = @DeploymentId
$q$);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('MembershipReadAllKey', $q$
SELECT v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort,
       m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
FROM OrleansMembershipVersionTable v
LEFT JOIN OrleansMembershipTable m ON m.DeploymentId = v.DeploymentId
WHERE v.DeploymentId = @DeploymentId
$q$);

-- Clients find the cluster here: active silos that accept clients.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('GatewaysQueryKey', $q$
SELECT Address, ProxyPort, Generation
FROM OrleansMembershipTable
WHERE DeploymentId = @DeploymentId AND Status = @Status AND ProxyPort > 0
$q$);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('DeleteMembershipTableEntriesKey', $q$
DELETE FROM OrleansMembershipVersionTable WHERE DeploymentId = @DeploymentId
$q$);

-- Removal of long-dead silos' rows. Orleans 10.4 prefers the per-row CleanupDefunctSiloEntryKey when present: it
-- decides from the start, heartbeat and suspicion times it read, then deletes a row only if it is still Dead and
-- unchanged since. The bulk CleanupDefunctSiloEntriesKey is still required at start-up (and used by providers
-- that predate the per-row key); it cannot weigh votes in SQL, so it leaves rows that carry any.
-- Neither touches the version: a Dead row is no longer part of the membership the protocol agrees on.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('CleanupDefunctSiloEntryKey', $q$
DELETE FROM OrleansMembershipTable
WHERE DeploymentId = @DeploymentId AND Address = @Address AND Port = @Port AND Generation = @Generation
  AND Status = 6
  AND StartTime = @StartTime AND IAmAliveTime = @IAmAliveTime
  AND coalesce(SuspectTimes, '') = coalesce(@SuspectTimes, '')
$q$);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('CleanupDefunctSiloEntriesKey', $q$
DELETE FROM OrleansMembershipTable
WHERE DeploymentId = @DeploymentId
  AND Status = 6
  AND StartTime < @IAmAliveTime AND IAmAliveTime < @IAmAliveTime
  AND coalesce(SuspectTimes, '') = ''
$q$);
