import java.util.concurrent.TimeUnit
import java.util.jar.JarFile

File service = new File(basedir, 'app/target/services/beta')
File jar = new File(service, 'beta.jar')
assert jar.isFile() : "no $jar"

Set<String> libs
String startClass
new JarFile(jar).withCloseable { zip ->
    libs = zip.entries().collect { it.name }.findAll { it.startsWith('BOOT-INF/lib/') && it.endsWith('.jar') }
            .collect { it.substring('BOOT-INF/lib/'.length()) } as Set
    startClass = zip.manifest.mainAttributes.getValue('Start-Class')
}
// beta's own jars, the shared kernel, and the API of alpha, which beta calls ...
assert libs.containsAll(['beta-1.0.jar', 'beta-api-1.0.jar', 'alpha-api-1.0.jar', 'kernel-1.0.jar']) : libs
// ... but not alpha's implementation.
assert !libs.contains('alpha-1.0.jar') : libs
assert startClass == 'sample.app.Main'

String contents = new File(service, 'contents.txt').text
int excluded = contents.indexOf('\nexcluded (')
assert excluded > 0 : contents
assert contents.substring(excluded).contains('sample:alpha:jar:1.0  [implementation of alpha]') : contents
assert contents.substring(0, excluded).contains('sample:alpha-api:jar:1.0  [API of alpha (used)]') : contents
// beta names alpha's published types but calls no HTTP contract of alpha: not 'calls over HTTP'.
assert contents.contains('calls over HTTP: none\n') && contents.contains('remote clients (HTTP contracts): none\n') && contents.contains('uses the published types of: alpha (their classes are in the jar; the modules run elsewhere)') : contents

String buildLog = new File(basedir, 'build.log').text
assert buildLog.contains('[extract] beta: modules beta, calls none over HTTP, uses only the published types of alpha; ') : 'no build line without HTTP calls'

// Only the requested service, and no image with -Dextract.image=false.
assert !new File(service, 'beta-image.tar').exists()
assert new File(basedir, 'app/target/services').list() as List == ['beta']

// The jar runs: beta is there, alpha's implementation really is not.
String java = new File(System.getProperty('java.home'), 'bin/java').path
Process run = new ProcessBuilder(java, '-jar', jar.path).redirectErrorStream(true).start()
assert run.waitFor(60, TimeUnit.SECONDS) : 'java -jar beta.jar did not end'
String output = run.inputStream.text
assert run.exitValue() != 0 : output
assert output.contains('No implementation of sample.alpha.Alpha') : output
// The sample has extraction-runtime in test scope only, which no service holds, and beta calls no HTTP contract of
// alpha: the build warns (and goes on), as without the dependency.
String log = new File(basedir, 'build.log').text
assert log.contains('[WARNING] [extract] beta leaves out alpha and calls no HTTP contract of it, but the application has'
        + ' no dev.forum:extraction-runtime dependency at run time, so the monolith keeps every module local whatever EXTRACTION_TOPOLOGY_* says') : log
assert !libs.any { it.startsWith('extraction-runtime') } : libs

// 2: `compile extract:report` from the root: one [INFO] line for the parent pom and for each library app depends on,
// then app's report; no project fails the build (it did on the first library: "No main class").
List<String> lines = log.readLines()
assert lines.contains("[INFO] [extract] report: skipped in sample-parent, a pom project (no classes); the goal runs in app") : lines
['kernel', 'alpha-api', 'alpha', 'beta-api', 'beta'].each { library ->
    List<String> skipped = lines.findAll { it.startsWith("[INFO] [extract] report: skipped in ${library}, a library of ") }
    assert skipped.size() == 1 : lines
    assert skipped[0].endsWith(' in this build (no @SpringBootApplication class with a main method in it, and no mainClass set);'
            + ' the goal runs in app') : skipped
}
assert !lines.any { it.contains('skipped in app') } : lines
assert new File(basedir, 'app/target/extract/report.txt').text.contains('beta') : 'no report for app'
assert !lines.any { it.startsWith('[ERROR]') } : lines.findAll { it.startsWith('[ERROR]') }
return true
