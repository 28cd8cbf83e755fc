-- Test-only migration: a table whose rows show how often later migrations ran.
create table migration_probe (
    id bigint generated always as identity primary key,
    note text not null
);
