package forum.api;

/** Usernames unique regardless of case, on the embedded default database. */
class UsernameCaseOnH2IntegrationTest extends UsernameCaseContract {
}
