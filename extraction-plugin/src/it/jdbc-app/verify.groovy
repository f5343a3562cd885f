import groovy.json.JsonSlurper

def loopback = new GroovyClassLoader(getClass().classLoader)
        .parseClass(new File(basedir, '../../../src/it/lib/Loopback.groovy')).newInstance(basedir)
String log = new File(basedir, 'build.log').text

// Compiled for Java 25 while Maven runs on 17: the analysis ran on the JDK 25 toolchain the build selected.
def analysis = log =~ /\[extract\] modules \(Spring Modulith [^ ]+ on Java (25[^,]*), ([^)]+)\/bin\/java\)/
assert analysis.find() : 'the analysis did not run on Java 25'
String jdk25 = analysis.group(2)
def report = new JsonSlurper().parse(new File(basedir, 'target/extract/report.json'))
assert report.application.java.startsWith('25')
assert report.summary.extractable == ['projects', 'tasks'] : report.summary
def modules = report.modules.collectEntries { [it.name, it] }
assert modules.tasks.callsOverHttp == [[contract: 'example.tasks.projects.ProjectsApi', module: 'projects']]
assert modules.stats.blockers.collect { [it.kind, it.source, it.target] } ==
        [['internal-reference', 'example.tasks.stats.Statistics', 'example.tasks.tasks.internal.TaskStatus']]
// ProjectBoard (projects) names TaskView (tasks), and tasks calls ProjectsApi: a cycle, reported as a warning naming each
// step, though both modules stay extractable.
assert report.cycles.size() == 1 && report.cycles[0].modules == ['projects', 'tasks', 'projects'] : report.cycles
assert report.cycles[0].dependencies[0] == 'example.tasks.projects.ProjectBoard -> example.tasks.tasks.TaskView'
assert report.cycles[0].dependencies[1].startsWith('example.tasks.tasks.') : report.cycles[0]
assert log.readLines().any { it.startsWith('[WARNING] [extract] the modules projects -> tasks -> projects depend on each other'
        + ' in a cycle (example.tasks.projects.ProjectBoard -> example.tasks.tasks.TaskView; example.tasks.tasks.')
        && it.contains("which Spring Modulith's ApplicationModules.verify() rejects (\"Cycle detected\")") }

// Spring Modulith's verify() rejects stats' reference into tasks' internals: a warning in its words, blocking nothing;
// its cycle is left to the cycle warning above.
def verification = report.warnings.findAll { it.kind == 'modulith-verification' }
assert verification.any { it.lines[0].startsWith("Spring Modulith's ApplicationModules.verify() rejects: ")
        && it.lines[0].contains('example.tasks.tasks.internal.TaskStatus') } : report.warnings
assert verification.every { !it.lines[0].contains('Cycle detected') } : verification
assert log.readLines().any { it.startsWith("[WARNING] [extract] Spring Modulith's ApplicationModules.verify() rejects: ")
        && it.contains('TaskStatus') }
// db/migration/taks/ (module tasks) is named after no module: warned of by the report and by every service build.
String misnamed = 'db/migration/taks/ is named after no module, so its migrations never run'
assert report.warnings.count { it.kind == 'misnamed-migration-folder' } == 1 : report.warnings
assert report.warnings.find { it.kind == 'misnamed-migration-folder' }.lines[0].startsWith(misnamed)
assert report.warnings.find { it.kind == 'misnamed-migration-folder' }.lines[0]
        .endsWith('rename it db/migration/tasks/ if it holds the migrations of module tasks')
assert log.readLines().count { it.startsWith('[WARNING] [extract] ' + misnamed) } >= 2 : 'the report and the service build'

// The refusal: the reference, its file and modules, and what to do.
assert log.readLines().any { it.startsWith('[ERROR]') && it.contains("Module 'stats' alone needs other modules' internals:"
        + " example.tasks.stats.Statistics -> example.tasks.tasks.internal.TaskStatus (example/tasks/stats/Statistics.java,"
        + " module stats; module tasks does not publish TaskStatus): call them through their module API instead") }
assert !new File(basedir, 'target/services/stats').exists()

// Each service holds its own module's migrations only.
File projects = new File(basedir, 'target/services/projects/projects.jar')
File tasks = new File(basedir, 'target/services/tasks/tasks.jar')
Set<String> inProjects = loopback.entries(projects)
Set<String> inTasks = loopback.entries(tasks)
assert inProjects.contains('BOOT-INF/classes/db/migration/projects/V1__project.sql')
assert !inProjects.contains('BOOT-INF/classes/db/migration/tasks/V1__task.sql')
assert inTasks.contains('BOOT-INF/classes/db/migration/tasks/V1__task.sql')
assert !inTasks.contains('BOOT-INF/classes/db/migration/projects/V1__project.sql')
assert inTasks.findAll { it ==~ /BOOT-INF\/classes\/example\/tasks\/(projects\/internal|stats)\/.*/ }.isEmpty()

try {
    def projectsService = loopback.start('projects', projects, [], [:], jdk25)
    def tasksService = loopback.start('tasks', tasks, [],
            [EXTRACTION_TOPOLOGY_REMOTE_BASE_URL: "http://127.0.0.1:${projectsService.port}".toString()], jdk25)
    def project = loopback.post(projectsService.port, '/api/projects', '{"name":"Garden"}')
    assert project.status == 200 && project.json.name == 'Garden' : project
    def task = loopback.post(tasksService.port, '/api/tasks', "{\"projectId\":${project.json.id},\"title\":\"Dig\"}")
    assert task.status == 201 && task.json.projectName == 'Garden' && task.json.title == 'Dig' : task
    assert loopback.get(tasksService.port, '/api/stats/statuses').status == 404
    // Migrations per module, and only the local module's (Spring Modulith's convention, topology-aware).
    String projectsLog = projectsService.log.text
    String tasksLog = tasksService.log.text
    assert projectsLog.contains('Migrations of projects: 1 applied') && !projectsLog.contains('Migrations of tasks')
    assert tasksLog.contains('Migrations of tasks: 1 applied') && !tasksLog.contains('Migrations of projects')
    assert tasksLog.contains('(history table flyway_schema_history_tasks)')
} finally {
    loopback.stopAll()
}
return true
