// 1: the report ran, read books and loans as Spring Modulith would, and said so in one warning naming the dependency.
List<String> lines = new File(basedir, 'build.log').readLines()
List<String> assumed = lines.findAll { it ==~ /\[WARNING\] \[extract\] The application has Spring Boot 4\.\S+ but no Spring Modulith .*/ }
assert assumed.size() == 1 : lines
assert assumed[0].contains('(no org.springframework.modulith artifact among its dependencies): this report reads its'
        + " modules with the plugin's Spring Modulith 2.") : assumed[0]
assert assumed[0].contains('refuse it until you add org.springframework.modulith:spring-modulith-starter-core') : assumed[0]
def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/extract/report.json'))
assert report.modules*.name == ['books', 'loans'] : report.modules
assert report.modules.find { it.name == 'loans' }.blockers*.kind == ['bean-call'] : report.modules

// 2: the modules goal refused in one line naming the dependency to add; no module metadata written.
List<String> errors = lines.findAll { it.startsWith('[ERROR] Failed to execute goal') }
assert errors.size() == 1 : errors
assert errors[0].contains(':modules (default) on project library: The application has Spring Boot 4.') : errors[0]
assert errors[0].contains(' but no Spring Modulith (no org.springframework.modulith artifact among its dependencies), and'
        + ' extract:modules builds from the modules Spring Modulith declares: add'
        + ' org.springframework.modulith:spring-modulith-starter-core to its dependencies') : errors[0]
assert !new File(basedir, 'target/classes/META-INF/extraction/modules.properties').exists()
return true
