package dev.secretsprawl.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.Writer;

/** The JSON-based reports' shared mapper and writing: indented, newline-terminated, writer left open. */
final class JsonOutput {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonOutput() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static void write(ObjectNode root, Writer out) throws IOException {
        MAPPER.writeValue(new NonClosingWriter(out), root);
        out.write('\n');
        out.flush();
    }
}
