List<String> log = new File(basedir, 'build.log').readLines()
// Both services of the list, not only the first.
assert new File(basedir, 'app/target/services').list().sort() == ['alpha', 'beta'] : new File(basedir, 'app/target/services').list()
assert new File(basedir, 'app/target/services/alpha/alpha.jar').isFile()
assert new File(basedir, 'app/target/services/beta/beta.jar').isFile()
// The build says why Maven's warning about a profile 'alpha' is harmless here.
assert log.any { it.startsWith('[INFO] [extract] Maven splits -P at commas and reads alpha as a profile of its own (it warns that it does not exist)')
        && it.endsWith('building beta, alpha') } : log.findAll { it.contains('[extract]') }
return true
