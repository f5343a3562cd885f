package forum.api;

/** The bad-input table on the embedded H2 database. */
class BadInputOnH2IntegrationTest extends BadInputContract {
}
