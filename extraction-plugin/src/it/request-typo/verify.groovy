List<String> log = new File(basedir, 'build.log').readLines()
List<String> errors = log.findAll { it.startsWith('[ERROR]') }
String valid = 'valid are modules alpha, beta (this build\'s extract=<module> profiles: a module needs one to be named here;' +
        ' no topology file, so no services)'
// 1: one line, from the check-request goal: the option as typed, the closest name, the valid ones.
assert errors.any { it.contains(':check-request (check-request) on project app:')
        && it.contains("Unknown module or service 'alphx' in -Pextract=alphx (did you mean alpha?): " + valid) } : errors
// 2: each mistyped name of the list on a line of its own, then the count.
assert errors.any { it == "[ERROR] [extract] Unknown module or service 'betx' in -Dextract=betx,alpha,alhpa (did you mean beta?): " + valid } : errors
assert errors.any { it == "[ERROR] [extract] Unknown module or service 'alhpa' in -Dextract=betx,alpha,alhpa (did you mean alpha?): " + valid } : errors
assert errors.any { it.contains(':check-request (check-request) on project app: 2 unknown modules or services requested,'
        + ' one per [extract] line above: fix each, or leave it out of the request') } : errors
// Refused before the app compiled, and nothing written.
assert !new File(basedir, 'app/target/classes').exists()
assert !new File(basedir, 'app/target/services').exists()
// 3: the valid list passed (the build did not fail there: the invoker checks buildResult).
// 4: a name written twice: one line naming the option, the name and the list to type instead.
assert errors.any { it.contains(':check-request (check-request) on project app: -Dextract=alpha,beta,alpha names \'alpha\''
        + ' twice: name each module or service once, e.g. -Dextract=alpha,beta') } : errors
// 5: and in a -Pextract list.
assert errors.any { it.contains(':check-request (check-request) on project app: -Pextract=alpha,alpha names \'alpha\''
        + ' twice: name each module or service once, e.g. -Pextract=alpha') } : errors
// 6: a service and one of its modules: one line naming both and the request to type instead.
assert errors.any { it.contains(':check-request (check-request) on project app: -Dextract=pair,alpha names service \'pair\''
        + ' and its module \'alpha\': name the service or its modules, not both, e.g. -Dextract=pair') } : errors
// 7: and in a -Pextract list, which the line gives back as a -Pextract list.
assert errors.any { it.contains(':check-request (check-request) on project app: -Pextract=pair,alpha names service \'pair\''
        + ' and its module \'alpha\': name the service or its modules, not both, e.g. -Pextract=pair') } : errors
// 8: a name that is a module (pair lists it) and a service holding another module.
assert errors.any { it.contains(':check-request (check-request) on project app: \'alpha\' is a module and a service of ')
        && it.contains('names.yml holding beta: rename the service so that -Dextract=alpha means one thing') } : errors
// 9: the file's own mistakes (a service's wrong size, a module in two services) and the request's (a service named like
// a module it does not hold), one line each, then the count.
String shared = new File(basedir, 'shared.yml').toPath().toAbsolutePath().normalize().toString()
String size = "[ERROR] [extract] ${shared}:6: pair: cpu 256 takes memory 512, 1024, 2048 MiB on Fargate, not 300"
String twice = "[ERROR] [extract] ${shared}:7: module 'beta' is in two services, 'pair' (line 6) and 'alpha'; a module" +
        ' runs in one extracted service'
assert errors.count { it == size } == 1 && errors.count { it == twice } == 1 : errors
assert errors.any { it == "[ERROR] [extract] 'alpha' is a module and a service of ${shared} holding beta: rename the" +
        ' service so that -Dextract=alpha means one thing' } : errors
assert errors.any { it.contains(":check-request (check-request) on project app: 3 problems in ${shared} and in the request," +
        ' one per [extract] line above: fix each before the build can extract') } : errors
// 10: passed (the invoker checks buildResult).
// 11: the modules goal bound at process-classes runs in mvn process-classes: the file's mistakes refused at validate,
// by the check-request goal, before anything compiled (build 1 checks that app/target/classes is not there).
assert errors.any { it.contains(":check-request (check-request) on project app: 2 mistakes in ${shared}") } : errors
assert !errors.any { it.contains(':modules (modules) on project app') } : errors
// 12: passed (the invoker checks buildResult), having compiled (into target-12) with the report goal skipped.
assert new File(basedir, 'app/target-12/classes').exists()
assert !new File(basedir, 'app/target-12/extract').exists()
// 13: the nameless service's line alone, the requested service pair known.
String nameless = new File(basedir, 'nameless.yml').toPath().toAbsolutePath().normalize().toString()
assert errors.any { it.contains(":check-request (check-request) on project app: ${nameless}:5: a service without a name:" +
        ' add name: <service>') } : errors
assert !errors.any { it.contains("Unknown module or service 'pair'") } : errors
return true
