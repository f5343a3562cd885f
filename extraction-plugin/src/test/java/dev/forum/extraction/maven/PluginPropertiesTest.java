package dev.forum.extraction.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.forum.extraction.model.ExtractionException;
import java.util.List;
import java.util.Properties;
import org.apache.maven.plugin.descriptor.DuplicateParameterException;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.Parameter;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.junit.jupiter.api.Test;

/** Maven ignores a property no parameter reads; the plugin refuses one in its own name, and a mistyped switch. */
class PluginPropertiesTest {

    @Test
    void theGoalsOwnPropertiesPass() throws Exception {
        PluginProperties.check(properties("extract", "posts", "extract.image", "FALSE", "extract.topology", "t.yml",
                "skipTests", "true", "exact", "1"), plugin());
    }

    @Test
    void aMistypedPropertyIsRefusedWithTheClosestOne() throws Exception {
        // The closest property and where all of them are listed (the help goal), not the list itself: one short line.
        assertEquals("-Dextract.imag is not a property of the extraction plugin (did you mean extract.image?): correct it or"
                + " leave it out; `mvn extract:help -Ddetail` lists every goal's properties (\"User property\")",
                refusal("extract.imag", "false"));
        assertEquals("-Dextract.nothingLikeIt is not a property of the extraction plugin: correct it or leave it out;"
                + " `mvn extract:help -Ddetail` lists every goal's properties (\"User property\")",
                refusal("extract.nothingLikeIt", "1"));
        assertEquals("-Dextrac=orders is not a property of the extraction plugin: did you mean -Dextract=orders?",
                refusal("extrac", "orders"));
        assertEquals("-Dextarct.image=false is not a property of the extraction plugin: did you mean -Dextract.image=false?",
                refusal("extarct.image", "false"));
    }

    @Test
    void aSwitchIsTrueOrFalseAndTheListIsNotEmpty() throws Exception {
        assertEquals("-Dextract.image=flase is neither true nor false: say -Dextract.image=true or -Dextract.image=false",
                refusal("extract.image", "flase"));
        assertEquals("-Dextract= names nothing: give the modules or services to build, e.g. -Dextract=<module or service>, or leave it out",
                refusal("extract", ""));
    }

    @Test
    void everyMistakeIsRefusedAtOnce() throws Exception {
        PluginDescriptor plugin = plugin();
        Properties properties = properties("extract.image", "maybe", "extract.imag", "false", "extrac", "orders",
                "extract.topology", "t.yml", "skipTests", "true");
        assertEquals("""
                3 mistakes in the -D properties of the extraction plugin:
                -Dextrac=orders is not a property of the extraction plugin: did you mean -Dextract=orders?
                -Dextract.imag is not a property of the extraction plugin (did you mean extract.image?): correct it or\
                 leave it out; `mvn extract:help -Ddetail` lists every goal's properties ("User property")
                -Dextract.image=maybe is neither true nor false: say -Dextract.image=true or -Dextract.image=false""",
                assertThrows(ExtractionException.class, () -> PluginProperties.check(properties, plugin)).getMessage());
    }

    private static String refusal(String key, String value) throws Exception {
        PluginDescriptor plugin = plugin();
        return assertThrows(ExtractionException.class, () -> PluginProperties.check(properties(key, value), plugin))
                .getMessage();
    }

    private static Properties properties(String... pairs) {
        Properties properties = new Properties();
        for (int i = 0; i < pairs.length; i += 2) {
            properties.setProperty(pairs[i], pairs[i + 1]);
        }
        return properties;
    }

    /**
     * Three goals, as Maven's descriptor lists them: service (extract, extract.image, extract.topology), ecs and the
     * generated help goal (whose {@code detail} is no property of the plugin's).
     */
    private static PluginDescriptor plugin() throws Exception {
        PluginDescriptor plugin = new PluginDescriptor();
        plugin.addMojo(mojo("service", List.of(parameter("extract", "java.lang.String"),
                parameter("extract.image", "boolean"), parameter("extract.topology", "java.lang.String"),
                parameter(null, "org.apache.maven.project.MavenProject"))));
        plugin.addMojo(mojo("ecs", List.of(parameter("extract.topology", "java.lang.String"),
                parameter("extract.ecs.skip", "boolean"))));
        plugin.addMojo(mojo("help", List.of(parameter("detail", "boolean"))));
        plugin.setGoalPrefix("extract");
        return plugin;
    }

    private static MojoDescriptor mojo(String goal, List<Parameter> parameters) throws DuplicateParameterException {
        MojoDescriptor mojo = new MojoDescriptor();
        mojo.setGoal(goal);
        for (Parameter parameter : parameters) {
            mojo.addParameter(parameter);
        }
        return mojo;
    }

    private static Parameter parameter(String property, String type) {
        Parameter parameter = new Parameter();
        parameter.setName(property == null ? "project" : property.replace('.', '_'));
        parameter.setType(type);
        parameter.setExpression(property == null ? "${project}" : "${" + property + "}");
        return parameter;
    }
}
