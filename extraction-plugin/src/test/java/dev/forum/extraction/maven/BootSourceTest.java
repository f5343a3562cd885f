package dev.forum.extraction.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The application's package read from its Java or Kotlin source: the annotation in code only, the package line. */
class BootSourceTest {

    @Test
    void theAnnotatedClassGivesThePackageItsFileDeclares() {
        assertEquals(Optional.of("com.example.shop"), BootSource.applicationPackage("package com.example.shop;\n\nimport"
                + " org.springframework.boot.autoconfigure.SpringBootApplication;\n\n@SpringBootApplication\npublic class"
                + " ShopApplication {\n}\n", false));
        assertEquals(Optional.of("com.example.shop"), BootSource.applicationPackage("package com.example.shop;\n"
                + "@org.springframework.boot.autoconfigure.SpringBootApplication(scanBasePackages = \"x\")\nclass Shop {}\n",
                false), "the qualified name");
        assertEquals(Optional.of(""), BootSource.applicationPackage("@SpringBootApplication class Shop {}\n", false),
                "the default package");
    }

    @Test
    void kotlinsPackageLineHasNoSemicolonAndMayQuoteANamePart() {
        String clinic = "@file:Suppress(\"unused\")\npackage com.example.clinic\n\nimport org.springframework.boot"
                + ".autoconfigure.SpringBootApplication\nimport org.springframework.boot.runApplication\n\n"
                + "@SpringBootApplication\nclass ClinicApplication\n\nfun main(args: Array<String>) {\n"
                + "    runApplication<ClinicApplication>(*args)\n}\n";
        assertEquals(Optional.of("com.example.clinic"), BootSource.applicationPackage(clinic, true));
        assertEquals(Optional.of("com.example.in.app"), BootSource.applicationPackage(
                "package com.example.`in`.app\n@SpringBootApplication class App\n", true),
                "backticks quote a keyword, they are not part of the name");
    }

    @Test
    void theAnnotationNamedInACommentOrAStringIsNotCode() {
        String documented = "package com.example.shop.web;\n\n/**\n * Not the {@code @SpringBootApplication} class: see"
                + " ShopApplication.\n */\nclass ShopWeb {\n    // @SpringBootApplication lives elsewhere\n"
                + "    String s = \"@SpringBootApplication\";\n    String t = \"\"\"\n        @SpringBootApplication\n"
                + "        \"\"\";\n    char c = '@';\n}\n";
        assertEquals(Optional.empty(), BootSource.applicationPackage(documented, false));
        assertEquals(Optional.empty(), BootSource.applicationPackage("package a\n/* outer /* @SpringBootApplication */"
                + " still a comment @SpringBootApplication */\nclass A\n", true), "Kotlin's block comments nest");
        assertEquals(Optional.of("a"), BootSource.applicationPackage("package a;\n/* /* */ @SpringBootApplication class A"
                + " {}\n", false), "Java's do not");
        assertEquals(Optional.empty(), BootSource.applicationPackage("package a;\n@SpringBootApplicationTests class A"
                + " {}\n", false), "another annotation whose name begins so");
    }

    @Test
    void aPackageLineInACommentIsNotThePackage() {
        assertEquals(Optional.of("com.example.real"), BootSource.applicationPackage("// package com.example.old;\n"
                + "/*\npackage com.example.older;\n*/\npackage com.example.real;\n@SpringBootApplication class A {}\n",
                false));
    }
}
