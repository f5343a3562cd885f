-- A username is unique regardless of case: 'BMO' may not sign up beside 'bmo'. The database enforces it, so that two
-- sign-ups racing in two processes cannot both win: username_key is the username with A-Z folded to a-z, unique.
--
-- Why a stored column the application fills, not an expression index or a generated column: H2 (the embedded
-- default) has no expression indexes, and no generated-column syntax that PostgreSQL also takes (PostgreSQL 15 needs
-- STORED, H2 refuses it). The check constraint keeps the key honest whoever writes the row.
-- Why translate() and not lower(): H2's lower() follows the JVM's locale (Turkish: 'I' -> dotless 'ı'), and usernames
-- are ASCII only (forum.users.internal.UserService), so folding A-Z is exactly case-insensitivity for them, everywhere.

-- Existing rows that differ only by case would break the unique key: refuse, naming them, rather than pick one. The
-- cast of the message to integer is the one way to raise an error of our own in SQL that both H2 and PostgreSQL run;
-- it happens only when such rows exist, before anything is changed.
select cast('V5 cannot make usernames unique regardless of case: users.users holds usernames that differ only by case ('
            || string_agg(names, '; ' order by first_id)
            || '). Rename all but one of each group (update users.users set username = ... where id = ...), then start again'
        as integer)
from (select min(id) as first_id, string_agg(username || ' (id ' || id || ')', ', ' order by id) as names
      from users
      group by translate(username, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')
      having count(*) > 1) as collisions
having count(*) > 0;

-- Nullable on purpose: during the rolling deployment that brings this migration, processes of the previous version
-- still insert users without the key, and must not fail (no failed request during a deployment). The application
-- reads a row without a key by its username (UserRepository, CredentialStore); a unique key ignores NULLs.
alter table users add column username_key varchar;
update users set username_key = translate(username, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz');
alter table users add constraint users_username_key_folded
    check (username_key = translate(username, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'));
alter table users add constraint users_username_key_unique unique (username_key);
