package dev.forum.extraction.runtime.jpa;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.orm.jpa.persistenceunit.MutablePersistenceUnitInfo;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The Hibernate settings of one persistence unit, as Hibernate 7 merges them for the unit's factory
 * ({@code EntityManagerFactoryBuilderImpl.mergeSettings}): it starts from {@code org.hibernate.cfg.Environment} (the
 * {@code hibernate.properties} at the root of the class path, with the JVM's system properties over it), puts the
 * unit's properties ({@code <property>} elements of its {@code persistence.xml}) over those, then the
 * {@code <property>} elements of the Hibernate configuration file named by {@value #CFG_XML_FILE} (read from those
 * merged settings, else from the factory's map), then the map the factory passes (Spring's JPA property map), where a
 * key with a null value removes the setting. So the first source that has a setting wins: {@code FACTORY},
 * {@code CFG_XML}, {@code UNIT}, {@code SYSTEM}, {@code HIBERNATE_PROPERTIES} ({@link HibernateSetting.Source}).
 *
 * <p>Each file is read once per instance (one check of one unit), when a setting first needs it. A file Hibernate
 * cannot read holds nothing here, with one WARN line naming it: Hibernate logs an unreadable
 * {@code hibernate.properties} and goes on (and fails itself on a configuration file it cannot read).
 */
final class HibernateSettings {

    /** The resource Hibernate reads its global settings from. */
    static final String HIBERNATE_PROPERTIES = "hibernate.properties";

    /** Hibernate's setting of a configuration file ({@code hibernate.cfg.xml}) whose properties it merges. */
    static final String CFG_XML_FILE = "hibernate.cfg_xml_file";

    private static final Logger log = LoggerFactory.getLogger(HibernateSettings.class);

    private final MutablePersistenceUnitInfo unit;
    private final Map<String, ?> jpaProperties;
    private final ClassLoader classLoader;
    private Optional<Map<String, HibernateSetting>> global = Optional.empty();
    private Optional<Map<String, HibernateSetting>> cfgXml = Optional.empty();

    /**
     * @param unit          the persistence unit, with its own properties
     * @param jpaProperties the factory's JPA properties (empty when not known)
     * @param classLoader   the application's, on which {@code hibernate.properties} and the configuration file are
     *                      looked up
     */
    HibernateSettings(MutablePersistenceUnitInfo unit, Map<String, ?> jpaProperties, ClassLoader classLoader) {
        this.unit = unit;
        this.jpaProperties = jpaProperties;
        this.classLoader = classLoader;
    }

    /**
     * @param name the setting's name
     * @return the setting as Hibernate sees it for the unit, empty when no source has it (or the factory's removes it)
     */
    Optional<HibernateSetting> get(String name) {
        if (jpaProperties.containsKey(name)) {
            Object value = jpaProperties.get(name);
            return value == null ? Optional.empty() : Optional.of(new HibernateSetting(name, value.toString(),
                    HibernateSetting.Source.FACTORY, null));
        }
        HibernateSetting fromFile = cfgXml().get(name);
        return fromFile != null ? Optional.of(fromFile) : below(name);
    }

    /** The setting from the unit, a system property or hibernate.properties: what Hibernate merges before the file. */
    private Optional<HibernateSetting> below(String name) {
        String own = unit.getProperties().getProperty(name);
        if (own != null) {
            return Optional.of(new HibernateSetting(name, own, HibernateSetting.Source.UNIT, null));
        }
        String system = System.getProperty(name);
        if (system != null) {
            return Optional.of(new HibernateSetting(name, system, HibernateSetting.Source.SYSTEM, null));
        }
        return Optional.ofNullable(global().get(name));
    }

    private Map<String, HibernateSetting> global() {
        if (global.isEmpty()) {
            Map<String, HibernateSetting> settings = new HashMap<>();
            URL file = classLoader.getResource(HIBERNATE_PROPERTIES);
            if (file != null) {
                Properties properties = new Properties();
                try (InputStream in = file.openStream()) {
                    properties.load(in);
                    properties.stringPropertyNames().forEach(name -> settings.put(name, new HibernateSetting(name,
                            properties.getProperty(name), HibernateSetting.Source.HIBERNATE_PROPERTIES,
                            file.toExternalForm())));
                } catch (IOException | IllegalArgumentException ex) {
                    log.warn("Cannot read {}, the {} Hibernate reads (Hibernate logs it and goes on without it), so its"
                            + " settings are not checked: {}; fix or remove that file", file, HIBERNATE_PROPERTIES,
                            ex.getMessage());
                }
            }
            global = Optional.of(settings);
        }
        return global.get();
    }

    /** The properties of the file named by {@value #CFG_XML_FILE}, as Hibernate's ConfigLoader reads them. */
    private Map<String, HibernateSetting> cfgXml() {
        if (cfgXml.isEmpty()) {
            Map<String, HibernateSetting> settings = new HashMap<>();
            String name = below(CFG_XML_FILE).map(HibernateSetting::value).filter(v -> !v.isEmpty())
                    .orElseGet(() -> jpaProperties.get(CFG_XML_FILE) == null ? ""
                            : jpaProperties.get(CFG_XML_FILE).toString());
            if (!name.isEmpty()) {
                URL file = locate(name);
                try {
                    if (file == null) {
                        throw new IOException("no such URL or class path resource");
                    }
                    read(file, settings);
                } catch (IOException | ParserConfigurationException | SAXException ex) {
                    settings.clear();
                    log.warn("Cannot read {}, the Hibernate configuration file {} names (Hibernate fails to start"
                            + " without it), so its settings are not checked: {}; fix that file or that setting",
                            file == null ? name : file, CFG_XML_FILE, ex.getMessage());
                }
            }
            cfgXml = Optional.of(settings);
        }
        return cfgXml.get();
    }

    /**
     * As Hibernate's ClassLoaderService.locateResourceStream: a URL, else a class path resource (less a leading /). The
     * name is parsed as a URI with each space taken as {@code %20} ({@code new URL(String)}, which Hibernate uses,
     * keeps a space as it is, and a {@code file:} URL opens the file so named); a name that is still no URI (another
     * character a URI does not allow) is looked for on the class path only.
     */
    private URL locate(String name) {
        try {
            URL url = new URI(name.replace(" ", "%20")).toURL();
            url.openStream().close();
            return url;
        } catch (IOException | URISyntaxException | RuntimeException ex) {
            String resource = name.startsWith("classpath:") ? name.substring("classpath:".length()) : name;
            URL found = classLoader.getResource(resource);
            return found == null && resource.startsWith("/") ? classLoader.getResource(resource.substring(1)) : found;
        }
    }

    /** The {@code <property>} elements of a {@code <session-factory>}: a name without {@code hibernate.} has it too. */
    private static void read(URL file, Map<String, HibernateSetting> settings)
            throws IOException, ParserConfigurationException, SAXException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setExpandEntityReferences(false);
        NodeList properties;
        try (InputStream in = file.openStream()) {
            properties = factory.newDocumentBuilder().parse(in).getElementsByTagNameNS("*", "property");
        }
        for (int i = 0; i < properties.getLength(); i++) {
            Element property = (Element) properties.item(i);
            String parent = property.getParentNode().getLocalName();
            String name = property.getAttribute("name").trim();
            if ("session-factory".equals(parent) && !name.isEmpty()) {
                String value = property.getTextContent().trim();
                settings.put(name, new HibernateSetting(name, value, HibernateSetting.Source.CFG_XML,
                        file.toExternalForm()));
                if (!name.startsWith("hibernate.")) {
                    settings.put("hibernate." + name, new HibernateSetting("hibernate." + name, value,
                            HibernateSetting.Source.CFG_XML, file.toExternalForm()));
                }
            }
        }
    }
}
