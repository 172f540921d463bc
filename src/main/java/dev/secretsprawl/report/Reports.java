package dev.secretsprawl.report;

import java.util.List;
import java.util.Optional;

/** The registry of report formats; a test checks each one passes the common reporter contract. */
public final class Reports {
    private static final List<ReportWriter> ALL = List.of(
            new TextReport(), new SarifReport(), new JsonReport(), new JunitReport(), new HtmlReport());

    private Reports() {
    }

    public static List<String> formats() {
        return ALL.stream().map(ReportWriter::format).toList();
    }

    public static Optional<ReportWriter> forFormat(String name) {
        return ALL.stream().filter(r -> r.format().equalsIgnoreCase(name)).findFirst();
    }
}
