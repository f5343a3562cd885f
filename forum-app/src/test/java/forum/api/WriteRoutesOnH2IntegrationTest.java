package forum.api;

/** Writes, paging and bad input on the embedded default database. */
class WriteRoutesOnH2IntegrationTest extends WriteRoutesContract {
}
