-- Credentials: a password hash per user (Spring Security's DelegatingPasswordEncoder format, e.g. {bcrypt}...),
-- in a table of its own so that reading users never reads a hash.
create table credentials (
    user_id       bigint  primary key references users (id),
    password_hash varchar not null
);

-- Failed logins per username and client address, shared by every process that holds the users module: repeated
-- failures block that username from that address for a while, and a login that succeeds clears them.
create table login_failures (
    username        varchar                  not null,
    client_address  varchar                  not null,
    failures        integer                  not null,
    last_failure_at timestamp with time zone not null,
    blocked_until   timestamp with time zone,
    primary key (username, client_address)
);
