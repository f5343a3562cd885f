package forum.cache;

/** Kept read answers on the embedded H2 database. */
class CachedReadsOnH2IntegrationTest extends CachedReadsContract {
}
