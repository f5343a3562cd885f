package dev.forum.extraction.ecs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

/**
 * JSON as {@code aws} reads it: {@link #write} with two-space indentation, {@code "key": value} and a final newline
 * (task definitions); {@link #compact} on one line (CloudFormation templates, which must stay under the 51,200
 * bytes {@code aws cloudformation deploy} takes without an S3 bucket; {@code jq . base.json} indents them).
 */
final class Json {

    private static final ObjectWriter WRITER;
    private static final ObjectWriter COMPACT = new ObjectMapper().writer();

    static {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        WRITER = new ObjectMapper().writer(printer);
    }

    private Json() {
    }

    static String compact(Object value) {
        try {
            return COMPACT.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    static String write(Object value) {
        try {
            return WRITER.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }
}
