-- Slow enough that concurrent migrators overlap, so a missing lock would show as duplicate rows.
select pg_sleep(0.2);
insert into migration_probe (note) values ('seeded once');
