-- Login attempts still being checked (forum.users.internal.auth.LoginThrottle): of the attempts counted in failures,
-- in_flight are those whose password is not checked yet, until in_flight_until (a process that crashed meanwhile
-- never resolves its own: past that time they are failures like the others). An attempt refused only because of
-- attempts still in flight waits for them instead of being told of failures that may never happen.
--
-- A default, and nullable: during the rolling deployment that brings this migration, processes of the previous
-- version still count attempts without these columns (their attempts then read as failures, as they always did).
alter table login_failures add column in_flight integer default 0 not null;
alter table login_failures add column in_flight_until timestamp with time zone;

-- The attempts in flight from one address, across usernames (the address's failed-login budget waits for them too).
create index login_failures_client_address on login_failures (client_address);
