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
// topology.yml's services: each can be built, feedback holding the two modules that cannot leave alone.
assert report.topology == 'topology.yml'
assert report.summary.services == 3 && report.summary.buildable == ['monolith', 'catalog', 'feedback'] : report.summary
def services = report.services.collectEntries { [it.name, it] }
assert services.keySet() as List == ['monolith', 'catalog', 'feedback']
assert services.monolith.monolith && services.monolith.modules == ['catalog', 'orders', 'ratings', 'reviews']
assert services.feedback.modules == ['reviews', 'ratings'] && services.feedback.buildable && services.feedback.blockers == []
assert modules.ratings.service == 'feedback' && modules.reviews.service == 'feedback' && modules.orders.service == 'monolith'
assert call.message.endsWith("or keep reviews and ratings in one service: service 'feedback' of " +
        new File(basedir, 'topology.yml').toPath().toAbsolutePath().normalize() + " holds both; build it with -Dextract=feedback") :
        call.message
List<String> text = new File(basedir, 'target/extract/report.txt').text.readLines()
assert text[1] == '4 modules: 2 can be extracted alone now (catalog, orders), 2 blocked alone (ratings, reviews)'
assert text[2] == '3 services in topology.yml: 3 can be built now (monolith, catalog, feedback), 0 blocked'
assert log.contains('[extract]   ratings  blocked alone (1); in service feedback (with reviews), which can be built now:' +
        ' -Dextract=feedback') : 'the report is not in the log'
assert log.contains('[extract]   feedback  can be built now: reviews, ratings (-Dextract=feedback)')

// The refusal of build 2: one line, naming the call site, the module and what to change: topology.yml's service
// feedback already keeps both together. ratings alone is a module, not a service.
String refusal = "Module 'ratings' alone: example.shop.reviews.internal.ReviewController calls example.shop.ratings.RatingService" +
        " of module ratings (bean reference in example/shop/reviews/internal/ReviewController.java, module reviews)," +
        " which cannot go over HTTP once reviews and ratings run in different services: call it through an interface in" +
        " the published API of ratings annotated with @HttpExchange (its remote client is made from it) and implemented by a" +
        " @RestController in ratings, or keep reviews and ratings in one service: service 'feedback' of " +
        new File(basedir, 'topology.yml').toPath().toAbsolutePath().normalize() + " holds both; build it with -Dextract=feedback"
assert log.readLines().any { it.startsWith('[ERROR]') && it.contains(refusal) } : 'no [ERROR] line refuses ratings'
assert !new File(basedir, 'target/services/ratings').exists()

// Build 4: the topology file's service sales holds orders, which has no HTTP contract: its controller's class-level
// @RequestMapping("/api/orders") is its route prefix, so sales is built, with no route line.
assert new File(basedir, 'target/services/sales/sales.jar').isFile()
assert !log.contains("service 'sales' is blocked") && !log.contains("module 'orders' has no route prefix")

// Build 5: the ECS deployment of that file, for a shop that sets none of the forum's settings (no token settings,
// profile or signing keys): the load balancer sends /api/orders and /api/orders/* to sales.
def sales = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/ecs/service-sales.json'))
assert sales.Resources.RuleOrders.Properties.Conditions[0].PathPatternConfig.Values == ['/api/orders', '/api/orders/*'] :
        sales.Resources.findAll { it.key.contains('Rule') }.keySet()
assert !log.readLines().any { it.startsWith('[WARNING] [extract] ecs: ') && it.contains('sales-topology.yml') }
// The shop has no Spring JDBC: one [INFO] line per ecs build (5 and 6) says it gets no database, and none of the
// bootstrap's advice.
List<String> noDatabase = log.readLines().findAll { it.contains('[extract] ecs: no database rendered') }
assert noDatabase.size() == 2 && noDatabase.every { it.startsWith('[INFO] ') &&
        it.endsWith('add the dependency org.springframework.boot:spring-boot-starter-jdbc (JDBC) or org.springframework.boot:spring-boot-starter-data-r2dbc (R2DBC) if the application reads one') } : noDatabase
assert !log.contains('build-db-bootstrap') && !log.contains('no database bootstrap task rendered')
File ecs = new File(basedir, 'target/ecs')
assert (ecs.list() as List).containsAll(['base.json', 'deploy.sh', 'service-monolith.json', 'service-sales.json', 'taskdefs']) : ecs.list()
def task = new groovy.json.JsonSlurper().parse(new File(ecs, 'taskdefs/monolith.json')).containerDefinitions[0]
assert task.environment.find { it.name == 'EXTRACTION_TOPOLOGY_LOCAL_MODULES' }.value == 'catalog,ratings,reviews'
// The monolith calls no module of another service (orders calls catalog, not the other way): it is not told of the
// internal load balancer.
assert !task.environment.any { it.name == 'EXTRACTION_TOPOLOGY_REMOTE_BASE_URL' } : task.environment
assert !task.environment.any { it.name.startsWith('FORUM_') || it.name.startsWith('SPRING_SECURITY_') || it.name == 'SPRING_PROFILES_ACTIVE' }
// No database: no credential (not the database's admin password, which it never uses), no datasource setting, no RDS.
assert task.secrets == [] && !task.environment.any { it.name.startsWith('SPRING_DATASOURCE_') } : task
assert !new File(ecs, 'base.json').text.contains('AWS::RDS::') && !new File(ecs, 'service-monolith.json').text.contains('5432')

// Build 6: topology.yml's deployment. orders, in the monolith, calls catalog, a service of its own: only the monolith
// reaches the internal load balancer; catalog and feedback call no remote module (and no module signs tokens).
File topologyEcs = new File(basedir, 'target/ecs-services')
Map<String, Boolean> reach = ['monolith', 'catalog', 'feedback'].collectEntries { name ->
    def stack = new groovy.json.JsonSlurper().parse(new File(topologyEcs, "service-${name}.json"))
    boolean egress = stack.Resources.SecurityGroup.Properties.SecurityGroupEgress.any { it.FromPort == 80 }
    boolean told = stack.Resources.TaskDefinition.Properties.ContainerDefinitions[0].Environment
            .any { it.Name == 'EXTRACTION_TOPOLOGY_REMOTE_BASE_URL' }
    assert egress == told && egress == stack.Resources.containsKey('InternalLoadBalancerFromTasks') : name
    [name, egress]
}
assert reach == [monolith: true, catalog: false, feedback: false] : reach

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
// contents.txt names every application class the service leaves out, with its module.
List<String> ordersContents = new File(basedir, 'target/services/orders/contents.txt').readLines()
int leftOut = ordersContents.indexOf('application classes left out (5):')
assert leftOut > 0 : ordersContents
assert ordersContents.subList(leftOut + 1, ordersContents.size()) == ['  example.shop.catalog.internal.CatalogController  [catalog]',
        '  example.shop.ratings.RatingService  [ratings]', '  example.shop.reviews.Review  [reviews]',
        '  example.shop.reviews.ReviewsApi  [reviews]', '  example.shop.reviews.internal.ReviewController  [reviews]'] : ordersContents

// Build 3: topology.yml's service feedback holds reviews and ratings, which a plain bean call ties together.
File feedback = new File(basedir, 'target/services/feedback/feedback.jar')
Set<String> inFeedback = loopback.entries(feedback)
assert inFeedback.containsAll(['BOOT-INF/classes/example/shop/reviews/internal/ReviewController.class',
        'BOOT-INF/classes/example/shop/ratings/RatingService.class'])
assert inFeedback.findAll { it.contains('example/shop/catalog/') || it.contains('example/shop/orders/') }.isEmpty()
assert new File(basedir, 'target/services/feedback/contents.txt').text.contains('modules: reviews, ratings')

try {
    // catalog extracted: its own service, and the monolith with catalog remote, reaching it over HTTP.
    def catalogService = loopback.start('catalog', catalog, [])
    assert loopback.get(catalogService.port, '/api/catalog/tea').json == [sku: 'tea', name: 'Green tea', priceCents: 450]
    def monolith = loopback.start('monolith', new File(basedir, 'target/shop-1.0.jar'), [],
            [EXTRACTION_TOPOLOGY_LOCAL_MODULES: 'orders,ratings,reviews', EXTRACTION_TOPOLOGY_REMOTE_BASE_URL: "http://127.0.0.1:${catalogService.port}".toString()])
    def placed = loopback.post(monolith.port, '/api/orders', '{"sku":"mug","quantity":2}')
    assert placed.status == 201 && placed.json.productName == 'Blue mug' && placed.json.totalCents == 2400 : placed
    assert loopback.get(monolith.port, '/api/catalog/tea').status == 404 : 'catalog answers in the monolith where it is remote'
    assert loopback.get(monolith.port, '/api/reviews/tea').json.stars == 4

    // feedback extracted: reviews answers, calling ratings in process; orders and catalog are elsewhere.
    def feedbackService = loopback.start('feedback', feedback, [])
    assert loopback.get(feedbackService.port, '/api/reviews/tea').json == [sku: 'tea', stars: 4]
    assert loopback.get(feedbackService.port, '/api/orders/1').status == 404
    assert feedbackService.log.text.contains('Topology: local [ratings, reviews], remote {}')

    // orders extracted: its service calls catalog in the monolith over HTTP.
    def ordersService = loopback.start('orders', orders, [], [EXTRACTION_TOPOLOGY_REMOTE_BASE_URL: "http://127.0.0.1:${catalogService.port}".toString()])
    def second = loopback.post(ordersService.port, '/api/orders', '{"sku":"tea","quantity":3}')
    assert second.status == 201 && second.json.productName == 'Green tea' && second.json.totalCents == 1350 : second
    assert loopback.get(ordersService.port, '/api/reviews/tea').status == 404
    assert ordersService.log.text.contains('Topology: local [orders], remote {catalog=http://127.0.0.1:')

    // What a failing catalog means to orders' callers, in an application with no exception handler of its own: an
    // unknown sku is catalog's 404 in the monolith and from the orders service alike (no RemoteErrorDecoder needed:
    // the library relays a 4xx about the request), a catalog that is gone a 503 (not a 500).
    def unknownInProcess = loopback.post(monolith.port, '/api/orders', '{"sku":"nope","quantity":1}')
    assert unknownInProcess.status == 404 : unknownInProcess
    def unknown = loopback.post(ordersService.port, '/api/orders', '{"sku":"nope","quantity":1}')
    assert unknown.status == 404 : unknown
    catalogService.process.destroy()
    assert catalogService.process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)
    def gone = loopback.post(ordersService.port, '/api/orders', '{"sku":"tea","quantity":1}')
    assert gone.status == 503 : gone
} finally {
    loopback.stopAll()
}
return true
