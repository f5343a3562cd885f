-- Admin bootstrap of the forum's PostgreSQL database: two login roles per module (users, threads, posts):
--   <module>_owner  owns the schema named after its module and runs its migrations (Flyway, as the module's
--                   process starts with the owner's credentials); it grants the runtime role, after each
--                   migration, the rows of the tables it made and nothing else;
--   <module>_role   the runtime role the module's connection pool uses: it can only read and write rows of its
--                   own schema (no DDL, no GRANT, no other module's schema, no temporary tables), with statement,
--                   lock and idle-in-transaction timeouts and a connection limit.
-- This is not a Flyway migration: run it as an admin (a superuser, or a role with CREATEROLE that owns the
-- database, as RDS's master user), in the forum's database, on every deployment (it is safe to repeat):
--
--   psql -v ON_ERROR_STOP=1 \
--        -v users_owner=forum_users_owner     -v users_owner_password="$USERS_OWNER_PASSWORD" \
--        -v users_role=forum_users            -v users_password="$USERS_PASSWORD"  -v users_connection_limit=40 \
--        ... the same for threads and posts ... \
--        -d forum -f deploy/postgres/module-roles.sql
--
-- Each variable not given with -v is read from the environment variable of the same name in upper case
-- (USERS_OWNER, USERS_PASSWORD, POSTS_CONNECTION_LIMIT, ...), as the database bootstrap task passes them:
-- no password on a command line. <module>_connection_limit (default 20) and <module>_owner_connection_limit
-- (default 4) are optional. Running it again sets the passwords (a rotation) and the limits, drops nothing.
-- It runs in one transaction and ends with a check that fails (rolling everything back) if any role could use
-- or create in a schema it must not.

\set ON_ERROR_STOP on

\if :{?users_owner} \else \getenv users_owner USERS_OWNER \endif
\if :{?users_owner_password} \else \getenv users_owner_password USERS_OWNER_PASSWORD \endif
\if :{?users_role} \else \getenv users_role USERS_ROLE \endif
\if :{?users_password} \else \getenv users_password USERS_PASSWORD \endif
\if :{?users_connection_limit} \else \getenv users_connection_limit USERS_CONNECTION_LIMIT \endif
\if :{?users_owner_connection_limit} \else \getenv users_owner_connection_limit USERS_OWNER_CONNECTION_LIMIT \endif
\if :{?threads_owner} \else \getenv threads_owner THREADS_OWNER \endif
\if :{?threads_owner_password} \else \getenv threads_owner_password THREADS_OWNER_PASSWORD \endif
\if :{?threads_role} \else \getenv threads_role THREADS_ROLE \endif
\if :{?threads_password} \else \getenv threads_password THREADS_PASSWORD \endif
\if :{?threads_connection_limit} \else \getenv threads_connection_limit THREADS_CONNECTION_LIMIT \endif
\if :{?threads_owner_connection_limit} \else \getenv threads_owner_connection_limit THREADS_OWNER_CONNECTION_LIMIT \endif
\if :{?posts_owner} \else \getenv posts_owner POSTS_OWNER \endif
\if :{?posts_owner_password} \else \getenv posts_owner_password POSTS_OWNER_PASSWORD \endif
\if :{?posts_role} \else \getenv posts_role POSTS_ROLE \endif
\if :{?posts_password} \else \getenv posts_password POSTS_PASSWORD \endif
\if :{?posts_connection_limit} \else \getenv posts_connection_limit POSTS_CONNECTION_LIMIT \endif
\if :{?posts_owner_connection_limit} \else \getenv posts_owner_connection_limit POSTS_OWNER_CONNECTION_LIMIT \endif
\if :{?users_connection_limit} \else \set users_connection_limit 20 \endif
\if :{?users_owner_connection_limit} \else \set users_owner_connection_limit 4 \endif
\if :{?threads_connection_limit} \else \set threads_connection_limit 20 \endif
\if :{?threads_owner_connection_limit} \else \set threads_owner_connection_limit 4 \endif
\if :{?posts_connection_limit} \else \set posts_connection_limit 20 \endif
\if :{?posts_owner_connection_limit} \else \set posts_owner_connection_limit 4 \endif

\if :{?users_owner} \else \set missing users_owner \endif
\if :{?users_owner_password} \else \set missing users_owner_password \endif
\if :{?users_role} \else \set missing users_role \endif
\if :{?users_password} \else \set missing users_password \endif
\if :{?threads_owner} \else \set missing threads_owner \endif
\if :{?threads_owner_password} \else \set missing threads_owner_password \endif
\if :{?threads_role} \else \set missing threads_role \endif
\if :{?threads_password} \else \set missing threads_password \endif
\if :{?posts_owner} \else \set missing posts_owner \endif
\if :{?posts_owner_password} \else \set missing posts_owner_password \endif
\if :{?posts_role} \else \set missing posts_role \endif
\if :{?posts_password} \else \set missing posts_password \endif
\if :{?missing}
  select format('do $missing$ begin raise exception %L; end $missing$', 'module-roles.sql needs -v ' || :'missing'
                || '=... (or the environment variable ' || upper(:'missing') || '); nothing was changed')
  \gexec
\endif

begin;

-- Refuse input that would defeat the isolation, before changing anything.
select format('do $refuse$ begin raise exception %L; end $refuse$', message)
from (
    select 'each module needs two roles of its own: the six owner and runtime role names must differ' as message
    where (select count(distinct name) from (values (:'users_owner'), (:'users_role'), (:'threads_owner'), (:'threads_role'),
                                                   (:'posts_owner'), (:'posts_role')) as given(name)) < 6
    union all
    select format('role %s is a superuser or bypasses row security: a module role must be an ordinary role', rolname)
    from pg_roles
    where rolname in (:'users_owner', :'users_role', :'threads_owner', :'threads_role', :'posts_owner', :'posts_role')
      and (rolsuper or rolbypassrls)
    union all
    select format('role %s is the role running this script: a module role must be a role of its own', current_user)
    where current_user in (:'users_owner', :'users_role', :'threads_owner', :'threads_role', :'posts_owner', :'posts_role')
    union all
    select 'a password must not be empty'
    where '' in (:'users_owner_password', :'users_password', :'threads_owner_password', :'threads_password',
                 :'posts_owner_password', :'posts_password')
    union all
    select format('a connection limit is a whole number from 1 to 10000, not %s', given)
    from (values (:'users_connection_limit'), (:'users_owner_connection_limit'), (:'threads_connection_limit'),
                 (:'threads_owner_connection_limit'), (:'posts_connection_limit'), (:'posts_owner_connection_limit')) as limits(given)
    where given !~ '^[0-9]{1,5}$' or given::int not between 1 and 10000
) as refusal
\gexec

-- Login roles, created if missing; the password, the limit and the settings are (re)set every run. None may
-- create roles or databases.
select format('create role %I login', name)
from (values (:'users_owner'), (:'users_role'), (:'threads_owner'), (:'threads_role'), (:'posts_owner'), (:'posts_role'))
     as module_role(name)
where not exists (select from pg_roles where rolname = name)
\gexec
alter role :"users_owner"   login nocreatedb nocreaterole password :'users_owner_password'   connection limit :users_owner_connection_limit;
alter role :"threads_owner" login nocreatedb nocreaterole password :'threads_owner_password' connection limit :threads_owner_connection_limit;
alter role :"posts_owner"   login nocreatedb nocreaterole password :'posts_owner_password'   connection limit :posts_owner_connection_limit;
alter role :"users_role"    login nocreatedb nocreaterole password :'users_password'   connection limit :users_connection_limit;
alter role :"threads_role"  login nocreatedb nocreaterole password :'threads_password' connection limit :threads_connection_limit;
alter role :"posts_role"    login nocreatedb nocreaterole password :'posts_password'   connection limit :posts_connection_limit;

-- Timeouts: a request's statement never runs longer than a request may (the runtime roles); a migration may take
-- minutes but never waits long for a lock held by traffic (the owners). A session idle in a transaction is ended.
select format('alter role %I set %s = %L', name, setting, value)
from (values (:'users_role'), (:'threads_role'), (:'posts_role')) as runtime(name)
cross join (values ('statement_timeout', '5s'), ('lock_timeout', '2s'), ('idle_in_transaction_session_timeout', '10s'))
     as settings(setting, value)
union all
select format('alter role %I set %s = %L', name, setting, value)
from (values (:'users_owner'), (:'threads_owner'), (:'posts_owner')) as owner(name)
cross join (values ('statement_timeout', '10min'), ('lock_timeout', '10s'), ('idle_in_transaction_session_timeout', '60s'))
     as settings(setting, value)
\gexec

-- An admin that is not a superuser (a managed server's master user) can only give a schema to a role it is a
-- member of.
select format('grant %I to current_user', name)
from (values (:'users_owner'), (:'threads_owner'), (:'posts_owner')) as owner(name)
where not (select rolsuper from pg_roles where rolname = current_user)
  and not pg_has_role(current_user, name, 'MEMBER')
\gexec

-- A schema per module, owned by the module's owner role; its runtime role may only look into it (USAGE: the
-- owner grants it the rows of each table after each migration); nothing on it for anyone else.
create schema if not exists users   authorization :"users_owner";
create schema if not exists threads authorization :"threads_owner";
create schema if not exists posts   authorization :"posts_owner";
alter schema users   owner to :"users_owner";
alter schema threads owner to :"threads_owner";
alter schema posts   owner to :"posts_owner";
revoke all on schema users   from public, :"users_role", :"threads_owner", :"threads_role", :"posts_owner", :"posts_role";
revoke all on schema threads from public, :"threads_role", :"users_owner", :"users_role", :"posts_owner", :"posts_role";
revoke all on schema posts   from public, :"posts_role", :"users_owner", :"users_role", :"threads_owner", :"threads_role";
grant usage on schema users   to :"users_role";
grant usage on schema threads to :"threads_role";
grant usage on schema posts   to :"posts_role";

-- Nobody creates in schema public (the default since PostgreSQL 15, not in older or upgraded databases).
revoke create on schema public from public;

-- Only the module roles (and the database's owner and superusers) connect; nobody makes temporary tables.
-- Other roles that need this database must be granted CONNECT explicitly.
select format('revoke connect, temporary on database %I from public', current_database())
\gexec
select format('grant connect on database %I to %I, %I, %I, %I, %I, %I', current_database(),
              :'users_owner', :'users_role', :'threads_owner', :'threads_role', :'posts_owner', :'posts_role')
\gexec

-- Check: no role can use or create in another module's schema, a runtime role cannot create even in its own,
-- and nobody can create in public.
select format('do $check$ begin raise exception %L; end $check$',
              format('role %s has %s on schema %s, which it must not', role_name, privilege, schema_name))
from (values ('users', :'users_owner', :'users_role'), ('threads', :'threads_owner', :'threads_role'),
             ('posts', :'posts_owner', :'posts_role')) as module(schema_name, owner_role, runtime_role)
cross join (values (:'users_owner'), (:'users_role'), (:'threads_owner'), (:'threads_role'), (:'posts_owner'), (:'posts_role'))
     as other(role_name)
cross join (values ('USAGE'), ('CREATE')) as wanted(privilege)
where role_name <> owner_role
  and not (role_name = runtime_role and privilege = 'USAGE')
  and has_schema_privilege(role_name, schema_name, privilege)
union all
select format('do $check$ begin raise exception %L; end $check$',
              format('role %s can create in schema public', role_name))
from (values (:'users_owner'), (:'users_role'), (:'threads_owner'), (:'threads_role'), (:'posts_owner'), (:'posts_role'))
     as module_role(role_name)
where has_schema_privilege(role_name, 'public', 'CREATE')
\gexec

commit;
