List<String> log = new File(basedir, 'build.log').readLines()
List<String> errors = log.findAll { it.contains("Unknown module or service 'alphx'") }
assert !errors.isEmpty() : 'no line names the unknown module'
// One line says it all: what was wrong and what is valid.
assert errors.any { it.startsWith('[ERROR]') && it.contains("Unknown module or service 'alphx' in -Pextract=alphx (did you mean alpha?):"
        + ' valid are modules alpha, beta') } : errors
assert !new File(basedir, 'app/target/services').exists()
return true
