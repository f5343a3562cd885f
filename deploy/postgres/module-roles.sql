-- Admin bootstrap of the forum's PostgreSQL database: one login role per module (users, threads, posts),
-- each owning the schema named after its module, and no module able to use another module's schema.
-- The modules then create and migrate their own tables (Flyway, history table inside the schema) as
-- their own role when they start. This is not a Flyway migration: run it once per database, as an admin
-- (a superuser, or a role with CREATEROLE that owns the database), in the forum's database:
--
--   psql -v ON_ERROR_STOP=1 \
--        -v users_role=forum_users     -v users_password="$USERS_PASSWORD" \
--        -v threads_role=forum_threads -v threads_password="$THREADS_PASSWORD" \
--        -v posts_role=forum_posts     -v posts_password="$POSTS_PASSWORD" \
--        -d forum -f deploy/postgres/module-roles.sql
--
-- Running it again is safe: existing roles get the given passwords (a rotation), nothing is dropped.
-- It runs in one transaction and ends with a check that fails (rolling everything back) if any module
-- role could use or create in another module's schema or create in schema public.

\set ON_ERROR_STOP on

\if :{?users_role}
\else
  do $missing$ begin raise exception 'module-roles.sql needs -v users_role=... (and users_password, threads_role, threads_password, posts_role, posts_password)'; end $missing$;
\endif
\if :{?users_password}
\else
  do $missing$ begin raise exception 'module-roles.sql needs -v users_password=...'; end $missing$;
\endif
\if :{?threads_role}
\else
  do $missing$ begin raise exception 'module-roles.sql needs -v threads_role=...'; end $missing$;
\endif
\if :{?threads_password}
\else
  do $missing$ begin raise exception 'module-roles.sql needs -v threads_password=...'; end $missing$;
\endif
\if :{?posts_role}
\else
  do $missing$ begin raise exception 'module-roles.sql needs -v posts_role=...'; end $missing$;
\endif
\if :{?posts_password}
\else
  do $missing$ begin raise exception 'module-roles.sql needs -v posts_password=...'; end $missing$;
\endif

begin;

-- Refuse input that would defeat the isolation, before changing anything.
select format('do $refuse$ begin raise exception %L; end $refuse$', message)
from (
    select 'each module needs a role of its own: users_role, threads_role and posts_role must differ' as message
    where (select count(distinct name) from (values (:'users_role'), (:'threads_role'), (:'posts_role')) as given(name)) < 3
    union all
    select format('role %s is a superuser or bypasses row security: a module role must be an ordinary role', rolname)
    from pg_roles
    where rolname in (:'users_role', :'threads_role', :'posts_role') and (rolsuper or rolbypassrls)
    union all
    select format('role %s is the role running this script: a module role must be a role of its own', current_user)
    where current_user in (:'users_role', :'threads_role', :'posts_role')
    union all
    select 'a password must not be empty'
    where '' in (:'users_password', :'threads_password', :'posts_password')
) as refusal
\gexec

-- Login roles, created if missing (ordinary roles: no superuser, no bypassing row security); the password
-- is (re)set every run, and none may create roles (which could make it a member of another module's role).
select format('create role %I login', name)
from (values (:'users_role'), (:'threads_role'), (:'posts_role')) as module_role(name)
where not exists (select from pg_roles where rolname = name)
\gexec
alter role :"users_role"   login nocreatedb nocreaterole password :'users_password';
alter role :"threads_role" login nocreatedb nocreaterole password :'threads_password';
alter role :"posts_role"   login nocreatedb nocreaterole password :'posts_password';

-- An admin that is not a superuser (a managed server's master user) can only give a schema to a role it
-- is a member of.
select format('grant %I to current_user', name)
from (values (:'users_role'), (:'threads_role'), (:'posts_role')) as module_role(name)
where not (select rolsuper from pg_roles where rolname = current_user)
  and not pg_has_role(current_user, name, 'MEMBER')
\gexec

-- A schema per module, owned by the module's role; nothing on it for anyone else.
create schema if not exists users   authorization :"users_role";
create schema if not exists threads authorization :"threads_role";
create schema if not exists posts   authorization :"posts_role";
alter schema users   owner to :"users_role";
alter schema threads owner to :"threads_role";
alter schema posts   owner to :"posts_role";
revoke all on schema users   from public, :"threads_role", :"posts_role";
revoke all on schema threads from public, :"users_role", :"posts_role";
revoke all on schema posts   from public, :"users_role", :"threads_role";

-- Nobody creates in schema public (the default since PostgreSQL 15, not in older or upgraded databases).
revoke create on schema public from public;

-- Only the module roles (and the database's owner and superusers) connect; nobody makes temporary tables.
-- Other roles that need this database must be granted CONNECT explicitly.
select format('revoke connect, temporary on database %I from public', current_database())
\gexec
select format('grant connect on database %I to %I, %I, %I', current_database(),
              :'users_role', :'threads_role', :'posts_role')
\gexec

-- Check: no module role can use or create in another module's schema, or create in public.
select format('do $check$ begin raise exception %L; end $check$',
              format('role %s has %s on schema %s, which belongs to another module', role_name, privilege, schema_name))
from (values ('users', :'users_role'), ('threads', :'threads_role'), ('posts', :'posts_role')) as module(schema_name, owner_role)
cross join (values (:'users_role'), (:'threads_role'), (:'posts_role')) as other(role_name)
cross join (values ('USAGE'), ('CREATE')) as wanted(privilege)
where role_name <> owner_role and has_schema_privilege(role_name, schema_name, privilege)
union all
select format('do $check$ begin raise exception %L; end $check$',
              format('role %s can create in schema public', role_name))
from (values (:'users_role'), (:'threads_role'), (:'posts_role')) as module_role(role_name)
where has_schema_privilege(role_name, 'public', 'CREATE')
\gexec

commit;
