-- Budgets per client address, shared by every process that holds the users module (forum.users.internal.auth
-- .ClientBudgets): how many failed logins (across all usernames: password spraying) and how many sign-ups an address
-- has spent in its current window. The window opens at the address's first use and ends at window_ends_at; once
-- used reaches the budget's limit, the address is refused until then. Rows whose window has ended are purged.
create table client_budgets (
    budget         varchar                  not null,
    client_address varchar                  not null,
    used           integer                  not null,
    window_ends_at timestamp with time zone not null,
    primary key (budget, client_address)
);
create index client_budgets_window_ends_at on client_budgets (window_ends_at);
