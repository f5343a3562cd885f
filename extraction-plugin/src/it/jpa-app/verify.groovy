import groovy.json.JsonSlurper

def loopback = new GroovyClassLoader(getClass().classLoader)
        .parseClass(new File(basedir, '../../../src/it/lib/Loopback.groovy')).newInstance(basedir)
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
assert errors.any { it.contains("Service 'invoices': example.library.invoices.internal.Invoice uses the entity example.library.customers.Customer") }
assert errors.any { it.contains("Service 'invoices': table 'invoice' is mapped by ") && it.contains('each table belongs to one module') }
assert log.contains('2 dependencies keep the build from extracting, one per [extract] line above')
assert !new File(basedir, 'target/services/invoices').exists()

// products as a service: its entity only, on its own database, answering.
File products = new File(basedir, 'target/services/products/products.jar')
Set<String> entries = loopback.entries(products)
assert entries.contains('BOOT-INF/classes/example/library/products/internal/Product.class')
assert entries.findAll { it ==~ /BOOT-INF\/classes\/example\/library\/(customers|invoices|reports)\/.*/ }.isEmpty()
try {
    def service = loopback.start('products', products, [])
    def created = loopback.post(service.port, '/api/products', '{"title":"Dune"}')
    assert created.status == 200 && created.json.title == 'Dune' : created
    assert loopback.get(service.port, "/api/products/${created.json.id}").json == [id: created.json.id, title: 'Dune']
    assert loopback.post(service.port, '/api/customers', 'Ann').status == 404
} finally {
    loopback.stopAll()
}
return true
