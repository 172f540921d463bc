package dev.secretsprawl.scan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import dev.secretsprawl.rules.ParseErrors;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Known findings, by fingerprint, that a scan should not report again. Holds no secret: fingerprint,
 * rule, path and line only (the line is for the reader; matching ignores it).
 */
public record Baseline(List<Entry> entries) {
    public static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    public record Entry(String fingerprint, String ruleId, String path, int line) {
    }

    public Baseline {
        entries = List.copyOf(entries);
    }

    public static Baseline of(Collection<Finding> findings) {
        Map<String, Entry> unique = new LinkedHashMap<>();
        for (Finding f : findings) {
            unique.putIfAbsent(f.fingerprint().value(),
                    new Entry(f.fingerprint().value(), f.ruleId(), f.location().path(), f.location().startLine()));
        }
        return new Baseline(unique.values().stream()
                .sorted(Comparator.comparing(Entry::path).thenComparingInt(Entry::line).thenComparing(Entry::ruleId))
                .toList());
    }

    public Set<String> fingerprints() {
        return entries.stream().map(Entry::fingerprint).collect(Collectors.toUnmodifiableSet());
    }

    /** Reads a baseline; a file that is not one is a {@link ConfigException} that quotes none of its content. */
    public static Baseline read(Path file) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (JacksonException e) {
            throw new ConfigException("baseline " + file + " is not valid JSON (" + ParseErrors.describe(e)
                    + "); create one with 'sprawl baseline create'", e);
        }
        if (root == null || root.path("version").asInt(-1) != VERSION || !root.path("findings").isArray()) {
            throw new ConfigException("baseline " + file + " is not a Secret Sprawl baseline (version " + VERSION
                    + "); create one with 'sprawl baseline create'");
        }
        List<Entry> entries = new ArrayList<>();
        for (JsonNode n : root.path("findings")) {
            entries.add(new Entry(n.path("fingerprint").asText(), n.path("ruleId").asText(null),
                    n.path("path").asText(null), n.path("line").asInt(0)));
        }
        return new Baseline(entries);
    }

    public void write(Path file) throws IOException {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("version", VERSION);
        doc.put("tool", "secret-sprawl");
        doc.put("findings", entries);
        AtomicFile.write(file, out -> JSON.writeValue(out, doc));
    }
}
