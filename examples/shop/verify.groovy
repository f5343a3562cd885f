import groovy.json.JsonSlurper

def loopback = new GroovyClassLoader(getClass().classLoader)
        .parseClass(new File(basedir, '../../../src/it/lib/Loopback.groovy')).newInstance(basedir)
String log = new File(basedir, 'build.log').text

// The report: catalog and orders can be services; ratings and reviews are held together by a plain bean call.
def report = new JsonSlurper().parse(new File(basedir, 'target/extract/report.json'))
assert report.format == 1
assert report.application.mainClass == 'example.shop.ShopApplication'
assert report.application.rootPackages == ['example.shop']
assert report.application.java.startsWith('17')
assert report.summary.extractable == ['catalog', 'orders'] : report.summary
def modules = report.modules.collectEntries { [it.name, it] }
assert modules.keySet() == ['catalog', 'orders', 'ratings', 'reviews'] as Set
assert modules.orders.callsOverHttp == [[contract: 'example.shop.catalog.CatalogApi', module: 'catalog']]
assert modules.catalog.calledOverHttpBy == ['orders']
assert modules.ratings.blockers*.kind == ['bean-call']
assert modules.reviews.blockers*.kind == ['bean-call']
def call = modules.ratings.blockers[0]
assert call.source == 'example.shop.reviews.internal.ReviewController' && call.target == 'example.shop.ratings.RatingService'
assert call.file == 'example/shop/reviews/internal/ReviewController.java' && call.sourceModule == 'reviews' && call.targetModule == 'ratings'
assert new File(basedir, 'target/extract/report.txt').text.contains('extractable now: catalog, orders')
assert log.contains('[extract]   ratings  blocked (1)') : 'the report is not in the log'

// The refusal of build 2: one line, naming the call site, the module and what to change.
String refusal = "Service 'ratings': example.shop.reviews.internal.ReviewController calls example.shop.ratings.RatingService" +
        " of module ratings (bean reference in example/shop/reviews/internal/ReviewController.java, module reviews)," +
        " which cannot go over HTTP once reviews and ratings run in different services: call it through an interface of" +
        " ratings's published API annotated with @HttpExchange"
assert log.readLines().any { it.startsWith('[ERROR]') && it.contains(refusal) } : 'no [ERROR] line refuses ratings'
assert !new File(basedir, 'target/services/ratings').exists()

// The services hold their own module, and of catalog only what orders uses: its contract and its record.
File orders = new File(basedir, 'target/services/orders/orders.jar')
File catalog = new File(basedir, 'target/services/catalog/catalog.jar')
Set<String> inOrders = loopback.entries(orders)
assert inOrders.contains('BOOT-INF/classes/example/shop/orders/internal/OrderController.class')
assert inOrders.containsAll(['BOOT-INF/classes/example/shop/catalog/CatalogApi.class', 'BOOT-INF/classes/example/shop/catalog/Product.class'])
assert inOrders.findAll { it.contains('example/shop/catalog/internal/') || it.contains('example/shop/ratings/') || it.contains('example/shop/reviews/') }.isEmpty()
// Its own module metadata (Spring Boot's repackaging keeps META-INF at the jar's root), naming the modules it runs.
assert inOrders.contains('META-INF/extraction/modules.properties')
Set<String> inCatalog = loopback.entries(catalog)
assert inCatalog.contains('BOOT-INF/classes/example/shop/catalog/internal/CatalogController.class')
assert inCatalog.findAll { it.contains('example/shop/orders/') }.isEmpty()
// The same libraries as Spring Boot's own jar of the application.
def libs = { Set<String> all -> all.findAll { it.startsWith('BOOT-INF/lib/') && !it.contains('!/') } as Set }
Set<String> bootLibs = libs(loopback.entries(new File(basedir, 'target/shop-1.0.jar')))
assert libs(inOrders) == bootLibs : "not as Spring Boot packs them: ${libs(inOrders) - bootLibs} / ${bootLibs - libs(inOrders)}"
assert new java.util.jar.JarFile(orders).withCloseable { it.getInputStream(it.getEntry('META-INF/extraction/modules.properties')).text }
        .contains('service=orders')

try {
    // catalog extracted: its own service, and the monolith with catalog remote, reaching it over HTTP.
    def catalogService = loopback.start('catalog', catalog, [])
    assert loopback.get(catalogService.port, '/api/catalog/tea').json == [sku: 'tea', name: 'Green tea', priceCents: 450]
    def monolith = loopback.start('monolith', new File(basedir, 'target/shop-1.0.jar'), [],
            [FORUM_TOPOLOGY_LOCAL_MODULES: 'orders,ratings,reviews', FORUM_TOPOLOGY_REMOTE_BASE_URL: "http://127.0.0.1:${catalogService.port}".toString()])
    def placed = loopback.post(monolith.port, '/api/orders', '{"sku":"mug","quantity":2}')
    assert placed.status == 201 && placed.json.productName == 'Blue mug' && placed.json.totalCents == 2400 : placed
    assert loopback.get(monolith.port, '/api/catalog/tea').status == 404 : 'catalog answers in the monolith where it is remote'
    assert loopback.get(monolith.port, '/api/reviews/tea').json.stars == 4

    // orders extracted: its service calls catalog in the monolith over HTTP.
    def ordersService = loopback.start('orders', orders, [], [FORUM_TOPOLOGY_REMOTE_BASE_URL: "http://127.0.0.1:${catalogService.port}".toString()])
    def second = loopback.post(ordersService.port, '/api/orders', '{"sku":"tea","quantity":3}')
    assert second.status == 201 && second.json.productName == 'Green tea' && second.json.totalCents == 1350 : second
    assert loopback.get(ordersService.port, '/api/reviews/tea').status == 404
    assert ordersService.log.text.contains('Topology: local [orders], remote {catalog=http://127.0.0.1:')

    // What a failing catalog means to orders' callers, in an application with no exception handler of its own: a
    // 4xx from catalog that no RemoteErrorDecoder maps is a 502, a catalog that is gone a 503 (not a 500).
    def unknown = loopback.post(ordersService.port, '/api/orders', '{"sku":"nope","quantity":1}')
    assert unknown.status == 502 : unknown
    catalogService.process.destroy()
    assert catalogService.process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)
    def gone = loopback.post(ordersService.port, '/api/orders', '{"sku":"tea","quantity":1}')
    assert gone.status == 503 : gone
} finally {
    loopback.stopAll()
}
return true
