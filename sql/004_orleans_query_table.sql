-- Orleans' ADO.NET providers (clustering, grain storage, reminders) issue no SQL of their own: at start-up each
-- one reads its statements from this table by key and runs them with named @Parameters. The keys, parameter
-- names and result column names are the providers' contract; the statement text is ours (005 to 007), so a
-- query can be tuned with an UPDATE here, but a running silo keeps what it loaded until it restarts.
-- Identifiers are left unquoted: PostgreSQL folds them to lower case, the providers' "SELECT QueryKey, QueryText
-- FROM OrleansQuery" folds the same way, and Npgsql matches result columns by name without regard to case.

CREATE TABLE OrleansQuery (
    QueryKey   varchar(64)   PRIMARY KEY,
    QueryText  varchar(8000) NOT NULL
);
