import groovy.json.JsonSlurper

def loopback = new GroovyClassLoader(getClass().classLoader)
        .parseClass(new File(basedir, '../../../src/it/lib/Loopback.groovy')).newInstance(basedir)
def ociImage = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../src/it/lib/OciImage.groovy'))
String log = new File(basedir, 'build.log').text

// spring-boot-starter-parent names the main class ${start-class}; unset, it is found as Spring Boot finds it.
assert !log.contains('${start-class}')
def report = new JsonSlurper().parse(new File(basedir, 'target/extract/report.json'))
assert report.application.mainClass == 'example.library.LibraryApplication'
assert report.summary.extractable == ['products'] : report.summary
def modules = report.modules.collectEntries { [it.name, it] }
def blockers = { String module -> modules[module].blockers.collect { "${it.kind} ${it.source} -> ${it.target}".toString() } as Set }
String entity = 'shared-entity example.library.invoices.internal.Invoice -> example.library.customers.Customer'
String table = 'shared-table example.library.invoices.internal.Invoice -> table invoice'
String tableFromReports = 'shared-table example.library.reports.internal.InvoiceSummary -> table invoice'
assert blockers('customers') == [entity] as Set
assert blockers('invoices') == [entity, table] as Set || blockers('invoices') == [entity, tableFromReports] as Set : blockers('invoices')
assert blockers('reports').size() == 1 && blockers('reports').first().startsWith('shared-table ')
assert modules.customers.blockers[0].message.contains('uses the entity example.library.customers.Customer of module customers'
        + ' (example/library/invoices/internal/Invoice.java, module invoices), which would run in another service')

// The refusal: both blockers, one [ERROR] line each, and nothing written.
List<String> errors = log.readLines().findAll { it.startsWith('[ERROR] [extract] ') }
assert errors.size() == 2 : errors
assert errors.any { it.contains("Module 'invoices' alone: example.library.invoices.internal.Invoice uses the entity example.library.customers.Customer") }
assert errors.any { it.contains("Module 'invoices' alone: table 'invoice' is mapped by ") && it.contains('each table belongs to one module') }
assert log.contains('2 dependencies keep the build from extracting, one per [extract] line above')
assert !new File(basedir, 'target/services/invoices').exists()

// products as a service: its entity only, on its own database, answering.
File products = new File(basedir, 'target/services/products/products.jar')
Set<String> entries = loopback.entries(products)
assert entries.contains('BOOT-INF/classes/example/library/products/internal/Product.class')
assert entries.findAll { it ==~ /BOOT-INF\/classes\/example\/library\/(customers|invoices|reports)\/.*/ }.isEmpty()
// products' image, run as its entry point runs it (no container runtime here, and the base has no JVM: its own files,
// its own class path, its environment and nothing else, with this JDK's java): the application's controller and JPA
// repository are found in /app/classes/classes.jar, and it listens on the port the image exposes, not on its own 7070.
int imagePort = new File(basedir, 'image.properties').text.find(/\d+/) as int
def image = ociImage.read(new File(basedir, 'target/services/products/products-image.tar'))
assert image.exposedPort() == imagePort
assert image.environment().SERVER_PORT == imagePort as String
// The health labels are in the application's namespace (its main class's package), not the forum's.
assert image.config.config.Labels['example.library.health.readiness'] == '/actuator/health/readiness' : image.config.config.Labels
assert !image.config.config.Labels.keySet().any { it.startsWith('forum.') } : image.config.config.Labels
File root = image.unpack(new File(basedir, 'target/products-image-root'))
Set<String> inClasses = loopback.entries(new File(root, 'app/classes/classes.jar'))
assert inClasses.containsAll(['example/', 'example/library/', 'example/library/products/internal/']) : 'no folder entries'
try {
    ProcessBuilder container = new ProcessBuilder(image.entrypoint(root, System.getProperty('java.home')) + '--server.address=127.0.0.1')
            .directory(new File(root, 'app'))
    container.environment().clear()
    container.environment().putAll(image.environment())
    def fromImage = loopback.launch('products-image', container, imagePort)
    def stored = loopback.post(imagePort, '/api/products', '{"title":"Emma"}')
    assert stored.status == 200 && stored.json.title == 'Emma' : stored
    assert loopback.get(imagePort, "/api/products/${stored.json.id}").json == [id: stored.json.id, title: 'Emma']
    assert fromImage.log.text =~ /Found 1 JPA repository interface/ : fromImage.log.text
} finally {
    loopback.stopAll()
}

try {
    def service = loopback.start('products', products, [])
    def created = loopback.post(service.port, '/api/products', '{"title":"Dune"}')
    assert created.status == 200 && created.json.title == 'Dune' : created
    assert loopback.get(service.port, "/api/products/${created.json.id}").json == [id: created.json.id, title: 'Dune']
    assert loopback.post(service.port, '/api/customers', 'Ann').status == 404
} finally {
    loopback.stopAll()
}

// The application's own jar in mixed runs (extraction-runtime's jpa.LocalPersistenceUnitPostProcessor), with the module
// metadata the modules goal wrote into its classes. The remote modules' base URL is a free loopback port nothing
// listens on: no call is made.
File application = new File(basedir, 'target/library-1.0.jar')
String metadata = new java.util.jar.JarFile(application).withCloseable { jar ->
    jar.getInputStream(jar.getEntry('META-INF/extraction/modules.properties')).text
}
assert metadata.readLines().any { it ==~ /modules\s*=\s*.*/ && ['customers', 'invoices', 'products', 'reports'].every(it.&contains) } : metadata
String remoteBaseUrl = "--extraction.topology.remote-base-url=http://127.0.0.1:${loopback.freePort()}"
try {
    // products alone: the three other modules' entities are left out of the persistence unit, so Hibernate validates
    // a schema that holds products' table and sequence only (no customer, no invoice).
    String schema = 'CREATE TABLE product(id BIGINT PRIMARY KEY, title VARCHAR(255))\\;' +
            'CREATE SEQUENCE product_seq START WITH 1 INCREMENT BY 50'
    def mixed = loopback.start('products-mixed', application, ['--extraction.topology.local-modules=products', remoteBaseUrl,
            "--spring.datasource.url=jdbc:h2:mem:products;DB_CLOSE_DELAY=-1;INIT=${schema}".toString(),
            '--spring.jpa.hibernate.ddl-auto=validate'])
    assert mixed.log.readLines().any { it.contains('Left out 3 managed class(es) of remote modules from the persistence unit') } :
            mixed.log.text
    def created = loopback.post(mixed.port, '/api/products', '{"title":"Ubik"}')
    assert created.status == 200 && created.json.title == 'Ubik' : created
    assert loopback.get(mixed.port, "/api/products/${created.json.id}").json == [id: created.json.id, title: 'Ubik']
    assert loopback.post(mixed.port, '/api/customers', 'Ann').status == 404
} finally {
    loopback.stopAll()
}
try {
    // invoices here, customers remote: Invoice maps Customer, so the process refuses to start, in one line.
    def refused = loopback.run(application, ['--extraction.topology.local-modules=invoices', remoteBaseUrl])
    assert refused.exit != 0 : refused.output
    assert refused.output.readLines().contains('Managed class example.library.invoices.internal.Invoice maps example.library.customers.Customer,'
            + " a managed class of module 'customers', which is remote here (field 'customer'): refer to it by id and read it through"
            + ' the HTTP contract of customers, or run customers here too (extraction.topology.local-modules)') : refused.output
} finally {
    loopback.stopAll()
}
return true
