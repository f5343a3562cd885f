List<String> lines = new File(basedir, 'build.log').readLines()
String how = '-Dextract=MODULE[,MODULE] (a module, or a service of the topology file; extract:report lists the modules)'
// 1: the build ran to the end (the app was packaged) ...
assert new File(basedir, 'app/target/app-1.0.jar').isFile()
// ... the goal wrote nothing ...
assert !new File(basedir, 'app/target/services').exists()
assert !new File(basedir, 'app/target/jib-cache').exists()
// ... and said so, once, in the app: it is bound in the parent's <plugins>, so every project runs it, and the parent
// pom and the libraries say nothing.
String nothing = '[INFO] [extract] service: nothing extracted (no -Dextract); to build a service: ' + how
List<String> said = lines.findAll { it ==~ /\[INFO\] Building \S+ 1\.0\b.*/ || it.contains('[extract]') }
assert said.count { it == nothing } == 1 : said
assert said[0..<said.indexOf(nothing)].findAll { it.startsWith('[INFO] Building ') }.last().startsWith('[INFO] Building app 1.0') :
        said
// 2: asked for by name with nothing to build: one [ERROR] line saying what to set.
List<String> errors = lines.findAll { it.startsWith('[ERROR]') && it.contains('extract:service was run with no service to build: name one with ' + how) }
assert errors.size() == 1 : lines.findAll { it.startsWith('[ERROR]') }
return true
