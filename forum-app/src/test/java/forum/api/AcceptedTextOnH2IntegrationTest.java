package forum.api;

/** {@link AcceptedTextContract} on the embedded H2 database. */
class AcceptedTextOnH2IntegrationTest extends AcceptedTextContract {
}
