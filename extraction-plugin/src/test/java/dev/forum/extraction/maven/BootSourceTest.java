package dev.forum.extraction.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The application class read from its Java or Kotlin source: the annotation in code only, the package line, the class
 * it annotates and whether the file has a main method.
 */
class BootSourceTest {

    private static Optional<String> pkg(String text, boolean kotlin) {
        return BootSource.declared(text, kotlin).map(BootSource.Declared::packageName);
    }

    @Test
    void theAnnotatedClassIsNamedWithWhetherItsFileHasAMainMethod() {
        assertEquals(Optional.of(new BootSource.Declared("com.example.shop", "com.example.shop.ShopApplication", true)),
                BootSource.declared("package com.example.shop;\n@SpringBootApplication\npublic final class ShopApplication {\n"
                        + "    public static void main(String... args) {\n    }\n}\n", false));
        assertEquals(Optional.of(new BootSource.Declared("com.example.shop", "com.example.shop.TestShop", false)),
                BootSource.declared("package com.example.shop;\n@SpringBootApplication\nclass TestShop {\n"
                        + "    // public static void main(String[] args) is elsewhere\n    void main() {\n    }\n}\n", false),
                "a main method in a comment, or an instance one, is no launch class of Spring Boot's");
        assertEquals(Optional.of(new BootSource.Declared("com.example.clinic", "com.example.clinic.ClinicApplication", true)),
                BootSource.declared("package com.example.clinic\n@SpringBootApplication\nclass ClinicApplication\n\n"
                        + "fun main(args: Array<String>) {\n    runApplication<ClinicApplication>(*args)\n}\n", true),
                "Kotlin's top-level main is in the file, not in the class");
        assertEquals(Optional.of(new BootSource.Declared("", "Shop", false)),
                BootSource.declared("@SpringBootApplication(scanBasePackages = \"a\") record Shop() {}\n", false));
    }

    @Test
    void theAnnotatedClassGivesThePackageItsFileDeclares() {
        assertEquals(Optional.of("com.example.shop"), pkg("package com.example.shop;\n\nimport"
                + " org.springframework.boot.autoconfigure.SpringBootApplication;\n\n@SpringBootApplication\npublic class"
                + " ShopApplication {\n}\n", false));
        assertEquals(Optional.of("com.example.shop"), pkg("package com.example.shop;\n"
                + "@org.springframework.boot.autoconfigure.SpringBootApplication(scanBasePackages = \"x\")\nclass Shop {}\n",
                false), "the qualified name");
        assertEquals(Optional.of(""), pkg("@SpringBootApplication class Shop {}\n", false),
                "the default package");
    }

    @Test
    void kotlinsPackageLineHasNoSemicolonAndMayQuoteANamePart() {
        String clinic = "@file:Suppress(\"unused\")\npackage com.example.clinic\n\nimport org.springframework.boot"
                + ".autoconfigure.SpringBootApplication\nimport org.springframework.boot.runApplication\n\n"
                + "@SpringBootApplication\nclass ClinicApplication\n\nfun main(args: Array<String>) {\n"
                + "    runApplication<ClinicApplication>(*args)\n}\n";
        assertEquals(Optional.of("com.example.clinic"), pkg(clinic, true));
        assertEquals(Optional.of("com.example.in.app"), pkg(
                "package com.example.`in`.app\n@SpringBootApplication class App\n", true),
                "backticks quote a keyword, they are not part of the name");
    }

    @Test
    void theAnnotationNamedInACommentOrAStringIsNotCode() {
        String documented = "package com.example.shop.web;\n\n/**\n * Not the {@code @SpringBootApplication} class: see"
                + " ShopApplication.\n */\nclass ShopWeb {\n    // @SpringBootApplication lives elsewhere\n"
                + "    String s = \"@SpringBootApplication\";\n    String t = \"\"\"\n        @SpringBootApplication\n"
                + "        \"\"\";\n    char c = '@';\n}\n";
        assertEquals(Optional.empty(), pkg(documented, false));
        assertEquals(Optional.empty(), pkg("package a\n/* outer /* @SpringBootApplication */"
                + " still a comment @SpringBootApplication */\nclass A\n", true), "Kotlin's block comments nest");
        assertEquals(Optional.of("a"), pkg("package a;\n/* /* */ @SpringBootApplication class A"
                + " {}\n", false), "Java's do not");
        assertEquals(Optional.empty(), pkg("package a;\n@SpringBootApplicationTests class A"
                + " {}\n", false), "another annotation whose name begins so");
    }

    @Test
    void aPackageLineInACommentIsNotThePackage() {
        assertEquals(Optional.of("com.example.real"), pkg("// package com.example.old;\n"
                + "/*\npackage com.example.older;\n*/\npackage com.example.real;\n@SpringBootApplication class A {}\n",
                false));
    }
}
