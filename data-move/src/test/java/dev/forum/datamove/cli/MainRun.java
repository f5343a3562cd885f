package dev.forum.datamove.cli;

import dev.forum.datamove.support.ModuleDatabases;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * One run of data-move's command line in the test's JVM ({@link Main#run}), as the command line tests run it: what it
 * printed on standard output and on standard error, captured apart, and its exit status. What it printed is echoed to
 * the test's own standard output too, for the test's report. With the command lines those tests give it
 * ({@link #command}, {@link #with}).
 *
 * @param out    what it printed on standard output
 * @param err    what it printed on standard error
 * @param status its exit status (0, 1 for a failure, 2 for a usage error)
 */
record MainRun(String out, String err, int status) {

    /**
     * Runs the command line with {@code System.out} and {@code System.err} captured, and puts them back after.
     *
     * @param args        the command and its options, as {@link Main#main} gets them
     * @param environment where the passwords are read from
     * @return what it printed and its exit status
     */
    static MainRun of(String[] args, Map<String, String> environment) {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int status;
        try {
            status = Main.run(args, environment);
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
        MainRun run = new MainRun(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), status);
        System.out.print(run.printed());
        return run;
    }

    /** @return standard output, then standard error */
    String printed() {
        return out + err;
    }

    /**
     * A command line as an operator types it against the test's servers: the superuser {@code postgres} as both
     * sides' administrator, and the owner role, runtime role and migrations of {@code roles}'s module (from the class
     * path, as the move image has them: the module's jar is on data-move's class path).
     *
     * @param verb   {@code move}, {@code abort}, {@code status} or {@code drop-source}
     * @param module what {@code --module} says (a mistyped name too)
     * @param roles  the module whose roles ({@link ModuleDatabases#owner}, {@link ModuleDatabases#runtime}) and
     *               migrations are given
     * @param source {@code LABEL@HOST:PORT/DB}
     * @param target {@code LABEL@HOST:PORT/DB}
     * @return the arguments
     */
    static String[] command(String verb, String module, String roles, String source, String target) {
        return new String[] {verb, "--module", module, "--source", source, "--source-user", "postgres",
                "--target", target, "--target-user", "postgres", "--owner", ModuleDatabases.owner(roles),
                "--runtime-role", ModuleDatabases.runtime(roles), "--migrations", "classpath:db/migration/" + roles};
    }

    /**
     * @param args a command line
     * @param more arguments to add at its end
     * @return a new command line: {@code args}, then {@code more}
     */
    static String[] with(String[] args, String... more) {
        String[] all = Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }
}
