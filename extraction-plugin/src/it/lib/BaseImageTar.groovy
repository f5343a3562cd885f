// A base image as `docker save` writes it, at <basedir>/target/base.tar: manifest.json, the config, and one
// uncompressed layer tar whose sha256 is the config's diff_id. The layer holds only /etc/passwd: the image is built,
// never run. Evaluated by the prebuild.groovy of the ITs that build an image (basedir is theirs).
import java.nio.charset.StandardCharsets
import java.security.MessageDigest

byte[] header(String name, long size) {
    byte[] h = new byte[512]
    def put = { int offset, String text -> byte[] b = text.getBytes(StandardCharsets.US_ASCII); System.arraycopy(b, 0, h, offset, b.length) }
    put(0, name)
    put(100, '0000644\0')
    put(108, '0000000\0')
    put(116, '0000000\0')
    put(124, String.format('%011o', size) + '\0')
    put(136, '00000000000\0')
    put(148, '        ')
    h[156] = (byte) '0'
    put(257, 'ustar\0')
    put(263, '00')
    int sum = h.collect { it & 0xFF }.sum() as int
    put(148, String.format('%06o', sum) + '\0 ')
    return h
}

byte[] tar(Map<String, byte[]> files) {
    def out = new ByteArrayOutputStream()
    files.each { name, content ->
        out.write(header(name, content.length))
        out.write(content)
        out.write(new byte[(512 - content.length % 512) % 512])
    }
    out.write(new byte[1024])
    return out.toByteArray()
}

byte[] layer = tar(['etc/passwd': 'root:x:0:0:root:/root:/bin/sh\nnonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin\n'.bytes])
String diffId = MessageDigest.getInstance('SHA-256').digest(layer).encodeHex().toString()
String config = '{"architecture":"amd64","os":"linux","config":{"Env":["PATH=/usr/sbin:/usr/bin:/sbin:/bin"]},' +
        '"rootfs":{"type":"layers","diff_ids":["sha256:' + diffId + '"]}}'
String manifest = '[{"Config":"config.json","RepoTags":["fake-jre:17"],"Layers":["layer/layer.tar"]}]'

File base = new File(basedir, 'target/base.tar')
base.parentFile.mkdirs()
base.bytes = tar(['manifest.json': manifest.bytes, 'config.json': config.bytes, 'layer/layer.tar': layer])
