import groovy.json.JsonSlurper

def loopback = new GroovyClassLoader(getClass().classLoader)
        .parseClass(new File(basedir, '../../../src/it/lib/Loopback.groovy')).newInstance(basedir)
String log = new File(basedir, 'build.log').text

// The report: only audit, whose events no module listens to, can be a service now.
def report = new JsonSlurper().parse(new File(basedir, 'target/extract/report.json'))
assert report.summary.extractable == ['audit'] : report.summary
def modules = report.modules.collectEntries { [it.name, it] }
assert modules.keySet() == ['audit', 'members', 'notifications', 'orders', 'shipping', 'stats', 'tracking'] as Set
def kinds = { String module -> modules[module].blockers.collect { "${it.kind} ${it.target} ${it.source}".toString() } as Set }
assert kinds('orders') == ['event-across-services example.events.orders.OrderPlaced example.events.shipping.internal.ShipmentPlanner'] as Set
assert kinds('shipping') == ['event-across-services example.events.orders.OrderPlaced example.events.shipping.internal.ShipmentPlanner',
                             'event-across-services example.events.shipping.ShipmentScheduled example.events.notifications.Notifier'] as Set
assert kinds('notifications') == ['event-across-services example.events.shipping.ShipmentScheduled example.events.notifications.Notifier'] as Set
// Listeners that do not name the class published: a supertype (Tracked) and PayloadApplicationEvent<MemberRegistered>.
String registered = 'event-across-services example.events.members.MemberRegistered '
assert kinds('tracking') == [registered + 'example.events.tracking.internal.Tracker'] as Set
assert kinds('stats') == [registered + 'example.events.stats.internal.MemberAudit'] as Set
assert kinds('members') == [registered + 'example.events.tracking.internal.Tracker', registered + 'example.events.stats.internal.MemberAudit'] as Set
assert modules.tracking.blockers[0].message.contains('is listened to by example.events.tracking.internal.Tracker.on as example.events.Tracked (')
String orders = modules.orders.blockers[0].message
assert orders.startsWith("Module 'orders' alone: event example.events.orders.OrderPlaced, published by module orders")
assert orders.contains('is listened to by example.events.shipping.internal.ShipmentPlanner.on (example/events/shipping/internal/ShipmentPlanner.java, module shipping)')
// shipping, which orders must stay with, must stay with notifications (ShipmentScheduled): the advice holds all three.
assert orders.contains('This project does not carry events across services yet (it has no message broker support): keep orders and'
        + ' shipping in one service, with notifications too (orders must stay with notifications and shipping, counting every'
        + ' blocker): list them in one service of a topology file at '
        + new File(basedir, 'topology.yml').toPath().toAbsolutePath().normalize() + ' (modules: [notifications, orders, shipping])'
        + ' and build that service with -Dextract=<its name>') : orders
assert !orders.contains('Externalized')
// No client is wanted for a module that is only listened to: nothing is called over HTTP.
assert report.modules.every { it.callsOverHttp.isEmpty() }

// The refusal: one line naming the event, its publisher, its listener, and that it is externalized.
String refusal = "Module 'notifications' alone: event example.events.shipping.ShipmentScheduled, published by module shipping"
List<String> errors = log.readLines().findAll { it.startsWith('[ERROR]') && it.contains(refusal) }
assert errors.size() == 1 : 'no [ERROR] line refuses notifications'
assert errors[0].contains("is listened to by example.events.notifications.Notifier.on")
assert errors[0].contains("It is @Externalized to 'shipments', but Notifier listens in process, not to the broker.")
assert errors[0].contains('This project does not carry events across services yet (it has no message broker support)')
assert !new File(basedir, 'target/services/notifications').exists()
// Refused already at process-classes, by the modules goal, before the tests and package ran.
assert log.readLines().any { it.startsWith('[ERROR] Failed to execute goal') && it.contains(':modules ') } :
        log.readLines().findAll { it.startsWith('[ERROR] Failed') }

// audit as a service: only its own module, and it answers.
File audit = new File(basedir, 'target/services/audit/audit.jar')
Set<String> entries = loopback.entries(audit)
assert entries.contains('BOOT-INF/classes/example/events/audit/internal/AuditLog.class')
assert entries.findAll { it ==~ /BOOT-INF\/classes\/example\/events\/(orders|shipping|notifications)\/.*/ }.isEmpty()
try {
    // At run time both ends of such an event refuse to start, as the build refuses both directions: orders here with
    // shipping elsewhere would lose every OrderPlaced; notifications here would wait in vain for ShipmentScheduled.
    File monolith = new File(basedir, 'target/events-1.0.jar')
    def publisher = loopback.run(monolith, [], [EXTRACTION_TOPOLOGY_LOCAL_MODULES: 'orders,audit'])
    assert publisher.exit != 0 : publisher.output
    assert publisher.output.contains("Module 'orders' runs here and publishes example.events.orders.OrderPlaced, which module"
            + " 'shipping' listens to in another process, so it would never arrive there: events across processes need a"
            + " message broker, which this library does not support yet; run orders and shipping in the same process") : publisher.output
    def listener = loopback.run(monolith, [], [EXTRACTION_TOPOLOGY_LOCAL_MODULES: 'notifications'])
    assert listener.exit != 0 : listener.output
    assert listener.output.contains("Module 'notifications' runs here and listens to example.events.shipping.ShipmentScheduled,"
            + " which module 'shipping' publishes in another process") : listener.output

    def tracker = loopback.run(monolith, [], [EXTRACTION_TOPOLOGY_LOCAL_MODULES: 'tracking'])
    assert tracker.exit != 0 : tracker.output
    assert tracker.output.contains("Module 'tracking' runs here and listens to example.events.members.MemberRegistered,"
            + " which module 'members' publishes in another process") : tracker.output
    def members = loopback.run(monolith, [], [EXTRACTION_TOPOLOGY_LOCAL_MODULES: 'members'])
    assert members.exit != 0 : members.output
    assert members.output.contains("Module 'members' runs here and publishes example.events.members.MemberRegistered, which module '") : members.output

    def service = loopback.start('audit', audit, [])
    assert loopback.post(service.port, '/api/audit', 'signed in').status == 201
    assert loopback.get(service.port, '/api/audit').json == [[id: 1, entry: 'signed in']]
    assert loopback.get(service.port, '/api/orders').status == 404
} finally {
    loopback.stopAll()
}
return true
