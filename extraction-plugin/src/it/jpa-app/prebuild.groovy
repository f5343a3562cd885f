// The fake JRE base products' image is built on (../lib/BaseImageTar.groovy), and the port the image is told to
// expose (image.properties, read by build 1): a free one, so that the verify can run the image's files on it.
evaluate(new File(basedir, '../../../src/it/lib/BaseImageTar.groovy'))
int port = new ServerSocket(0, 0, InetAddress.getLoopbackAddress()).withCloseable { it.localPort }
new File(basedir, 'image.properties').text = "extract.image.port=${port}\n"
return true
