package dev.secretsprawl.migrate.rewrite;

import java.util.List;

/**
 * Configuration files whose loader resolves {@code ${NAME}} placeholders (Spring properties and XML, .NET and
 * Maven XML, INI, JSON and TOML read through an interpolating loader): the value's characters become
 * {@code ${NAME}}. Where a bare value would no longer parse as a string (JSON, TOML) the placeholder is quoted.
 */
public final class ConfigFileRewriter implements Rewriter {
    private final String fileType;
    private final List<String> suffixes;
    private final boolean quoteBareValues;

    private ConfigFileRewriter(String fileType, boolean quoteBareValues, String... suffixes) {
        this.fileType = fileType;
        this.suffixes = List.of(suffixes);
        this.quoteBareValues = quoteBareValues;
    }

    public static ConfigFileRewriter properties() {
        return new ConfigFileRewriter("properties", false, ".properties");
    }

    public static ConfigFileRewriter xml() {
        return new ConfigFileRewriter("xml", false, ".xml", ".config");
    }

    public static ConfigFileRewriter ini() {
        return new ConfigFileRewriter("ini", false, ".ini");
    }

    public static ConfigFileRewriter json() {
        return new ConfigFileRewriter("json", true, ".json");
    }

    public static ConfigFileRewriter toml() {
        return new ConfigFileRewriter("toml", true, ".toml");
    }

    @Override
    public String fileType() {
        return fileType;
    }

    @Override
    public boolean handles(String path) {
        return PathNames.endsWithAny(path, suffixes.toArray(String[]::new));
    }

    @Override
    public String reference(String name) {
        return "${" + name + "}";
    }

    @Override
    public Rewrite rewrite(String text, List<Spot> spots) {
        return ValueSpans.apply(text, spots, (t, start, end, spot) -> {
            String reference = reference(spot.name());
            boolean bare = quoteBareValues
                    && Quotes.at(t, ValueSpans.lineStart(t, start), start, Quotes.Syntax.DATA) == null;
            return Edit.replace(start, end, bare ? '"' + reference + '"' : reference);
        }).toRewrite();
    }
}
