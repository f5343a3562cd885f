import groovy.json.JsonSlurper
import java.nio.charset.StandardCharsets
import java.util.zip.GZIPInputStream

/** The entries of an uncompressed tar, by name. */
Map<String, byte[]> entries(byte[] bytes) {
    Map<String, byte[]> found = [:]
    int at = 0
    while (at + 512 <= bytes.length && bytes[at] != 0) {
        String name = new String(bytes, at, 100, StandardCharsets.UTF_8).replaceAll('\u0000.*', '')
        String prefix = new String(bytes, at + 345, 155, StandardCharsets.UTF_8).replaceAll('\u0000.*', '')
        String octal = new String(bytes, at + 124, 12, StandardCharsets.US_ASCII).replaceAll('[\u0000 ]', '')
        long size = octal ? Long.parseLong(octal, 8) : 0
        found[prefix ? prefix + '/' + name : name] = Arrays.copyOfRange(bytes, at + 512, at + 512 + (int) size)
        at += 512 + (int) ((size + 511).intdiv(512) * 512)
    }
    return found
}

File service = new File(basedir, 'app/target/services/beta')
assert new File(service, 'beta.jar').isFile()
// Only the outputs are left: the working folders (lib/, classes/, image/) are gone once the image is built.
assert (service.list() as List).sort() == ['beta-image.tar', 'beta.jar', 'contents.txt'] : service.list()
File image = new File(service, 'beta-image.tar')
assert image.isFile() : "no $image"

// An OCI image layout: index.json -> manifest -> config and layers, each a blob named by its digest.
Map<String, byte[]> tar = entries(image.bytes)
def json = new JsonSlurper()
def blob = { String digest -> byte[] b = tar['blobs/' + digest.replace(':', '/')]; assert b != null : "blob $digest is missing"; b }
def index = json.parse(tar['index.json'])
assert index.manifests.size() == 1
assert index.manifests[0].annotations['org.opencontainers.image.ref.name'] == 'beta:1.0' : index
def manifest = json.parse(blob(index.manifests[0].digest))
def config = json.parse(blob(manifest.config.digest))
assert config.config.User == '65532:65532' : config.config
assert config.config.Entrypoint.last() == 'sample.app.Main' : config.config.Entrypoint
// The application's own server.port (app/src/main/resources/application.properties), and no health labels: the
// sample has no spring-boot-actuator.
assert config.config.ExposedPorts.keySet() == ['7070/tcp'] as Set : config.config
assert !config.config.Labels?.keySet()?.any { it.contains('health.') } : config.config

// The base tar's one layer (its /etc/passwd), then the service's own: beta's jars, not alpha's implementation.
assert manifest.layers.size() == config.rootfs.diff_ids.size()
Set<String> files = manifest.layers.collectMany { layer ->
    entries(new GZIPInputStream(new ByteArrayInputStream(blob(layer.digest))).bytes).keySet().collect { it.replaceFirst('^\\.?/', '') }
} as Set
assert files.contains('etc/passwd') : files
assert files.containsAll(['app/modules/beta-1.0.jar', 'app/modules/beta-api-1.0.jar', 'app/modules/alpha-api-1.0.jar',
                          'app/modules/kernel-1.0.jar', 'app/classes/classes.jar']) : files
assert !files.contains('app/modules/alpha-1.0.jar') : files
// Only jars on the class path, so the JDK's AOT cache can be made for the image.
assert config.config.Entrypoint.contains('/app/resources/resources.jar:/app/classes/classes.jar:/app/modules/*:/app/libs/*') : config.config.Entrypoint

assert new File(basedir, 'build.log').text.contains('beta image: base tar://')
assert new File(basedir, 'build.log').text.contains('/target/base.tar, port 7070, no health labels, ')
return true
