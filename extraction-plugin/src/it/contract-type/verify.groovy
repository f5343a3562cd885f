String log = new File(basedir, 'build.log').text
List<String> lines = log.readLines()

// 1: the contract-type blockers, one [ERROR] line naming the caller, the contract's method, the parameter and why.
String refusal = "Module 'orders' alone: example.store.orders.internal.OrderController calls the HTTP contract" +
        " example.store.catalog.CatalogApi of module catalog (bean reference in example/store/orders/internal/OrderController.java," +
        " module orders), whose method CatalogApi.search cannot carry its parameter 'filter'" +
        " (java.util.function.Predicate<example.store.catalog.Item>) over HTTP: java.util.function.Predicate is an interface," +
        " a function rather than data, that Jackson cannot build from JSON (it cannot know which implementation to make), so" +
        " every remote call of it would fail at run time; send a record or class of data instead"
List<String> errors = lines.findAll { it.startsWith('[ERROR]') && it.contains(refusal) }
assert errors.size() == 1 : lines.findAll { it.startsWith('[ERROR]') }
// ... and one for the futures inside restocks' list, from the list the run time checks at start too (AsyncContractTypes,
// on the analysis class path)
String futures = "whose method CatalogApi.restocks cannot carry its return type" +
        " (java.util.List<java.util.concurrent.CompletableFuture<example.store.catalog.Item>>) over HTTP:" +
        " java.util.concurrent.CompletableFuture is an asynchronous type, and the run time's remote client is blocking"
assert lines.findAll { it.startsWith('[ERROR]') && it.contains(futures) && it.contains('; return List<Item> instead') }.size() == 1 :
        lines.findAll { it.startsWith('[ERROR]') }
// ... and one for tenant's request attribute, from the run time's list too (UnsentParameters)
String attribute = "whose method CatalogApi.tenant cannot carry its parameter 'tenant' (java.lang.String) over HTTP:" +
        " @RequestAttribute does not reach the module as its controller takes it: Spring's HTTP client keeps a" +
        " @RequestAttribute on its own request and sends nothing"
assert lines.findAll { it.startsWith('[ERROR]') && it.contains(attribute) }.size() == 1 : lines.findAll { it.startsWith('[ERROR]') }
assert !lines.any { it.startsWith('[ERROR]') && it.contains('CatalogApi.item') } : 'only search, restocks and tenant cannot travel'
assert !new File(basedir, 'target/services/orders').exists()

// 2: ledger is built, with one warning that, as a service, it gets no requests.
List<String> warnings = lines.findAll { it.startsWith('[WARNING] [extract] ledger: module ledger will get no requests as a service') }
assert warnings.size() == 1 : lines.findAll { it.startsWith('[WARNING]') }
assert warnings[0].contains('it has no @Controller or @RestController (so no web route for the load balancer, and no HTTP' +
        ' contract another module could call), and events do not cross services')
assert new File(basedir, 'target/services/ledger/ledger.jar').isFile()
assert !lines.any { it.contains('[extract] catalog: module catalog will get no requests') }
return true
