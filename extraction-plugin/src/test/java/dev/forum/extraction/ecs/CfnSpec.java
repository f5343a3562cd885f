package dev.forum.extraction.ecs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The specification the build fetched (see the plugin's pom: @aws-cdk/cfnspec from the npm registry), loaded once. */
final class CfnSpec {

    private static CfnSpecValidator validator;

    private CfnSpec() {
    }

    static synchronized CfnSpecValidator validator() {
        if (validator == null) {
            String file = System.getProperty("cfnspec.file", "target/cfnspec/package/spec/specification.json");
            Path path = Path.of(file);
            if (!Files.isRegularFile(path)) {
                throw new IllegalStateException("No CloudFormation resource specification at " + path
                        + ": the build fetches it in generate-test-resources (run the tests through Maven)");
            }
            try {
                validator = CfnSpecValidator.load(path);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return validator;
    }
}
