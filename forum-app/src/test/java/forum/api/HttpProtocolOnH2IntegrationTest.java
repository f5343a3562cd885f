package forum.api;

/** {@link HttpProtocolContract} on the embedded H2 database. */
class HttpProtocolOnH2IntegrationTest extends HttpProtocolContract {
}
