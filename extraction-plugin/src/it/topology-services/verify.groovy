import groovy.json.JsonSlurper
import java.util.jar.JarFile

// -Dextract=pair: one service holding both modules of the topology file's service `pair`.
File jar = new File(basedir, 'app/target/services/pair/pair.jar')
assert jar.isFile() : "no $jar"
Set<String> libs
new JarFile(jar).withCloseable { zip ->
    libs = zip.entries().collect { it.name }.findAll { it.startsWith('BOOT-INF/lib/') && it.endsWith('.jar') }
            .collect { it.substring('BOOT-INF/lib/'.length()) } as Set
}
assert libs.containsAll(['alpha-1.0.jar', 'alpha-api-1.0.jar', 'beta-1.0.jar', 'beta-api-1.0.jar', 'kernel-1.0.jar']) : libs
assert new File(basedir, 'app/target/services').list() as List == ['pair']

// The ecs goal: the topology's stacks, with path rules from the contracts' @Routes prefixes.
File ecs = new File(basedir, 'app/target/ecs')
assert (ecs.list() as List).toSorted() == ['base.json', 'deploy.sh', 'service-monolith.json', 'service-pair.json', 'taskdefs'] : ecs.list()
assert (new File(ecs, 'taskdefs').list() as List).toSorted() == ['monolith.json', 'pair.json']
def pair = new JsonSlurper().parse(new File(ecs, 'service-pair.json'))
def rules = pair.Resources.findAll { it.value.Type == 'AWS::ElasticLoadBalancingV2::ListenerRule' }
// The same rules on the internet-facing listener and on the internal one.
assert rules.collectEntries { [it.key, it.value.Properties.Conditions[0].PathPatternConfig.Values] } ==
        [RuleAlpha: ['/api/alpha', '/api/alpha/*'], InternalRuleAlpha: ['/api/alpha', '/api/alpha/*'],
         RuleBeta: ['/api/beta', '/api/beta/*'], InternalRuleBeta: ['/api/beta', '/api/beta/*']]
assert rules.collect { it.value.Properties.Priority } == [10, 10, 20, 20]
assert pair.Parameters.Traffic.Default == 10
assert pair.Resources.Service.DependsOn.containsAll(['RuleAlpha', 'InternalRuleAlpha', 'RuleBeta', 'InternalRuleBeta'])
def monolith = new JsonSlurper().parse(new File(ecs, 'service-monolith.json'))
assert monolith.Parameters.LocalModules.Default == 'alpha,beta'
// No database bootstrap image script in the sample: no bootstrap stack, security group or repository.
def base = new JsonSlurper().parse(new File(ecs, 'base.json'))
assert !base.Resources.containsKey('DatabaseBootstrapSecurityGroup')
assert !base.Resources.containsKey('RepositoryDbBootstrap')
assert new File(ecs, 'deploy.sh').canExecute()
// Not the forum: no module signs tokens, no profile or per-module database is configured, no problem catalogue.
def container = pair.Resources.TaskDefinition.Properties.ContainerDefinitions[0]
Map<String, Object> env = container.Environment.collectEntries { [it.Name, it.Value] }
assert !env.keySet().any { it.startsWith('FORUM_') || it.startsWith('SPRING_SECURITY_') } : env.keySet()
// The run-time library's own settings, named the same in every application.
// No module of the sample calls another through an HTTP contract, and none signs tokens: no task is told where the
// internal load balancer is, and none may reach it (least privilege).
assert env.EXTRACTION_TOPOLOGY_LOCAL_MODULES == 'alpha,beta' && !env.containsKey('EXTRACTION_TOPOLOGY_REMOTE_BASE_URL') : env.keySet()
[pair, monolith].each { stack ->
    assert !stack.Resources.SecurityGroup.Properties.SecurityGroupEgress.any { it.FromPort == 80 } : stack.Resources.SecurityGroup
    assert !stack.Resources.containsKey('InternalLoadBalancerFromTasks')
}
assert !env.containsKey('SPRING_PROFILES_ACTIVE')
// The app sets no server.port: its tasks listen where its image does, Spring Boot's 8080 (not the forum's 3000), and
// Actuator on the next port; the target groups send there and ask there.
assert env.SERVER_PORT == '8080' && env.MANAGEMENT_SERVER_PORT == '8081' : env
assert container.PortMappings*.ContainerPort == [8080, 8081]
def groups = pair.Resources.findAll { it.value.Type == 'AWS::ElasticLoadBalancingV2::TargetGroup' }*.value
assert !groups.isEmpty() && groups.every { it.Properties.Port == 8080 && it.Properties.HealthCheckPort == '8081' } : groups
// The load balancers' X-Forwarded-For is trusted from their own subnets only (public: 10.0.0-1, the internal one's:
// 10.0.20-21), not from the tasks' (10.0.10-11).
assert env.SERVER_FORWARDHEADERSSTRATEGY == 'native'
assert env.SERVER_TOMCAT_REMOTEIP_INTERNALPROXIES == '10\\.0\\.0\\.\\d{1,3}|10\\.0\\.1\\.\\d{1,3}|10\\.0\\.20\\.\\d{1,3}|10\\.0\\.21\\.\\d{1,3}'
def trusted = java.util.regex.Pattern.compile(env.SERVER_TOMCAT_REMOTEIP_INTERNALPROXIES)
assert ['10.0.0.9', '10.0.1.9', '10.0.20.9', '10.0.21.9'].every { trusted.matcher(it).matches() }
assert !['10.0.10.5', '10.0.11.5'].any { trusted.matcher(it).matches() }
assert base.Resources.InternalLoadBalancer.Properties.Subnets == [[Ref: 'InternalBalancerSubnetA'], [Ref: 'InternalBalancerSubnetB']]
// The sample has no Spring JDBC: no database, no database credential, no path to PostgreSQL and, as no module signs
// tokens either, no secret at all (no KMS key, no Secrets Manager endpoint, no execution role that reads secrets).
assert container.Secrets == [] && !env.keySet().any { it.startsWith('SPRING_DATASOURCE_') } : env.keySet()
assert !base.Resources.any { it.value.Type.startsWith('AWS::RDS::') || it.value.Type.startsWith('AWS::KMS::') ||
        it.value.Type == 'AWS::SecretsManager::Secret' } : base.Resources.keySet()
assert !base.Resources.any { it.value.Type == 'AWS::EC2::VPCEndpoint' && it.value.Properties.ServiceName.toString().contains('secretsmanager') }
assert !new File(ecs, 'service-pair.json').text.contains('5432') && !new File(ecs, 'service-pair.json').text.contains('secretsmanager')
// The hand-registered task definition says the same.
def atRest = new JsonSlurper().parse(new File(ecs, 'taskdefs/pair.json')).containerDefinitions[0]
assert atRest.environment*.name == container.Environment*.Name
assert atRest.secrets*.name == container.Secrets*.Name
assert !base.Resources.containsKey('SigningKeysSecret')
String everything = ecs.listFiles().findAll { it.isFile() }.collect { it.text }.join('\n')
assert !everything.contains('urn:forum:') && !everything.contains('/api/users') : 'nothing of the forum'
assert new File(ecs, 'base.json').text.contains('{\\"type\\":\\"about:blank\\",\\"title\\":\\"Not Found\\",\\"status\\":404,'
        + '\\"detail\\":\\"No service of this API answers this path: the routes are under /api/alpha and /api/beta\\"}')
assert new File(ecs, 'deploy.sh').text.contains('\nTOKENS=false\n')
String log = new File(basedir, 'build.log').text
assert log.contains('[extract] ecs: ../topology.yml -> target/ecs: 6 files')
assert log.contains('[INFO] [extract] ecs: no database rendered: the application reads no database: its service jars'
        + ' hold neither Spring Boot\'s JDBC'
        + ' (org.springframework.boot:spring-boot-jdbc with org.springframework:spring-jdbc) nor its R2DBC'
        + ' (org.springframework.boot:spring-boot-r2dbc with io.r2dbc:r2dbc-spi), so its tasks get no datasource settings'
        + ' or database credentials')
assert !log.contains('no database bootstrap task rendered') : 'no bootstrap to advise without a database'
// Build 1: moduleDatabases without a database, refused saying what to change.
assert log.readLines().any { it.startsWith('[ERROR] ') && it.contains("The ecs goal's settings do not fit together:"
        + ' moduleDatabases gives each module database credentials, but the application reads no database: its service'
        + ' jars hold neither Spring Boot\'s JDBC'
        + ' (org.springframework.boot:spring-boot-jdbc with org.springframework:spring-jdbc) nor its R2DBC'
        + ' (org.springframework.boot:spring-boot-r2dbc with io.r2dbc:r2dbc-spi), so the deployment has no database: leave'
        + ' moduleDatabases out, or add the dependency org.springframework.boot:spring-boot-starter-jdbc if the application'
        + ' reads a database (extract.ecs.*, see extract:help -Ddetail)') }
// Build 3: every mistake of the file, of its ECS deployment and of the settings, one [extract] line each, then the count.
String ahead = new File(basedir, 'ahead.yml').toPath().toAbsolutePath().normalize().toString()
List<String> errors = log.readLines().findAll { it.startsWith('[ERROR] [extract] ') && !it.contains(ahead) }
String mistakes = new File(basedir, 'mistakes.yml').toPath().toAbsolutePath().normalize().toString()
assert errors.any { it.contains("${mistakes}:7: pair: unknown module 'betta' (did you mean beta?); the modules are alpha, beta") } : errors
assert errors.any { it.contains("${mistakes}:4: database: the section sizes the deployment's PostgreSQL database, but the"
        + ' application reads no database: its service jars hold neither') } : errors
assert errors.any { it.contains("${mistakes}:6: monolith: ECS runs at least 2 tasks of a service") } : errors
assert errors.any { it.contains('-Dextract.ecs.stopTimeout=abc is not a number of seconds from 2 to 120') } : errors
assert errors.any { it.contains("The ecs goal's settings do not fit together: moduleDatabases gives each module") } : errors
assert errors.any { it.contains("${mistakes}:8: extra: unknown key 'colour' (known keys: autoscaling,") } : errors
// A service with a mistake of its own is still checked across services.
assert errors.any { it.contains("${mistakes}:8: module 'alpha' is in two services, 'pair' (line 7) and 'extra'; a module"
        + ' runs in one extracted service') } : errors
// The file's and its deployment's in the file's order, then the settings'.
assert [':4:', ':6:', ':7:', ':8:', ':8:'].withIndex().every { String at, int i -> errors[i].contains(mistakes + at) } : errors
assert errors.size() == 7 : errors
assert log.contains("7 problems in the ECS deployment of ${mistakes} and in the ecs goal's settings, one per [extract] line"
        + ' above: fix each before the stacks can be rendered')
// Build 4: the modules goal refuses the file's own mistake and the ecs goal's checks of it together, in the file's order.
List<String> aheadErrors = log.readLines().findAll { it.startsWith('[ERROR] [extract] ') && it.contains(ahead) }
assert aheadErrors.size() == 3 : aheadErrors
assert aheadErrors[0].contains("${ahead}:4: monolith: ECS runs at least 2 tasks of a service") : aheadErrors
assert aheadErrors[1].contains("${ahead}:5: base: the name 'base' is taken by the sample-base stack or task") : aheadErrors
assert aheadErrors[2].contains("${ahead}:6: extra: unknown key 'colour' (known keys: autoscaling,") : aheadErrors
assert log.readLines().any { it.startsWith('[ERROR] Failed to execute goal') && it.contains(':modules ')
        && it.contains("3 problems in the ECS deployment of ${ahead}") } : 'refused by the modules goal, ahead of the ecs goal'
return true
