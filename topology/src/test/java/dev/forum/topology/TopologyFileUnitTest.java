package dev.forum.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TopologyFileUnitTest {

    @Test
    void readsEveryKeyAndFillsDefaults() {
        TopologySpec spec = TopologyFile.parse("""
                name: shop
                services:
                  - name: monolith
                    monolith: true
                    cpu: 512
                    memory: 2048
                    count: 3
                    autoscaling: { min: 2, max: 6, cpu-target: 50 }
                  - name: posts
                    modules: [posts, threads]
                    traffic: 10
                """, "t.yml");

        assertEquals("shop", spec.name());
        ServiceSpec monolith = spec.services().get(0);
        assertEquals(new Sizing(512, 2048), monolith.sizing());
        assertEquals(3, monolith.count());
        assertEquals(new Autoscaling(2, 6, 50), monolith.autoscaling());
        assertTrue(monolith.monolith());

        ServiceSpec posts = spec.services().get(1);
        assertEquals(List.of("posts", "threads"), posts.modules());
        assertEquals(10, posts.traffic());
        assertEquals(Sizing.DEFAULT, posts.sizing());
        assertEquals(2, posts.count());
        assertEquals(new Autoscaling(2, 4, 60), posts.autoscaling());
        assertEquals(9, posts.line());
    }

    @Test
    void readsTheEdgeAndTheDatabaseAndDefaultsThem() {
        TopologySpec spec = TopologyFile.parse("""
                edge:
                  certificate-arn: arn:aws:acm:eu-west-1:123456789012:certificate/0a1b2c3d-aaaa-bbbb-cccc-0123456789ab
                  rate-limit: 500
                database: { multi-az: true, pool-size: 8 }
                services:
                  - { name: monolith, monolith: true }
                """, "t.yml");
        assertEquals(java.util.Optional.of("arn:aws:acm:eu-west-1:123456789012:certificate/0a1b2c3d-aaaa-bbbb-cccc-0123456789ab"),
                spec.edge().certificateArn());
        assertEquals(500, spec.edge().rateLimit());
        assertEquals(new DatabaseSpec(true, 8, 4), spec.database());

        TopologySpec plain = TopologyFile.parse("services: [ { name: monolith, monolith: true } ]", "t.yml");
        assertEquals(EdgeSpec.DEFAULT, plain.edge());
        assertEquals(DatabaseSpec.DEFAULT, plain.database());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            edge: { certificate-arn: 'arn:aws:iam::123456789012:server-certificate/x' } | t.yml:1: edge.certificate-arn must be an ACM certificate ARN
            edge: { rate-limit: 99 }                                                    | t.yml:1: edge.rate-limit is requests per client IP in 5 minutes, from 100 to 2000000000 (AWS WAF's bounds), not 99
            edge: { tls: true }                                                         | t.yml:1: unknown key 'tls' in edge (known keys: certificate-arn, rate-limit)
            database: { pool-size: 0 }                                                  | t.yml:1: database.pool-size is connections per module per task, from 1 to 50, not 0
            database: { multi-az: yes }                                                 | t.yml:1: database.multi-az must be true or false, not 'yes'
            """)
    void refusesAWrongEdgeOrDatabaseWithTheLine(String section, String expected) {
        TopologyException error = assertThrows(TopologyException.class,
                () -> TopologyFile.parse(section + "\nservices: [ { name: monolith, monolith: true } ]", "t.yml"));
        assertTrue(error.getMessage().startsWith(expected), error.getMessage());
    }

    /**
     * A wrong name is told the valid name closest to it, a long one its length (trial5's badname.yml, longname.yml,
     * badappname.yml); a tab that indents a line is said in words, not SnakeYAML's {@code '\\t(TAB)'} (tab.yml).
     */
    @Test
    void aWrongNameIsToldTheNameToWriteAndATabIsSaidInWords() {
        assertEquals("t.yml:2: service name 'Catalog_Svc' must be 1-20 lower-case letters, digits or '-', starting with a"
                + " letter (did you mean catalog-svc?)", assertThrows(TopologyException.class, () -> TopologyFile.parse(
                "services:\n  - { name: Catalog_Svc, monolith: true }\n", "t.yml")).getMessage());
        assertEquals("t.yml:1: name 'Hub App' must be 1-20 lower-case letters, digits or '-', starting with a letter (did"
                + " you mean hub-app?)", assertThrows(TopologyException.class, () -> TopologyFile.parse(
                "name: Hub App\nservices: [{ name: monolith, monolith: true }]\n", "t.yml")).getMessage());
        assertEquals("t.yml:2: service name 'catalog-service-for-the-shop' is 28 characters long: a name is 1-20 lower-case"
                + " letters, digits or '-', starting with a letter; shorten it", assertThrows(TopologyException.class,
                () -> TopologyFile.parse("services:\n  - { name: catalog-service-for-the-shop, monolith: true }\n",
                        "t.yml")).getMessage());
        assertEquals("shop-app", TopologyFile.nameLike("Shop_App"));
        assertEquals("", TopologyFile.nameLike("1234"));
        assertEquals("t.yml:4: not valid YAML: a tab character at column 1: YAML indents with spaces only; replace the tab"
                + " with spaces", assertThrows(TopologyException.class, () -> TopologyFile.parse(
                "services:\n  - name: monolith\n    monolith: true\n\tcpu: 256\n", "t.yml")).getMessage());
    }

    @Test
    void defaultsTheNameAndTheTrafficShare() {
        TopologySpec spec = TopologyFile.parse("""
                services:
                  - { name: monolith, monolith: true }
                  - { name: posts, modules: posts }
                """, "t.yml");
        assertEquals("app", spec.name(), "nothing of the forum's in another application's topology");
        assertEquals("shop", TopologyFile.parse("services: [{ name: monolith, monolith: true }]", "t.yml", "shop").name());
        assertEquals("forum", TopologyFile.parse("name: forum\nservices: [{ name: monolith, monolith: true }]", "t.yml",
                "shop").name(), "the file's own name wins");
        assertEquals(100, spec.services().get(1).traffic());
        assertEquals(List.of("posts"), spec.services().get(1).modules());
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', textBlock = """
            services: []                                                     | t.yml:1: services must be a list | empty services list
            name: forum                                                      | t.yml:1: no services              | no services key
            servces: []                                                      | t.yml:1: unknown key 'servces' in the file: did you mean services? (known keys: database, edge, name, services) | typo at the top
            'services: [{name: m, monolith: true, cpus: 2}]'                 | t.yml:1: m: unknown key 'cpus': did you mean cpu? (known keys: autoscaling, count, cpu, database, environment, memory, modules, monolith, name, traffic) | typo in a service
            'services: [{monolith: true}]'                                   | t.yml:1: a service without a name | nameless service
            'services: [{name: Posts, monolith: true}]'                      | t.yml:1: service name 'Posts' must be 1-20 lower-case | bad name
            'services: [{name: m, monolith: yes}]'                           | t.yml:1: m: monolith must be true or false, not 'yes' | bad boolean
            'services: [{name: m, monolith: true, modules: [posts]}]'        | t.yml:1: m: the monolith holds every module not listed elsewhere | monolith with modules
            'services: [{name: m, monolith: true, traffic: 50}]'             | t.yml:1: m: the monolith takes whatever traffic | monolith with traffic
            'services: [{name: p}]'                                          | t.yml:1: p: an extracted service needs modules | service without modules
            'services: [{name: p, modules: [posts], traffic: 101}]'          | t.yml:1: p: traffic is a share from 0 to 100, not 101 | traffic too high
            'services: [{name: p, modules: [posts], traffic: half}]'         | t.yml:1: p: traffic must be a whole number, not 'half' | traffic not a number
            'services: [{name: p, modules: [posts], cpu: 256, memory: 4096}]' | t.yml:1: p: cpu 256 takes memory 512, 1024, 2048 MiB on Fargate, not 4096 | invalid Fargate size
            'services: [{name: p, modules: [posts], cpu: 300}]'              | t.yml:1: p: cpu 300 is not a Fargate size | invalid Fargate cpu
            'services: [{name: p, modules: [posts], count: 0}]'              | t.yml:1: p: count must be at least 1 | no tasks
            'services: [{name: p, modules: [posts], count: 5, autoscaling: {max: 4}}]' | t.yml:1: p: autoscaling needs 1 <= min <= count <= max | bounds around the count
            'services: [{name: m, name: n, monolith: true}]'                 | t.yml:1: m: key 'name' appears twice | a key twice
            'services: [{name: m, monolith: true, database: {}}]'            | t.yml:1: m: the monolith's modules use the shared database; give database: to an extracted service | monolith with its own database
            'services: [{name: p, modules: [posts], traffic: 10, database: {}}]' | t.yml:1: p: a database of its own needs traffic: 100 | own database during a canary
            'services: [{name: p, modules: [posts], database: own}]'         | t.yml:1: p: database must be a mapping of keys (instance, storage) | own database as a word
            'services: [{name: p, modules: [posts], database: {size: 2}}]'   | t.yml:1: p: unknown key 'size' in database (known keys: instance, storage) | typo in the database
            'services: [{name: p, modules: [posts], database: {instance: t4g.micro}}]' | t.yml:1: p: database.instance 't4g.micro' is not an RDS PostgreSQL instance class (e.g. db.t4g.micro, db.m7g.large, db.r7g.xlarge) | class without db.
            'services: [{name: p, modules: [posts], database: {instance: db.m7g.micro}}]' | t.yml:1: p: database.instance db.m7g.micro: m7g classes start at large; use a t4g class for a smaller one | general-purpose too small
            'services: [{name: p, modules: [posts], database: {instance: db.t4g.8xlarge}}]' | t.yml:1: p: database.instance db.t4g.8xlarge: burstable classes go up to 2xlarge; use an m or r class | burstable too large
            'services: [{name: p, modules: [posts], database: {storage: 10}}]' | t.yml:1: p: database.storage is GiB from 20 to 65536, not 10 | storage too small
            'services: [{name: p, modules: [posts], database: {storage: lots}}]' | t.yml:1: p: database.storage must be a whole number, not 'lots' | storage not a number
            """)
    void refusesMistakesWithTheirLine(String yaml, String expected, String what) {
        TopologyException error = assertThrows(TopologyException.class, () -> TopologyFile.parse(yaml, "t.yml"));
        assertTrue(error.getMessage().startsWith(expected),
                () -> what + ": " + error.getMessage());
        assertEquals(1, error.getMessage().lines().count(), "one line: " + error.getMessage());
    }

    @Test
    void readsADatabaseOfTheServicesOwnAndDefaultsItsSize() {
        TopologySpec spec = TopologyFile.parse("""
                services:
                  - { name: monolith, monolith: true }
                  - name: posts
                    modules: [posts]
                    database: { instance: db.r7g.xlarge, storage: 500 }
                  - { name: threads, modules: [threads], database: {} }
                  - { name: users, modules: [users] }
                """, "t.yml");
        assertEquals(null, spec.services().get(0).database());
        assertEquals(new OwnDatabase("db.r7g.xlarge", 500), spec.services().get(1).database());
        assertEquals(OwnDatabase.DEFAULT, spec.services().get(2).database());
        assertEquals(new OwnDatabase("db.t4g.micro", 20), OwnDatabase.DEFAULT);
        assertTrue(spec.services().get(1).ownDatabase());
        assertTrue(!spec.services().get(3).ownDatabase(), "a service without the setting stays in the shared database");
    }

    @Test
    void namesTheLineOfADatabaseMistake() {
        TopologyException error = assertThrows(TopologyException.class, () -> TopologyFile.parse("""
                services:
                  - name: monolith
                    monolith: true
                  - name: posts
                    modules: [posts]
                    database:
                      instance: db.t4g.micro
                      storage: 70000
                """, "topology.yml"));
        assertEquals("topology.yml:8: posts: database.storage is GiB from 20 to 65536, not 70000", error.getMessage());
    }

    @Test
    void namesTheLineOfAMistakeFurtherDown() {
        TopologyException error = assertThrows(TopologyException.class, () -> TopologyFile.parse("""
                services:
                  - name: monolith
                    monolith: true
                  - name: posts
                    modules: [posts]
                    memory: 3000
                """, "topology.yml"));
        assertEquals("topology.yml:6: posts: cpu 256 takes memory 512, 1024, 2048 MiB on Fargate, not 3000",
                error.getMessage());
    }

    @Test
    void saysWhatToDoWhenTheFileIsMissingOrEmpty() {
        TopologyException missing = assertThrows(TopologyException.class,
                () -> TopologyFile.read(Path.of("does-not-exist.yml")));
        assertTrue(missing.getMessage().startsWith("does-not-exist.yml: no topology file here"), missing.getMessage());

        TopologyException empty = assertThrows(TopologyException.class, () -> TopologyFile.parse("", "t.yml"));
        assertTrue(empty.getMessage().startsWith("t.yml: the topology file is empty"), empty.getMessage());

        TopologyException broken = assertThrows(TopologyException.class,
                () -> TopologyFile.parse("services: [\n", "t.yml"));
        assertTrue(broken.getMessage().startsWith("t.yml:2: not valid YAML"), broken.getMessage());
    }

    /** An unclosed bracket is found on a later line: the line says where it was opened, and the token it met, quoted. */
    @Test
    void anUnclosedBracketNamesTheLineItWasOpenedOn() {
        TopologyException broken = assertThrows(TopologyException.class, () -> TopologyFile.parse("""
                services:
                  - name: monolith
                    modules: [posts
                  - name: posts
                    modules: [posts]
                """, "t.yml"));
        assertEquals("t.yml:4: not valid YAML: expected ',' or ']', but got ':' (while parsing a flow sequence that"
                + " starts on line 3)", broken.getMessage());
    }
}
