package dev.secretsprawl.report;

import dev.secretsprawl.scan.Finding;
import dev.secretsprawl.scan.Occurrence;

import java.util.List;
import java.util.Map;

/** How reports name where a history finding was introduced: commit, author, date, and its further introductions. */
final class Introductions {
    /** Further introductions listed one by one in human reports; the rest are counted. */
    static final int LISTED = 5;

    private Introductions() {
    }

    /** "commit 0a1b2c3d4e5f by Ana on 2024-01-01T10:00Z", or empty outside history. */
    static String commit(Map<String, String> properties) {
        String commit = properties.get("commit");
        if (commit == null) {
            return "";
        }
        String author = properties.get("author");
        String date = properties.get("date");
        return "commit " + commit + (author == null ? "" : " by " + author) + (date == null ? "" : " on " + date);
    }

    /** "path:line in commit ... by ... on ..." */
    static String describe(Occurrence o) {
        String commit = commit(o.properties());
        return o.location().path() + ":" + o.location().startLine() + (commit.isEmpty() ? "" : " in " + commit);
    }

    /** Lines naming the finding's other introductions (at most {@link #LISTED}, then a count). */
    static List<String> others(Finding f) {
        List<Occurrence> others = f.otherOccurrences();
        List<String> lines = new java.util.ArrayList<>();
        for (int i = 0; i < Math.min(LISTED, others.size()); i++) {
            lines.add("also introduced at " + describe(others.get(i)));
        }
        if (others.size() > LISTED) {
            lines.add("and " + (others.size() - LISTED) + " more introductions");
        }
        return lines;
    }
}
