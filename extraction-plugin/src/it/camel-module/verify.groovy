import groovy.json.JsonSlurper

String log = new File(basedir, 'build.log').text
List<String> lines = log.readLines()
List<String> errors = lines.findAll { it.startsWith('[ERROR]') }
String name = "Module 'readingClub' cannot be a service of its own as it is: its name is not a valid route or resource" +
        " name (lower-case letters, digits and '-': the service, the load balancer's rules and the deployment's resources" +
        " are named after it): rename its package to readingclub (it runs in the monolith as it is)"

// 1: the report lists readingClub, not extractable for its name (one blocker, the line above); books is extractable.
def report = new JsonSlurper().parse(new File(basedir, 'target/extract/report.json'))
def modules = report.modules.collectEntries { [it.name, it] }
assert modules.keySet() == ['books', 'readingClub'] as Set : modules.keySet()
assert report.summary.extractable == ['books'] : report.summary
assert modules.readingClub.blockers.collect { it.kind } == ['module-name'] : modules.readingClub.blockers
assert modules.readingClub.blockers[0].message == name
// The monolith holds it; the ecs goal rendered the topology (the plain build did not fail).
assert report.services.find { it.name == 'monolith' }.modules.contains('readingClub') : report.services
assert log.contains('[extract] ecs: topology.yml -> target/ecs:') : lines.findAll { it.contains('[extract] ecs') }
assert !log.contains('a module name is lower-case letters')

// 2: -Dextract=readingClub: refused in that one line, nothing built.
assert errors.count { it.contains(name) } == 1 : errors
assert !new File(basedir, 'target/services/readingClub').exists()

// 3: a database role and secrets per module: refused for readingClub in one line, naming the setting to turn off.
assert errors.any { it.contains("topology.yml: Module 'readingClub' cannot be deployed with database roles and secrets of" +
        " its own (extract.ecs.moduleDatabases=true names them after it) as it is: its name is not a valid route or" +
        " resource name") && it.contains('rename its package to readingclub (or set extract.ecs.moduleDatabases=false)') } : errors
assert !errors.any { it.contains("'books'") && it.contains('valid route') } : errors

// 4: the module's package suggests the module.
assert errors.any { it.contains("Unknown module or service 'example.library.books' in -Dextract=example.library.books" +
        " (did you mean books?): valid are modules books, readingClub") } : errors
return true
