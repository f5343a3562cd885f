package dev.forum.extraction.maven;

import static dev.forum.extraction.maven.TopologyInUseTest.REPORT_DEFAULT;
import static dev.forum.extraction.maven.TopologyInUseTest.execution;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.DefaultMavenExecutionResult;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.lifecycle.LifecycleExecutor;
import org.apache.maven.lifecycle.MavenExecutionPlan;
import org.apache.maven.lifecycle.internal.ExecutionPlanItem;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plan asked with setup ({@code LifecycleExecutor#calculateExecutionPlan(session, tasks)}) in a parallel build
 * ({@code -T}): Maven 3.9 builds each project on a thread of its own, on one session that is {@code isParallel()} (the
 * request's degree of concurrency above 1), whose current project is the thread's ({@code setCurrentProject} on the
 * thread that builds it), and plans the session's current project. So the check-request goal of each project, run at
 * the same time as the others', must ask on its own thread, and gets its own project's plan, the skips of its goals
 * evaluated against its own project's properties: the answer a serial build gives that project.
 */
class TopologyInUseParallelTest {

    @Test
    void eachProjectOfAParallelBuildGetsItsOwnPlanAndSkips(@TempDir Path folder) throws Exception {
        MavenProject app = project(folder, "app");
        MavenProject docs = project(folder, "docs");
        docs.getProperties().setProperty("extract.report.skip", "true");
        MavenProject lib = project(folder, "lib");
        Map<MavenProject, List<MojoExecution>> plans = Map.of(
                app, List.of(execution("check-request", null), execution("report", REPORT_DEFAULT)),
                docs, List.of(execution("check-request", null), execution("report", REPORT_DEFAULT)),
                lib, List.of(execution("check-request", null), execution("service", null)));
        DefaultMavenExecutionRequest request = new DefaultMavenExecutionRequest();
        request.setDegreeOfConcurrency(3);
        request.setGoals(List.of("verify"));
        MavenSession session = new ThreadSession(request, app);
        session.setProjects(List.of(app, docs, lib));
        session.setParallel(true);

        Map<MavenProject, List<String>> asked = new ConcurrentHashMap<>();
        CyclicBarrier allPlanning = new CyclicBarrier(plans.size());
        LifecycleExecutor lifecycle = (LifecycleExecutor) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {LifecycleExecutor.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("calculateExecutionPlan") || args.length != 2 || args[0] != session) {
                        throw new UnsupportedOperationException(method.toString());
                    }
                    // As DefaultLifecycleExecutor: the plan of the session's current project, here with every project's
                    // thread planning at once.
                    MavenProject current = ((MavenSession) args[0]).getCurrentProject();
                    if (current == null) {
                        throw new AssertionError("planned off the project's build thread: the session has no current"
                                + " project there");
                    }
                    allPlanning.await(30, TimeUnit.SECONDS);
                    asked.put(current, List.of((String[]) args[1]));
                    return new MavenExecutionPlan(plans.get(current).stream().map(ExecutionPlanItem::new).toList(), null);
                });

        ExecutorService threads = Executors.newFixedThreadPool(plans.size());
        try {
            Map<MavenProject, Future<Boolean>> inUse = new ConcurrentHashMap<>();
            for (MavenProject project : List.of(app, docs, lib)) {
                inUse.put(project, threads.submit(() -> {
                    session.setCurrentProject(project); // as LifecycleModuleBuilder.buildProject on the build's thread
                    boolean answer = TopologyInUse.inUse(false, session, execution("check-request", null), lifecycle);
                    assertSame(project, session.getCurrentProject(), "the thread's project is left as it was");
                    return answer;
                }));
            }
            assertEquals(true, inUse.get(app).get(60, TimeUnit.SECONDS), "app runs its report goal");
            assertEquals(false, inUse.get(docs).get(60, TimeUnit.SECONDS), "docs skips it, by its own property");
            assertEquals(false, inUse.get(lib).get(60, TimeUnit.SECONDS), "lib's plan has no goal that reads the file");
        } finally {
            threads.shutdownNow();
        }
        assertEquals(Map.of(app, List.of("verify"), docs, List.of("verify"), lib, List.of("verify")), asked,
                "one plan per project, of the build's goals");
    }

    /**
     * Maven 3.9's session as a parallel build shares it: the current project is the calling thread's (the Maven API this
     * module compiles against keeps one for the session).
     */
    private static final class ThreadSession extends MavenSession {

        private ThreadLocal<MavenProject> current;

        @SuppressWarnings("deprecation")
        ThreadSession(DefaultMavenExecutionRequest request, MavenProject top) {
            super(null, request, new DefaultMavenExecutionResult(), top);
        }

        @Override
        public synchronized MavenProject getCurrentProject() {
            return current == null ? null : current.get();
        }

        @Override
        public synchronized void setCurrentProject(MavenProject project) {
            if (current == null) {
                current = new ThreadLocal<>();
            }
            current.set(project);
        }
    }

    private static MavenProject project(Path folder, String name) {
        MavenProject project = new MavenProject();
        project.setArtifactId(name);
        project.setFile(folder.resolve(name).resolve("pom.xml").toFile());
        return project;
    }
}
