-- Orleans grain state (Microsoft.Orleans.Persistence.AdoNet). A row is one grain's state for one ServiceId as
-- the provider identifies it: GrainTypeString, which despite its name holds the state's name (the "x" of
-- [PersistentState("x", ...)], "state" for Grain<T>), and the grain's key split as below. Neither the grain's
-- type nor the storage provider's name is part of it, so two grain types with the same state name and key share
-- one row: give each grain type a state name of its own. GrainIdHash and GrainTypeHash are 32-bit hashes of the
-- same, computed by the provider.
--   integer key:  GrainIdN0 = 0, GrainIdN1 = the key
--   Guid key:     GrainIdN0, GrainIdN1 = the Guid's 16 bytes as two little-endian int64
--   string key:   GrainIdN0 = GrainIdN1 = 0, GrainIdExtensionString = the key
--   compound key: the integer or Guid as above, GrainIdExtensionString = the string part (NULL when none)
--
-- The provider hands us the serialized state as bytes (@PayloadBinary) and wants bytes back (PayloadBinary).
-- We configure a JSON grain-storage serializer, so those bytes are UTF-8 JSON, and keep them as jsonb: the state
-- stays queryable from SQL. jsonb normalises what it stores (key order, whitespace, duplicate keys), so the
-- bytes read back are equivalent JSON, not the same bytes: a serializer that needs "$type" to come first must
-- be told to accept it anywhere. Bytes that are not UTF-8 JSON, or strings holding \u0000, fail the write.
--
-- Version is the ETag: a write or clear names the version the grain last read (a first write names none, and
-- creates the row at 1) and moves it by one.
-- ModifiedOn moves with every write and clear (a cleared grain keeps its row, PayloadJson NULL, since we run
-- with DeleteStateOnClear = false), so a sweep can find recently changed grains by it. It is the database's
-- clock as UTC in a timestamp without time zone, the form the provider's own scripts use and the read-row sweep
-- compares with "now() AT TIME ZONE 'utc'", so no session TimeZone enters either side. It is the time the
-- statement ran, not when it committed: a sweep should re-read some margin behind its last mark.

CREATE TABLE OrleansStorage (
    GrainIdHash             integer     NOT NULL,
    GrainIdN0               bigint      NOT NULL,
    GrainIdN1               bigint      NOT NULL,
    GrainTypeHash           integer     NOT NULL,
    GrainTypeString         text        NOT NULL,
    GrainIdExtensionString  text,
    ServiceId               text        NOT NULL,
    PayloadJson             jsonb,
    ModifiedOn              timestamp   NOT NULL DEFAULT (now() AT TIME ZONE 'utc'),
    Version                 integer     NOT NULL,
    -- One row per grain (a missing extension counts as one value), which is what lets two activations racing
    -- to create the same state see each other: the second insert finds the row and reports a version conflict.
    -- The hashes lead, so this is also the index every provider look-up goes through.
    CONSTRAINT OrleansStorage_Grain UNIQUE NULLS NOT DISTINCT
        (GrainIdHash, GrainTypeHash, GrainIdN0, GrainIdN1, GrainTypeString, GrainIdExtensionString, ServiceId)
);

CREATE INDEX OrleansStorage_ModifiedOn ON OrleansStorage (ModifiedOn);

-- Writes return the new version, or NULL when the condition failed, which the provider turns into an
-- InconsistentStateException: with @GrainStateVersion the row must exist at that version; without it (the grain
-- never read a row) there must be no row yet. Exactly one row comes back either way, as the provider expects.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('WriteToStorageKey', $q$
WITH updated AS (
    UPDATE OrleansStorage
    SET PayloadJson = convert_from(@PayloadBinary, 'UTF8')::jsonb,
        Version = Version + 1,
        ModifiedOn = now() AT TIME ZONE 'utc'
    WHERE @GrainStateVersion IS NOT NULL
      AND GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
      AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
      AND GrainTypeString = @GrainTypeString
      AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
      AND ServiceId = @ServiceId
      AND Version = @GrainStateVersion
    RETURNING Version
), inserted AS (
    INSERT INTO OrleansStorage (GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString,
                                GrainIdExtensionString, ServiceId, PayloadJson, ModifiedOn, Version)
    SELECT @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString,
           @GrainIdExtensionString, @ServiceId, convert_from(@PayloadBinary, 'UTF8')::jsonb,
           now() AT TIME ZONE 'utc', 1
    WHERE @GrainStateVersion IS NULL
    ON CONFLICT ON CONSTRAINT OrleansStorage_Grain DO NOTHING
    RETURNING Version
)
SELECT (SELECT Version FROM updated UNION ALL SELECT Version FROM inserted) AS NewGrainStateVersion
$q$);

-- No row: the grain starts from a new state. A cleared row (PayloadJson NULL) likewise, but its Version is the
-- ETag the next write must name.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadFromStorageKey', $q$
SELECT convert_to(PayloadJson::text, 'UTF8') AS PayloadBinary, Version
FROM OrleansStorage
WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
  AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
  AND GrainTypeString = @GrainTypeString
  AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
  AND ServiceId = @ServiceId
$q$);

-- ClearStateAsync with DeleteStateOnClear = false. No row back (version moved on) is a conflict to the provider.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ClearStorageKey', $q$
UPDATE OrleansStorage
SET PayloadJson = NULL,
    Version = Version + 1,
    ModifiedOn = now() AT TIME ZONE 'utc'
WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
  AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
  AND GrainTypeString = @GrainTypeString
  AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
  AND ServiceId = @ServiceId
  AND Version = @GrainStateVersion
RETURNING Version AS NewGrainStateVersion
$q$);

-- ClearStateAsync with DeleteStateOnClear = true; unused by us, present so that setting works if ever chosen.
-- The grain's ETag becomes null after a delete; the value returned only has to differ from the one sent.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('DeleteStorageKey', $q$
DELETE FROM OrleansStorage
WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
  AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
  AND GrainTypeString = @GrainTypeString
  AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
  AND ServiceId = @ServiceId
  AND Version = @GrainStateVersion
RETURNING Version + 1 AS NewGrainStateVersion
$q$);
