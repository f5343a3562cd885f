List<String> log = new File(basedir, 'build.log').readLines()
List<String> errors = log.findAll { it.startsWith('[ERROR]') }
File expected = new File(basedir, 'topologies/nope.yml').canonicalFile
// 1: the path looked at, where a relative one is taken from, and what to do.
assert errors.any { it.contains("No topology file at ${expected} (extract.topology=topologies/nope.yml,"
        + " a relative path is taken from ${basedir.canonicalFile}): fix the path, or leave extract.topology out"
        + ' to extract modules by name') } : errors
// 2: the property as typed, the one meant, and where the plugin's properties are listed (not the list: a short line).
String property = '-Dextract.imag is not a property of the extraction plugin (did you mean extract.image?): correct it or' +
        ' leave it out; `mvn extract:help -Ddetail` lists every goal\'s properties ("User property")'
List<String> refusals = errors.findAll { it.contains(property) }
assert refusals.size() == 1 : errors
// Maven's own prefix ("[ERROR] Failed to execute goal ... on project app: ") and suffix, then the plugin's line alone.
assert refusals[0].endsWith(': ' + property + ' -> [Help 1]') : refusals[0]
assert refusals[0].length() < 400 && !refusals[0].contains('extract.ecs.') : refusals[0].length()
assert !new File(basedir, 'app/target/services').exists()
return true
