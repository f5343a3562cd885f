List<String> lines = new File(basedir, 'build.log').readLines()
String how = '-Dextract=MODULE[,MODULE] (a module, or a service of the topology file; extract:report lists the modules)'
// 1: the build ran to the end (the app was packaged) ...
assert new File(basedir, 'app/target/app-1.0.jar').isFile()
// ... the goal wrote nothing ...
assert !new File(basedir, 'app/target/services').exists()
assert !new File(basedir, 'app/target/jib-cache').exists()
// ... and said so, once (it is bound in the app's build only).
assert lines.count { it == '[INFO] [extract] service: nothing extracted (no -Dextract); to build a service: ' + how } == 1 :
        lines.findAll { it.contains('[extract]') }
// 2: asked for by name with nothing to build: one [ERROR] line saying what to set.
List<String> errors = lines.findAll { it.startsWith('[ERROR]') && it.contains('extract:service was run with no service to build: name one with ' + how) }
assert errors.size() == 1 : lines.findAll { it.startsWith('[ERROR]') }
return true
