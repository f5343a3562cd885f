List<String> log = new File(basedir, 'build.log').readLines()
List<String> errors = log.findAll { it.startsWith('[ERROR]') && it.contains("Unknown module or service 'betx'") }
// One line says it all: what was wrong and what is valid.
assert errors.any { it.contains('valid are modules alpha, beta') } : log.findAll { it.startsWith('[ERROR]') }
// Nothing written, not even the list's valid first entry.
assert !new File(basedir, 'app/target/services').exists()
return true
