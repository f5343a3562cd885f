// Shared by the sample applications' verify.groovy: starts the jars a build made as processes on loopback, on free
// ports, talks HTTP to them and stops every process it started, also when an assertion fails.
// Load it with: def loopback = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../src/it/lib/Loopback.groovy')).newInstance(basedir)

import groovy.json.JsonSlurper
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.time.Duration
import java.util.concurrent.TimeUnit

class Loopback {

    final File basedir
    final List<Process> started = []
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()

    Loopback(File basedir) {
        this.basedir = basedir
    }

    static int freePort() {
        new ServerSocket(0, 0, InetAddress.getLoopbackAddress()).withCloseable { it.localPort }
    }

    /** Starts {@code java -jar jar args} with the given JDK (default: the one running Maven) and waits for readiness. */
    Map start(String name, File jar, List<String> args, Map<String, String> env = [:], String javaHome = System.getProperty('java.home')) {
        int port = freePort()
        List<String> command = ["${javaHome}/bin/java".toString(), '-Xshare:auto', '-XX:TieredStopAtLevel=1', '-jar', jar.path,
                                "--server.port=${port}".toString(), '--server.address=127.0.0.1'] + args
        ProcessBuilder builder = new ProcessBuilder(command)
        builder.environment().putAll(env)
        return launch(name, builder, port)
    }

    /**
     * Starts a process whose application listens on port (the builder's command, environment and folder as given; its
     * output goes to name.log) and waits until its /actuator/health answers 200.
     */
    Map launch(String name, ProcessBuilder builder, int port) {
        File log = new File(basedir, "${name}.log")
        Process process = builder.redirectErrorStream(true).redirectOutput(log).start()
        started << process
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120)
        while (System.nanoTime() < deadline) {
            if (!process.alive) {
                throw new AssertionError("${name} ended with ${process.exitValue()} before it was ready:\n${log.text}")
            }
            try {
                if (get(port, '/actuator/health').status == 200) {
                    return [name: name, port: port, process: process, log: log]
                }
            } catch (IOException notYet) {
            }
            Thread.sleep(250)
        }
        throw new AssertionError("${name} did not answer on port ${port} within 120 s:\n${log.text}")
    }

    /**
     * Runs {@code java -jar jar args} to its end and returns [exit, output]. A process still running after 120 s (one
     * that started instead of refusing to) is killed and fails the verify with its output.
     */
    Map run(File jar, List<String> args, Map<String, String> env = [:], String javaHome = System.getProperty('java.home')) {
        int port = freePort()
        File log = File.createTempFile('run-', '.log', basedir)
        ProcessBuilder builder = new ProcessBuilder(["${javaHome}/bin/java".toString(), '-jar', jar.path,
                "--server.port=${port}".toString(), '--server.address=127.0.0.1'] + args)
                .redirectErrorStream(true).redirectOutput(log)
        builder.environment().putAll(env)
        Process process = builder.start()
        started << process
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor()
            throw new AssertionError("${jar.name} ${args} did not end within 120 s:\n${log.text}")
        }
        return [exit: process.exitValue(), output: log.text]
    }

    Map get(int port, String path) {
        send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:${port}${path}")).timeout(Duration.ofSeconds(10)).GET().build())
    }

    Map post(int port, String path, String json) {
        send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:${port}${path}")).timeout(Duration.ofSeconds(10))
                .header('Content-Type', 'application/json').POST(HttpRequest.BodyPublishers.ofString(json)).build())
    }

    private Map send(HttpRequest request) {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString())
        String type = response.headers().firstValue('Content-Type').orElse('')
        return [status: response.statusCode(), body: response.body(),
                json: type.contains('json') && response.body() ? new JsonSlurper().parseText(response.body()) : null]
    }

    /** Stops every process started here (SIGTERM, then SIGKILL after 10 s). */
    void stopAll() {
        started.each { it.destroy() }
        started.each { if (!it.waitFor(10, TimeUnit.SECONDS)) { it.destroyForcibly().waitFor() } }
    }

    /** The entries of a jar, nested jars' entries prefixed with the nested jar's path and '!/'. */
    static Set<String> entries(File jar) {
        Set<String> names = new TreeSet<>()
        new java.util.jar.JarFile(jar).withCloseable { zip ->
            zip.entries().each { entry ->
                names << entry.name
                if (entry.name.endsWith('.jar')) {
                    new java.util.zip.ZipInputStream(zip.getInputStream(entry)).withCloseable { nested ->
                        for (def e = nested.nextEntry; e != null; e = nested.nextEntry) {
                            names << "${entry.name}!/${e.name}".toString()
                        }
                    }
                }
            }
        }
        return names
    }
}
