// The build ran to the end (the app was packaged) ...
assert new File(basedir, 'app/target/app-1.0.jar').isFile()
// ... and the goal wrote nothing.
assert !new File(basedir, 'app/target/services').exists()
assert !new File(basedir, 'app/target/jib-cache').exists()
return true
