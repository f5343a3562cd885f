List<String> lines = new File(basedir, 'build.log').readLines()
String how = '-Dextract=MODULE[,MODULE] (a module, or a service of the topology file; extract:report lists the modules)'
// The log holds the three runs one after the other.
List<Integer> starts = lines.findIndexValues { it == '[INFO] Scanning for projects...' }*.intValue()
assert starts.size() == 3 : starts
List<List<String>> runs = (0..<3).collect { i -> lines.subList(starts[i], i < 2 ? starts[i + 1] : lines.size()) }
// 1 (bound in the parent's <plugins>) and 3 (bound in the app's own POM): the build ran to the end (the app was
// packaged) ...
assert new File(basedir, 'app/target/app-1.0.jar').isFile()
// ... the goal wrote nothing ...
assert !new File(basedir, 'app/target/services').exists()
assert !new File(basedir, 'app/target/jib-cache').exists()
// ... and said so, once, in the app: bound in the parent's <plugins>, every project runs it, and the parent pom and the
// libraries say nothing; bound in the app's POM, only the app runs it.
String nothing = '[INFO] [extract] service: nothing extracted (no -Dextract); to build a service: ' + how
for (int run : [0, 2]) {
    List<String> said = runs[run].findAll { it ==~ /\[INFO\] Building \S+ 1\.0\b.*/ || it.contains('[extract]') }
    assert said.count { it == nothing } == 1 : "run ${run + 1}: ${said}"
    assert said[0..<said.indexOf(nothing)].findAll { it.startsWith('[INFO] Building ') }.last()
            .startsWith('[INFO] Building app 1.0') : "run ${run + 1}: ${said}"
    assert runs[run].any { it.startsWith('[INFO] BUILD SUCCESS') } : "run ${run + 1}"
}
// 2: asked for by name with nothing to build: one [ERROR] line saying what to set.
List<String> errors = runs[1].findAll { it.startsWith('[ERROR]') && it.contains('extract:service was run with no service to build: name one with ' + how) }
assert errors.size() == 1 : runs[1].findAll { it.startsWith('[ERROR]') }
return true
