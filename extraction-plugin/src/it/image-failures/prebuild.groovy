// The fake JRE base the image is built on (../lib/BaseImageTar.groovy).
evaluate(new File(basedir, '../../../src/it/lib/BaseImageTar.groovy'))
return true
