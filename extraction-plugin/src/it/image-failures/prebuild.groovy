// The fake JRE base the image is built on (../lib/BaseImageTar.groovy), and a text file given as a base in build 5.
evaluate(new File(basedir, '../../../src/it/lib/BaseImageTar.groovy'))
new File(basedir, 'target/notes.txt').text = 'some notes, not an image\n' * 40
return true
