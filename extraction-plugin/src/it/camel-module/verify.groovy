import groovy.json.JsonSlurper

String log = new File(basedir, 'build.log').text
List<String> lines = log.readLines()
List<String> errors = lines.findAll { it.startsWith('[ERROR]') }
String name = "Module 'readingClub' cannot be a service of its own as it is: its name is not a valid route or resource" +
        " name (lower-case letters, digits and '-': the service, the load balancer's rules and the deployment's resources" +
        " are named after it): name it reading-club with @ApplicationModule(id = \"reading-club\") on its package-info.java," +
        " then use that name wherever the module is named (allowedDependencies, a per-module migration folder) (it runs" +
        " in the monolith as it is)"

// 1: the report lists readingClub, not extractable for its name (one blocker, the line above); books is extractable.
def report = new JsonSlurper().parse(new File(basedir, 'target/extract/report.json'))
def modules = report.modules.collectEntries { [it.name, it] }
assert modules.keySet() == ['books', 'books.covers', 'loans', 'readingClub'] as Set : modules.keySet()
assert report.summary.extractable == ['books', 'loans'] : report.summary
assert modules.readingClub.blockers.collect { it.kind } == ['module-name'] : modules.readingClub.blockers
assert modules.readingClub.blockers[0].message == name
// The module nested in books, which Spring Modulith names books.covers: the modules goal wrote it into the metadata
// (the plain build passed), and the report advises the id covers, which leaves it inside books.
assert modules['books.covers'].blockers.collect { it.kind } == ['module-name'] : modules['books.covers'].blockers
assert modules['books.covers'].blockers[0].message.contains('name it covers with @ApplicationModule(id = "covers") on' +
        ' its package-info.java') : modules['books.covers'].blockers[0].message
def metadata = new Properties()
new File(basedir, 'target/classes/META-INF/extraction/modules.properties').withInputStream { metadata.load(it) }
assert metadata.getProperty('module.books.covers.packages') == 'example.library.books.covers' : metadata
// The monolith holds it; the ecs goal rendered the topology (the plain build did not fail).
assert report.services.find { it.name == 'monolith' }.modules.contains('readingClub') : report.services
assert log.contains('[extract] ecs: topology.yml -> target/ecs:') : lines.findAll { it.contains('[extract] ecs') }
assert !log.contains('a module name is lower-case letters')

// 1: lending holds loans, which has no HTTP contract and whose controllers disagree on their class-level mapping: it is
// blocked in one line naming each prefix with its controller (a no-route blocker of the report), and the ecs goal
// renders the rest without it; books, routed by its contract, is rendered.
String topologyFile = new File(basedir, 'topology.yml').toPath().toAbsolutePath().normalize()
String lending = topologyFile + ":7: service 'lending' is blocked: module 'loans' has no route prefix the load balancer" +
        " can use (several prefixes on the class-level @RequestMapping of its controllers, '/api/loans' on" +
        " example.library.loans.internal.LoansController, '/api/renewals' on example.library.loans.internal.RenewalsController," +
        " where the load balancer routes one per module): give each such module one prefix, @HttpExchange(\"/api/loans\") on" +
        " an interface of its published API that its controllers implement or the same class-level" +
        " @RequestMapping(\"/api/loans\") on each of its controllers, or take it out of service 'lending' in " + topologyFile +
        " (it stays in the monolith)"
def lendingService = report.services.find { it.name == 'lending' }
assert !lendingService.buildable && lendingService.blockers*.kind == ['no-route'] : lendingService
assert lendingService.blockers[0].message == lending : lendingService.blockers[0].message
assert lines.any { it.startsWith('[WARNING] [extract] ecs: ') && it.endsWith(lending + '; rendered without it') } :
        lines.findAll { it.contains('[extract] ecs: ') }
assert new File(basedir, 'target/ecs/service-books.json').isFile() && !new File(basedir, 'target/ecs/service-lending.json').exists()

// 2: -Dextract=readingClub: refused in that one line, nothing built.
assert errors.count { it.contains(name) } == 1 : errors
assert !new File(basedir, 'target/services/readingClub').exists()

// 3: a database role and secrets per module: refused for readingClub in one line, naming the setting to turn off.
assert errors.any { it.contains("topology.yml: Module 'readingClub' cannot be deployed with database roles and secrets of" +
        " its own (extract.ecs.moduleDatabases=true names them after it) as it is: its name is not a valid route or" +
        " resource name") && it.contains('name it reading-club with @ApplicationModule(id = "reading-club") on its package-info.java,')
        && it.contains('(or set extract.ecs.moduleDatabases=false)') } : errors
assert !errors.any { it.contains("'books'") && it.contains('valid route') } : errors

// 4: the module's package suggests the module.
assert errors.any { it.contains("Unknown module or service 'example.library.books' in -Dextract=example.library.books" +
        " (did you mean books?): valid are modules books, books.covers, loans, readingClub") } : errors
return true
