package dev.forum.extraction.ecs;

import dev.forum.topology.EdgeSpec;
import dev.forum.topology.ServiceSpec;
import dev.forum.topology.Topology;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code deploy.sh}: pushes the images to ECR and deploys the stacks in the order that keeps every route served
 * (the script's header explains it). The script is a resource with {@code @@NAME@@} placeholders; the topology
 * fills in the services, their shares and the monolith's module sets. Lines marked {@code @@IF_NAME@@} are kept only
 * where the deployment has that part (token signing keys, a database, its bootstrap, own databases, a monolith): its
 * help and steps describe what it does, and an option of a part it has not is refused in one line.
 */
final class DeployScript {

    private static final Pattern PLACEHOLDER = Pattern.compile("@@([A-Z_]+)@@");
    private static final Pattern CONDITION = Pattern.compile("@@IF_(NOT_)?([A-Z_]+)@@");
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_.,/:@=+-]*");

    private DeployScript() {
    }

    static String render(Topology topology, EcsSettings settings) {
        EcsNames names = new EcsNames(topology.name());
        List<ServiceSpec> deployed = topology.deployedServices();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("SOURCE", Path.of(topology.source()).getFileName().toString());
        values.put("APP", topology.name());
        values.put("BASE_STACK", names.baseStack());
        values.put("CLUSTER", names.cluster());
        values.put("MONOLITH", topology.monolith().name());
        values.put("MONOLITH_DEPLOYED", String.valueOf(topology.monolithDeployed()));
        values.put("ALL_MODULES", String.join(",", topology.modules().stream().map(m -> m.module()).toList()));
        List<ServiceSpec> own = topology.extracted().stream().filter(ServiceSpec::ownDatabase).toList();
        values.put("OWN_DATABASES", words(own.stream().map(ServiceSpec::name).toList()));
        values.put("OWN_DATABASE_MODULES", words(own.stream().map(s -> String.join(",", s.modules())).toList()));
        values.put("OWN_DATABASE_IDS", words(own.stream().map(s -> EcsNames.id(s.name())).toList()));
        values.put("MONOLITH_LOCAL_MODULES", String.join(",", topology.localModules(topology.monolith().name())));
        values.put("EXTRACTED", words(topology.extracted().stream().map(ServiceSpec::name).toList()));
        values.put("EXTRACTED_TRAFFIC", words(topology.extracted().stream().map(s -> String.valueOf(s.traffic())).toList()));
        values.put("IMAGES", words(deployed.stream().map(ServiceSpec::name).toList()));
        values.put("IMAGE_REPOSITORY_IDS", words(deployed.stream().map(s -> "Repository" + EcsNames.id(s.name())).toList()));
        values.put("MAVEN_MODULE", settings.mavenModule());
        values.put("SERVICES_DIR", settings.servicesDirectory());
        values.put("TOPOLOGY_FILE", settings.topologyFile());
        values.put("PROJECT_ROOT", settings.projectRoot());
        values.put("CERTIFICATE_ARN", topology.edge().certificateArn().orElse(""));
        values.put("BOOTSTRAP_IMAGE_SCRIPT", settings.databaseBootstrapImage() == null ? "" : settings.databaseBootstrapImage());
        values.put("BOOTSTRAP_STACK", names.bootstrapStack());
        values.put("SIGNING_KEYS_SECRET", names.signingKeysSecret());
        values.put("TOKENS", String.valueOf(settings.tokens()));
        values.values().forEach(DeployScript::checkSafe);
        // Ours, not the topology's: written between single quotes (a regex of no quote), as deploy.sh's certificate check.
        values.put("CERTIFICATE_ARN_PATTERN", EdgeSpec.CERTIFICATE_ARN);

        Map<String, Boolean> conditions = Map.of("TOKENS", settings.tokens(), "DATABASE", settings.database(),
                "BOOTSTRAP", settings.databaseBootstrapImage() != null, "OWN_DATABASES", !own.isEmpty(),
                "MONOLITH", topology.monolithDeployed());
        Matcher matcher = PLACEHOLDER.matcher(kept(template(), conditions));
        StringBuilder script = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalStateException("deploy.sh has an unknown placeholder " + matcher.group());
            }
            matcher.appendReplacement(script, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(script);
        return script.toString();
    }

    /**
     * The template's lines for this deployment: a line that begins with {@code @@IF_NAME@@} (or {@code @@IF_NOT_NAME@@})
     * is kept, without the marker, only when the condition holds (does not), so that the header, the usage and the
     * steps describe what this deployment does; a line may carry several markers, all of which must hold.
     */
    static String kept(String template, Map<String, Boolean> conditions) {
        StringBuilder kept = new StringBuilder();
        for (String line : template.split("\n", -1)) {
            boolean keep = true;
            Matcher marker = CONDITION.matcher(line);
            while (marker.lookingAt()) {
                Boolean holds = conditions.get(marker.group(2));
                if (holds == null) {
                    throw new IllegalStateException("deploy.sh has an unknown condition " + marker.group());
                }
                keep &= holds != (marker.group(1) != null);
                line = line.substring(marker.end());
                marker = CONDITION.matcher(line);
            }
            if (keep) {
                kept.append(line).append('\n');
            }
        }
        return kept.substring(0, kept.length() - 1);
    }

    /** Values go into the script unquoted: only characters the shell takes literally are allowed. */
    private static void checkSafe(String value) {
        for (String word : value.split(" ")) {
            if (!SAFE.matcher(word).matches()) {
                throw new IllegalArgumentException("'" + word + "' cannot be written into deploy.sh: use letters, digits and"
                        + " . , / : @ = + - _ only");
            }
        }
    }

    private static String words(List<String> words) {
        return String.join(" ", words);
    }

    private static String template() {
        try (InputStream in = DeployScript.class.getResourceAsStream("deploy.sh")) {
            if (in == null) {
                throw new IllegalStateException("deploy.sh is missing from the plugin");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
