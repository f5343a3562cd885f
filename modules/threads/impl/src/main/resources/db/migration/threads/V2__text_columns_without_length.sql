-- Text lengths are the application's rule, counted in Unicode code points (forum.platform.Validation).
-- A varchar(n) counts code points on PostgreSQL but UTF-16 units on H2: without a length, a text that
-- passes the rule fits its column on both.
alter table threads alter column title set data type varchar;
