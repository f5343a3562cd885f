package dev.forum.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The mistakes of a file read on its own, before its services are compared: a service's or a section's unknown or
 * misshapen key and its wrong values, the file's name and sections. Every one is reported at once, each with its line,
 * sorted by line; the mistakes across services are {@link CrossServiceMistakesUnitTest}'s.
 */
class TopologyMistakesUnitTest {

    private static final String SERVICE_KEYS = "(known keys: autoscaling, count, cpu, database, environment, memory,"
            + " modules, monolith, name, traffic)";

    @Test
    void aListWrittenWithoutItsBracketsIsToldToBeAYamlList() {
        TopologyException error = parseRefused("""
                name: shop
                services:
                  - { name: monolith, monolith: true }
                  - name: care
                    modules: posts, threads
                  - name: words
                    modules: users tags
                  - name: one
                    modules: users
                """);
        assertEquals(List.of(
                "t.yml:5: care: modules 'posts, threads' is one text, not a list: write a YAML list, modules: [posts, threads]",
                "t.yml:7: words: modules 'users tags' is one text, not a list: write a YAML list, modules: [users, tags]"),
                error.mistakes(), "one name alone is still a list of one; two names in one text are not two modules");
    }

    @Test
    void everyKindOfMistakeInOneFileIsReportedWithItsLine() {
        TopologyException error = parseRefused("""
                name: shop
                services:
                  - name: monolith
                    monolith: true
                    colour: blue
                  - name: posts
                    modules: [posts]
                    traffic: 120
                    autoscaling: { min: 3, max: 4 }
                  - name: users
                    modules: [users]
                    count: 3
                    autoscaling: { cpu-target: 95 }
                edge:
                  certificate-arn: arn:aws:iam::123456789012:server-certificate/x
                """);
        assertEquals(List.of(
                "t.yml:5: monolith: unknown key 'colour' " + SERVICE_KEYS,
                "t.yml:8: posts: traffic is a share from 0 to 100, not 120",
                "t.yml:9: posts: autoscaling needs 1 <= min <= count <= max; here min 3, count 2, max 4",
                "t.yml:13: users: autoscaling cpu-target is a percentage from 10 to 90",
                "t.yml:15: edge.certificate-arn must be an ACM certificate ARN (arn:aws:acm:<region>:<account>:certificate/<id>),"
                        + " not 'arn:aws:iam::123456789012:server-certificate/x'"), error.mistakes());
        assertEquals("5 mistakes in t.yml:\n" + String.join("\n", error.mistakes()), error.getMessage());
    }

    @Test
    void mistakesAreSortedByLineWhateverOrderTheSectionsComeIn() {
        TopologyException error = parseRefused("""
                database: { pool-size: 0 }
                edge: { rate-limit: 5 }
                name: Shop
                services:
                  - { name: monolith, monolith: true, cpu: 300 }
                """);
        assertEquals(List.of(
                "t.yml:1: database.pool-size is connections per module per task, from 1 to 50, not 0",
                "t.yml:2: edge.rate-limit is requests per client IP in 5 minutes, from 100 to 2000000000 (AWS WAF's bounds),"
                        + " not 5",
                "t.yml:3: name 'Shop' must be 1-20 lower-case letters, digits or '-', starting with a letter (did you mean shop?)",
                "t.yml:5: monolith: cpu 300 is not a Fargate size (use 256, 512, 1024, 2048 or 4096)"), error.mistakes());
    }

    @Test
    void aCheckThatNeedsAWrongValueIsSkippedButNotTheRestOfTheFile() {
        TopologyException error = parseRefused("""
                services:
                  - { monolith: true, traffic: 300 }
                  - { name: posts, modles: [posts] }
                  - { name: threads, modules: [threads], count: lots, autoscaling: { min: 3 } }
                  - { name: users, modules: [users], traffic: 101, database: {} }
                  - { name: big, monolith: yes, traffic: 50 }
                  - { name: small, modules: [Posts], cpu: big, memory: 4096 }
                  - { name: Tags, modules: [tags], traffic: 120 }
                  - name: monolith
                    monolith: true
                """);
        assertEquals(List.of(
                // no name: its other values are not checked (every message names the service)
                "t.yml:2: a service without a name: add name: <service>",
                // the unknown key most likely is modules: no "needs modules" as well
                "t.yml:3: posts: unknown key 'modles': did you mean modules? " + SERVICE_KEYS,
                // a wrong count: no autoscaling bounds around it
                "t.yml:4: threads: count must be a whole number, not 'lots'",
                // a wrong share: not "a database of its own needs traffic: 100" as well
                "t.yml:5: users: traffic is a share from 0 to 100, not 101",
                // not known whether it is the monolith: nothing said of its traffic
                "t.yml:6: big: monolith must be true or false, not 'yes'",
                // a wrong module name and a wrong cpu: no "needs modules", no Fargate size
                // a module's name is the application's: no name told in place
                "t.yml:7: small: module 'Posts' must be 1-20 lower-case letters, digits or '-', starting with a letter",
                "t.yml:7: small: cpu must be a whole number, not 'big'",
                // a wrong name still names its service in its other mistakes
                "t.yml:8: service name 'Tags' must be 1-20 lower-case letters, digits or '-', starting with a letter"
                        + " (did you mean tags?)",
                "t.yml:8: Tags: traffic is a share from 0 to 100, not 120"), error.mistakes());
    }

    @Test
    void aDatabaseOfItsOwnReportsItsClassAndItsStorageAndItsShare() {
        TopologyException error = parseRefused("""
                services:
                  - { name: monolith, monolith: true }
                  - name: posts
                    modules: [posts]
                    traffic: 10
                    database:
                      instance: db.m7g.micro
                      storage: 10
                """);
        assertEquals(List.of(
                // a mapping's mistake is on the line where its first key is written
                "t.yml:7: posts: a database of its own needs traffic: 100 (a module's data lives in one database, and"
                        + " during a canary the monolith writes it too); drop database: until the service takes all its"
                        + " modules' traffic",
                "t.yml:7: posts: database.instance db.m7g.micro: m7g classes start at large; use a t4g class for a smaller one",
                "t.yml:8: posts: database.storage is GiB from 20 to 65536, not 10"), error.mistakes());
    }

    @Test
    void anUnrelatedUnknownKeyDoesNotHideAMissingOne() {
        TopologyException error = parseRefused("name: shop\ncolour: blue\n");
        assertEquals(List.of("t.yml:1: no services: list the services, one of them with monolith: true",
                "t.yml:2: unknown key 'colour' in the file (known keys: database, edge, name, services)"), error.mistakes());
        assertEquals("t.yml:1: unknown key 'servces' in the file: did you mean services? (known keys: database, edge, name, services)",
                parseRefused("servces: []\n").getMessage(), "a misspelt services key is that key's mistake alone");
    }

    @Test
    void oneMistakeReadsAsItAlwaysDid() {
        TopologyException error = parseRefused("""
                services:
                  - { name: monolith, monolith: true }
                  - name: posts
                    modules: [posts]
                    traffic: 120
                """);
        assertEquals("t.yml:5: posts: traffic is a share from 0 to 100, not 120", error.getMessage());
        assertEquals(List.of(error.getMessage()), error.mistakes());
        assertEquals(List.of("a line"), new TopologyException("a line").mistakes());
    }

    @Test
    void aKeyThatIsAListOrAMappingNamesItsServiceInEveryMappingOfIt() {
        TopologyException error = parseRefused("""
                services:
                  - name: monolith
                    monolith: true
                  - name: posts
                    modules: [posts]
                    ? [cpu, memory]
                    : 512
                    ? {count: 2}
                    : 3
                    autoscaling:
                      ? [min]
                      : 1
                    database:
                      ? {instance: x}
                      : y
                  - modules: [users]
                    ? [name]
                    : users
                edge:
                  ? [rate-limit]
                  : 100
                """);
        String notSingle = "a key must be a single value";
        String listOrMapping = ", not a list or a mapping ";
        assertEquals(List.of(
                "t.yml:6: posts: " + notSingle + listOrMapping + SERVICE_KEYS,
                "t.yml:8: posts: " + notSingle + listOrMapping + SERVICE_KEYS,
                "t.yml:11: posts: " + notSingle + " in autoscaling" + listOrMapping + "(known keys: cpu-target, max, min)",
                "t.yml:14: posts: " + notSingle + " in database" + listOrMapping + "(known keys: instance, storage)",
                "t.yml:16: a service without a name: add name: <service>",
                "t.yml:17: " + notSingle + " in a service" + listOrMapping + SERVICE_KEYS,
                "t.yml:20: " + notSingle + " in edge" + listOrMapping + "(known keys: certificate-arn, rate-limit)"),
                error.mistakes());
    }

    /** The mistakes of {@code yaml} as {@code t.yml}, read on its own: it must be refused. */
    static TopologyException parseRefused(String yaml) {
        return assertThrows(TopologyException.class, () -> TopologyFile.parse(yaml, "t.yml"));
    }
}
