-- The module's data version: one row, raised by every read-write transaction of the module just before it commits
-- (forum.platform.data.DataVersion), so that data and version commit together. A read answer kept in a process
-- (forum.platform.web.cache) is given again only while the version it was read at is still the version here. The
-- primary key lets logical replication (data-move) carry its updates.
create table data_version (
    id      smallint primary key check (id = 1),
    version bigint   not null
);
insert into data_version (id, version) values (1, 0);
