List<String> log = new File(basedir, 'build.log').readLines()
List<String> errors = log.findAll { it.startsWith('[ERROR]') && it.contains("Unknown module or service 'betx'") }
// One line says it all: what was wrong and what is valid.
// It names the option as typed, though Maven split it into the profiles extract=alpha and betx, and the closest name.
assert errors.any { it.contains("'betx' in -Pextract=alpha,betx (did you mean beta?): valid are modules alpha, beta") } :
        log.findAll { it.startsWith('[ERROR]') }
// Nothing written, not even the list's valid first entry.
assert !new File(basedir, 'app/target/services').exists()
return true
