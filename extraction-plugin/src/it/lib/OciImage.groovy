// Shared by the ITs that run a service's image without a container runtime: reads an OCI image tar (the plugin's
// <service>-image.tar), unpacks its layers into a folder as a container's root file system, and gives the image's
// entry point with its /app paths moved into that folder and the image's environment, so that a verify.groovy runs the
// image's own files as the image would run them (Loopback.launch). The ITs' base image has no JVM: the command's `java`
// is the JDK the test names.
// Load it with: def oci = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../src/it/lib/OciImage.groovy'))

import groovy.json.JsonSlurper
import java.nio.charset.StandardCharsets
import java.util.zip.GZIPInputStream

class OciImage {

    final Map<String, byte[]> files
    final Map manifest
    final Map config

    private OciImage(Map<String, byte[]> files) {
        this.files = files
        def json = new JsonSlurper()
        def index = json.parse(files['index.json'])
        assert index.manifests.size() == 1 : index
        manifest = json.parse(blob(index.manifests[0].digest)) as Map
        config = json.parse(blob(manifest.config.digest)) as Map
    }

    static OciImage read(File tar) {
        new OciImage(entries(tar.bytes))
    }

    byte[] blob(String digest) {
        byte[] bytes = files['blobs/' + digest.replace(':', '/')]
        assert bytes != null : "blob $digest is missing"
        return bytes
    }

    /** The image's environment (config Env) as a map. */
    Map<String, String> environment() {
        (config.config.Env ?: []).collectEntries { String e -> [e.substring(0, e.indexOf('=')), e.substring(e.indexOf('=') + 1)] }
    }

    /** The one TCP port the image exposes. */
    int exposedPort() {
        Set<String> ports = config.config.ExposedPorts.keySet()
        assert ports.size() == 1 && ports[0].endsWith('/tcp') : ports
        return ports[0].replace('/tcp', '') as int
    }

    /** Unpacks every layer, bottom first, into root: each file at its path in the image. */
    File unpack(File root) {
        manifest.layers.each { layer ->
            entries(new GZIPInputStream(new ByteArrayInputStream(blob(layer.digest))).bytes).each { name, bytes ->
                File file = new File(root, name.replaceFirst('^\\.?/', ''))
                if (name.endsWith('/')) {
                    file.mkdirs()
                } else {
                    file.parentFile.mkdirs()
                    file.bytes = bytes
                }
            }
        }
        return root
    }

    /** The entry point with `java` from javaHome and every /app path under root, as it runs in a container. */
    List<String> entrypoint(File root, String javaHome) {
        List<String> command = config.config.Entrypoint.collect { String word -> word.replace('/app/', root.path + '/app/') }
        assert command[0] == 'java' : command
        command[0] = "${javaHome}/bin/java".toString()
        return command
    }

    /** The entries of an uncompressed tar by name (folders end in '/'), PAX and GNU long names read. */
    static Map<String, byte[]> entries(byte[] bytes) {
        Map<String, byte[]> found = [:]
        int at = 0
        String longName = null
        while (at + 512 <= bytes.length && bytes[at] != 0) {
            String name = text(bytes, at, 100)
            String prefix = text(bytes, at + 345, 155)
            String octal = new String(bytes, at + 124, 12, StandardCharsets.US_ASCII).replaceAll('[\u0000 ]', '')
            long size = octal ? Long.parseLong(octal, 8) : 0
            char type = (char) bytes[at + 156]
            byte[] content = Arrays.copyOfRange(bytes, at + 512, at + 512 + (int) size)
            at += 512 + (int) ((size + 511).intdiv(512) * 512)
            if (type == (char) 'x') {
                def path = new String(content, StandardCharsets.UTF_8).readLines().find { it ==~ /\d+ path=.*/ }
                longName = path ? path.substring(path.indexOf('path=') + 5) : null
                continue
            }
            if (type == (char) 'L') {
                longName = new String(content, StandardCharsets.UTF_8).replaceAll('\u0000.*', '')
                continue
            }
            String full = longName ?: (prefix ? prefix + '/' + name : name)
            longName = null
            if (type == (char) '5' && !full.endsWith('/')) {
                full += '/'
            }
            found[full] = content
        }
        return found
    }

    private static String text(byte[] bytes, int offset, int length) {
        new String(bytes, offset, length, StandardCharsets.UTF_8).replaceAll('\u0000.*', '')
    }
}
