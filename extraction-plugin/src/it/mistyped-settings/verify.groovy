List<String> log = new File(basedir, 'build.log').readLines()
List<String> errors = log.findAll { it.startsWith('[ERROR]') }
File expected = new File(basedir, 'topologies/nope.yml').canonicalFile
// 1: the path looked at, where a relative one is taken from, and what to do.
assert errors.any { it.contains("No topology file at ${expected} (extract.topology=topologies/nope.yml,"
        + " a relative path is taken from ${basedir.canonicalFile}): fix the path, or leave extract.topology out"
        + ' to extract modules by name') } : errors
// 2: the property as typed, the one meant, and the plugin's own.
assert errors.any { it.contains('-Dextract.imag is not a property of the extraction plugin (did you mean extract.image?):'
        + ' its properties are extract, ') } : errors
assert !new File(basedir, 'app/target/services').exists()
return true
