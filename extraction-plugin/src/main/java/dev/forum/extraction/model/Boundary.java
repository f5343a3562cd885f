package dev.forum.extraction.model;

import dev.forum.extraction.model.ModulithModel.Listener;
import dev.forum.extraction.model.ModulithModel.Module;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Decides, at build time, every dependency that crosses one service's boundary: between a module of the service
 * and a module that runs elsewhere. Open and shared modules and the main class's module run in every process, so
 * nothing into them crosses; but their own bean calls, listeners of an ordinary module's events, uses of its entities
 * and tables they map with it count wherever the service splits that module from the rest ({@link #splitFromEverywhere}),
 * as the run time refuses the calls and listeners. Rules, from issue 15:
 * <ul>
 * <li>bean references: {@link BeanCalls};</li>
 * <li>an event published on one side and listened to on the other blocks: events across services need a message
 * broker, which this project does not support yet ({@code @Externalized} events included: their in-process listener
 * would still miss them); a publisher that runs everywhere reaches every listener;</li>
 * <li>a dependency on another module's entity, or a table mapped on both sides, blocks: {@link SharedData}.</li>
 * </ul>
 */
final class Boundary {

    private final ModulithModel model;
    private final ServiceRequest request;
    private final Set<String> everywhere;
    private final Map<String, String> remoteContracts = new TreeMap<>();
    private final KeepTogether keep;
    private final Set<String> partners = new LinkedHashSet<>();

    /**
     * @param services the topology file's services, so that a blocker between two modules names the service that
     *                 already holds both ({@link TopologyServices#NONE} without a file)
     * @param group    the service's modules and every module its blockers tie them to ({@link #partners()}, followed
     *                 from module to module): each blocker's advice names the one service holding them all, or, where
     *                 that is every module, what its own two modules tie together ({@link KeepTogether}); empty while
     *                 they are not known, each blocker then advising its two modules
     */
    Boundary(ModulithModel model, ServiceRequest request, TopologyServices services, Collection<String> group) {
        this.model = model;
        this.request = request;
        this.everywhere = model.everywhereModules();
        this.keep = new KeepTogether(model, request, services, List.copyOf(group));
    }

    /** The modules outside the service that a blocker advises keeping with it (known after {@link #blockers()}). */
    Set<String> partners() {
        return partners;
    }

    /** The HTTP contracts the service calls across its boundary, each to its module (known after {@link #blockers()}). */
    Map<String, String> remoteContracts() {
        return remoteContracts;
    }

    List<Blocker> blockers() {
        List<Blocker> blockers = new ArrayList<>();
        new BeanCalls(this, model).decide(blockers, remoteContracts);
        events(blockers);
        new SharedData(this, model).decide(blockers);
        return blockers;
    }

    boolean inside(String module) {
        return request.modules().contains(module);
    }

    /** One module in the service, the other outside it, neither running everywhere. */
    boolean crosses(String a, String b) {
        return !a.equals(b) && !everywhere.contains(a) && !everywhere.contains(b) && inside(a) != inside(b);
    }

    /**
     * {@code user}, which runs everywhere, depends on {@code used}, which does not, and the service splits {@code used}
     * from the rest: it runs {@code user} without {@code used}, or holds {@code used} while some other module runs
     * elsewhere (with {@code user} but without {@code used}). As the run time refuses a local module calling or listening
     * to a module that is not local.
     */
    boolean splitFromEverywhere(String user, String used) {
        return everywhere.contains(user) && !user.equals(used) && splitFromOutside(used);
    }

    /**
     * As {@link #splitFromEverywhere} for a user that is a class outside every module (which every process holds too):
     * {@code used} does not run everywhere, and the service splits it from the rest.
     */
    boolean splitFromOutside(String used) {
        if (everywhere.contains(used)) {
            return false;
        }
        return !inside(used) || !request.modules().containsAll(model.extractableModules());
    }

    /** The processes {@link #splitFromEverywhere} finds running a module that runs everywhere without {@code module}. */
    String withoutIt(String module) {
        return inside(module) ? "every other service (the rest of the application, which runs without " + module + ")"
                : "this service, which runs without " + module + ",";
    }

    /** Why a module runs everywhere: {@code an open module}, {@code a shared module} or {@code the main class's module}. */
    static String everywhereRole(ModulithModel model, String module) {
        Module m = model.module(module).orElse(null);
        return m != null && m.open() ? "an open module" : m != null && m.shared() ? "a shared module" : "the main class's module";
    }

    String prefix() {
        return request.subject() + ": ";
    }

    private void events(List<Blocker> blockers) {
        Set<String> seen = new LinkedHashSet<>();
        for (Listener listener : model.listeners()) {
            Optional<Module> listening = model.moduleOf(listener.listener());
            if (listening.isEmpty()) {
                continue;
            }
            ModuleLinks.publishersOf(model, listener).forEach((event, publishers) -> {
                for (String publisher : publishers) {
                    String name = listening.get().name();
                    // A publisher that runs everywhere reaches its listeners wherever they run; a listener that runs
                    // everywhere misses the events of a module its process does not run.
                    boolean fromEverywhere = splitFromEverywhere(name, publisher);
                    if ((fromEverywhere || crosses(publisher, name)) && seen.add(event + listener.listener() + publisher)) {
                        blockers.add(fromEverywhere ? everywhereListener(listener, event, name, publisher)
                                : eventBlocker(listener, event, name, publisher));
                    }
                }
            });
        }
    }

    /** {@code event}, published by {@code publisher}, reaches {@code listener} (declared for it or for a supertype). */
    private Blocker eventBlocker(Listener listener, String event, String listening, String publisher) {
        String sources = model.module(publisher).map(m -> m.publishedEvents().getOrDefault(event, List.of()))
                .filter(s -> !s.isEmpty()).map(s -> " (" + String.join(", ", s) + ")").orElse("");
        String declared = listener.event().equals(event) ? "" : " as " + listener.event();
        String externalized = model.externalizedEvents().containsKey(event)
                ? " It is @Externalized" + target(model.externalizedEvents().get(event))
                        + ", but " + simpleName(listener.listener()) + " listens in process, not to the broker."
                : "";
        return blocker(Blocker.Kind.EVENT, listener.listener(), event, listening, publisher,
                prefix() + "event " + event + ", published by module " + publisher + sources
                        + ", is listened to by " + listener.listener() + "." + listener.method() + declared + " ("
                        + model.sourcePath(listener.listener()) + ", module " + listening + "), which would run in another service."
                        + externalized + " This project does not carry events across services yet (it has no message broker"
                        + " support): " + wholeApplication(publisher, listening).map(all -> "no split of " + all
                                + " is possible while the event stays, as a service holding " + publisher + " and " + listening
                                + " together would hold every module of the application (the monolith); to split them,"
                                + " replace the event with a call of an HTTP contract of " + listening + " (an interface in"
                                + " its published API annotated with @HttpExchange and implemented by a @RestController in "
                                + listening + ") that " + publisher + " makes where it publishes the event now")
                        .orElseGet(() -> together(publisher, listening)));
    }

    /** A listener in a module that runs everywhere, of an event an ordinary module publishes, where that one does not run. */
    private Blocker everywhereListener(Listener listener, String event, String listening, String publisher) {
        return blocker(Blocker.Kind.EVENT, listener.listener(), event, listening, publisher,
                prefix() + "event " + event + ", published by module " + publisher + ", is listened to by "
                        + listener.listener() + "." + listener.method() + " (" + model.sourcePath(listener.listener()) + ", module "
                        + listening + "), and " + listening + " is " + everywhereRole(model, listening) + " that runs in every"
                        + " service, so " + withoutIt(publisher) + " would refuse to start: this project does not carry events"
                        + " across services yet (it has no message broker support); move the listener out of " + listening
                        + " into a module that is neither open nor shared");
    }

    /** How to keep two modules in one service: the topology file's service that holds both, or what to change. */
    String together(String a, String b) {
        partners.add(inside(a) ? b : a);
        return keep.together(a, b);
    }

    /**
     * The end of a line whose first advice was to change the dependency: {@code , or } and {@link #together}; or, when
     * the modules {@code a} and {@code b} tie together are every module of the application ({@link #wholeApplication}),
     * that keeping them together splits nothing, so the change is the only way.
     *
     * @param what the dependency in the line's words: {@code the call}, {@code the use}, {@code the table},
     *             {@code the use of OrderView}
     */
    String orTogether(String a, String b, String what) {
        return wholeApplication(a, b).map(all -> "; keeping " + a + " and " + b + " in one service splits nothing, as that"
                + " service would hold every module of the application (the monolith): no split of " + all
                + " is possible while " + what + " stays").orElseGet(() -> ", or " + together(a, b));
    }

    /**
     * The modules, as the line names them ({@code a, b and c}), when the one service keeping {@code a} and {@code b}
     * together needs holds every module that can be extracted ({@link KeepTogether#wholeApplication}); empty otherwise.
     * Notes {@code a} or {@code b} as a partner, as {@link #together} does.
     */
    Optional<String> wholeApplication(String a, String b) {
        partners.add(inside(a) ? b : a);
        return keep.wholeApplication(a, b);
    }

    private static String target(String target) {
        return target == null || target.isEmpty() ? "" : " to '" + target + "'";
    }

    /**
     * A class of the service that references a type another module does not publish. A class outside every module
     * (the application's main class, or another class of the root package) is held by every service, so the line
     * names it as such and advises what fits it: moving the reference into the other module, not a module API call.
     */
    static Blocker internalReference(ModulithModel model, ServiceRequest request, String from, String to) {
        String fromModule = model.moduleOf(from).map(Module::name).orElse("(no module)");
        String toModule = model.moduleOf(to).map(Module::name).orElse("(no module)");
        String everywhere = model.everywhereModules().contains(fromModule)
                ? ", " + everywhereRole(model, fromModule) + ", which every service holds" : "";
        String message = from.equals(model.mainClass()) || model.moduleOf(from).isEmpty()
                ? everyServiceHolds(model, request, from, to, toModule)
                : request.subject() + " needs other modules' internals: " + from + " -> " + to + " ("
                        + model.sourcePath(from) + ", module " + fromModule + everywhere + "; module " + toModule + " does not publish "
                        + simpleName(to) + "): call them through their module API instead";
        return new Blocker(Blocker.Kind.INTERNAL_REFERENCE, from, to, model.sourcePath(from), fromModule, toModule, message);
    }

    /** The line for a class every service holds (the main class, or one of the root package) that needs internals. */
    private static String everyServiceHolds(ModulithModel model, ServiceRequest request, String from, String to,
            String toModule) {
        boolean main = from.equals(model.mainClass());
        String what = main ? "the application's main class " + from : "the class " + from + " of the root package (in no module)";
        String fix = main
                ? "move the annotation that names it (@EnableConfigurationProperties, @Import, @EntityScan,"
                        + " @EnableJpaRepositories(basePackageClasses = ...) or the like) from the main class into a"
                        + " @Configuration class in module " + toModule + ", so that it applies where " + toModule
                        + " runs; for configuration properties, @ConfigurationPropertiesScan on the main class also works"
                : "move " + simpleName(from) + " into module " + toModule + " (a @Configuration class there if it configures "
                        + toModule + "), or have it use only " + toModule + "'s published types";
        return request.subject() + " needs other modules' internals: " + what + " (" + model.sourcePath(from)
                + "), which every service holds, references " + to + ", which module " + toModule + " does not publish,"
                + " so a service without " + toModule + " would " + (main ? "not start (Spring reads the main class and"
                        + " what it names at startup)" : "miss it") + ": " + fix;
    }

    /**
     * A published type of a module the service does not run, copied into it because a class of the service uses it,
     * whose own code needs types no module publishes (its module's internals, as a rule): the service would hold it
     * without them. Named as what it is, so that the advice is one the service's side or the type's module can follow;
     * keeping the user's module with the type's is advised as {@link #orTogether} advises it (never the monolith).
     *
     * @param user      the service's own class whose references brought the type in
     * @param through   the published type {@code user} references: {@code published} itself, or the one that brought it along
     * @param published the copied type whose code needs {@code targets}
     * @param targets   the unpublished types it needs, in name order
     */
    Blocker publishedTypeNeedsInternals(String user, String through, String published, Set<String> targets) {
        String owner = model.moduleOf(published).map(Module::name).orElse("(no module)");
        String userModule = model.moduleOf(user).map(Module::name).orElse(null);
        String uses = user + " uses " + (published.equals(through) ? published + ", published by module " + owner
                : through + " of module " + model.moduleOf(through).map(Module::name).orElse("(no module)")
                        + ", which brings along " + published + ", published by module " + owner);
        Map<String, List<String>> byModule = new TreeMap<>();
        targets.forEach(t -> byModule.computeIfAbsent(model.moduleOf(t).map(Module::name).orElse("(no module)"),
                m -> new ArrayList<>()).add(simpleName(t)));
        List<String> unpublished = new ArrayList<>();
        byModule.forEach((module, types) -> unpublished.add("module " + module + " does not publish " + String.join(", ", types)));
        String together = userModule != null && request.modules().contains(userModule) && !userModule.equals(owner)
                ? orTogether(userModule, owner, "the use of " + simpleName(through)) : "";
        return new Blocker(Blocker.Kind.INTERNAL_REFERENCE, published, targets.iterator().next(), model.sourcePath(published),
                owner, model.moduleOf(targets.iterator().next()).map(Module::name).orElse("(no module)"),
                request.subject() + ": " + uses + ", whose own code needs " + String.join(", ", targets) + " ("
                        + model.sourcePath(published) + "; " + String.join("; ", unpublished) + "), which the service does not"
                        + " hold: of a module it does not run, a service holds only the published types it uses, so "
                        + simpleName(published) + " would miss them; keep the code that needs them out of "
                        + simpleName(published) + " (in an internal type of " + owner + ", behind its published API)"
                        + together);
    }

    Blocker blocker(Blocker.Kind kind, String source, String target, String sourceModule, String targetModule,
            String message) {
        return new Blocker(kind, source, target, model.sourcePath(source), sourceModule, targetModule, message);
    }

    static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
