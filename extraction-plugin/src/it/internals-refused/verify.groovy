String log = new File(basedir, 'build.log').text
assert log.contains("Module 'beta' alone needs other modules' internals: sample.beta.internal.SecretReader -> sample.alpha.internal.Secret") : 'the offending reference is not named'
assert log.contains('call them through their module API instead')
// Refused before anything is written.
assert !new File(basedir, 'app/target/services/beta/beta.jar').exists()
return true
