package dev.forum.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * {@code examples/shop} is copied by a new user and built outside this reactor, so its pom names every version
 * literally. Each must be the one this project builds and pins in its root pom (the plugin and the library are
 * this project's version; Spring Boot, Spring Modulith and the Maven plugins are the root pom's properties): a
 * version bumped here and not there fails this test, naming the artifact.
 */
class ExampleVersionsTest {

    private static final Path ROOT = Path.of(System.getProperty("forum.root", ".."));

    @Test
    void the_example_names_the_versions_this_project_builds_and_pins() throws Exception {
        Document root = parse(ROOT.resolve("pom.xml"));
        Document example = parse(ROOT.resolve("examples/shop/pom.xml"));
        String projectVersion = childText(root.getDocumentElement(), "version");
        Map<String, String> pinned = properties(root);

        Map<String, String> expected = new LinkedHashMap<>();
        Map<String, String> actual = new LinkedHashMap<>();
        NodeList artifacts = example.getElementsByTagName("artifactId");
        for (int i = 0; i < artifacts.getLength(); i++) {
            Element coordinates = (Element) artifacts.item(i).getParentNode();
            String artifact = artifacts.item(i).getTextContent().trim();
            String version = childText(coordinates, "version");
            if (version == null || coordinates == example.getDocumentElement()) {
                continue;
            }
            String group = childText(coordinates, "groupId");
            String wanted = switch (group == null ? "" : group) {
                case "dev.forum" -> projectVersion;
                case "org.springframework.boot" -> pinned.get("spring-boot.version");
                case "org.springframework.modulith" -> pinned.get("spring-modulith.version");
                default -> pinned.get(artifact + ".version");
            };
            expected.put(artifact, wanted);
            actual.put(artifact, version);
        }
        assertTrue(actual.keySet().containsAll(List.of("extraction-runtime", "extraction-maven-plugin",
                "spring-boot-dependencies", "spring-modulith-bom", "spring-boot-maven-plugin", "maven-compiler-plugin")),
                "examples/shop/pom.xml lacks an artifact: " + actual.keySet());
        expected.forEach((artifact, version) -> assertTrue(version != null,
                artifact + " in examples/shop/pom.xml has no version pinned in the root pom"));
        assertEquals(expected, actual, "versions in examples/shop/pom.xml (expected: the root pom's)");
        assertFalse(Files.readString(ROOT.resolve("examples/shop/pom.xml")).contains("@"),
                "examples/shop/pom.xml holds a placeholder");
    }

    private static Map<String, String> properties(Document pom) {
        Map<String, String> properties = new LinkedHashMap<>();
        Element block = (Element) pom.getDocumentElement().getElementsByTagName("properties").item(0);
        NodeList children = block.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i).getNodeType() == Node.ELEMENT_NODE) {
                properties.put(children.item(i).getNodeName(), children.item(i).getTextContent().trim());
            }
        }
        return properties;
    }

    private static String childText(Element parent, String name) {
        NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i).getNodeName().equals(name)) {
                return children.item(i).getTextContent().trim();
            }
        }
        return null;
    }

    private static Document parse(Path file) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    }
}
