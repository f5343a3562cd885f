-- Text lengths are the application's rule, counted in Unicode code points (forum.platform.Validation).
-- A varchar(n) counts code points on PostgreSQL but UTF-16 units on H2, where 60 emoji are 120: without a
-- length, a text that passes the rule fits its column on both.
alter table users alter column username set data type varchar;
alter table users alter column name set data type varchar;
alter table users alter column bio set data type varchar;
