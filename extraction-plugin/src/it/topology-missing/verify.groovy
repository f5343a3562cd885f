List<String> log = new File(basedir, 'build.log').readLines()
File expected = new File(basedir, 'topologies/nope.yml').canonicalFile
// One line: the path looked at, where a relative one is taken from, and what to do.
assert log.any { it.startsWith('[ERROR]') && it.contains("No topology file at ${expected} (extract.topology=topologies/nope.yml,"
        + " a relative path is taken from ${basedir.canonicalFile}): fix the path, or leave extract.topology out"
        + ' to extract modules by name') } : log.findAll { it.contains('ERROR') }
assert !new File(basedir, 'app/target/services').exists()
return true
