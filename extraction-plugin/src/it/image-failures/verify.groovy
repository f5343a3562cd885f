// Five builds of beta (invoker.properties): a good one, a failed push, a wrong image name, a port that is no number, a
// base that is no image tar.
String log = new File(basedir, 'build.log').text
List<String> errors = log.readLines().findAll { it.startsWith('[ERROR] Failed to execute goal') }
assert errors.size() == 4 : errors

// 2: the push names the registry's address, not credentials, and says what it removed.
assert errors[0].contains('Cannot push the image to 127.0.0.1:9/shop/beta:1: the registry is not reachable at 127.0.0.1:9 (') : errors[0]
assert !errors[0].contains('credential') : errors[0]
assert errors[0].contains("; removed this build's beta.jar, contents.txt from target/services/beta/") : errors[0]

// 3: the name is refused with the service's own name as the example, before the jar is written: only builds 1
// and 2 wrote one.
assert errors[1].contains("extract.image.name 'Bad_Name' is not an image reference: set it like beta:1 or 127.0.0.1:5000/beta:1") : errors[1]
assert log.readLines().count { it.contains('-> target/services/beta/beta.jar') } == 2

// 4: the port, in the plugin's words, before the jar is written (Maven alone says "Cannot convert 'abc' to int").
assert !log.contains("Cannot convert 'abc'")
assert errors[2].contains(': -Dextract.image.port=abc is not a TCP port (1 to 65535): set -Dextract.image.port=<port> -> [Help 1]') : errors[2]

// 5: a text file as the base tar: one line saying what it is, before the jar is written (Jib would have read it
// after, "Invalid byte 115 at offset 0").
assert errors[3].contains(': Base image tar://') && errors[3].contains('/target/notes.txt is not a tar file: give a docker-save style image tar') : errors[3]
assert !log.contains('Invalid byte')

// Nothing is left: no jar of build 2 beside the image of build 1.
File service = new File(basedir, 'app/target/services/beta')
assert !service.exists() : service.list()
return true
