package dev.secretsprawl.gate;

import java.time.LocalDate;
import java.util.List;

/**
 * The gate's answer: every row, and the cutover date that decides whether problems fail or warn.
 *
 * @param cutover null when none was given (problems fail at once)
 */
public record GateReport(List<GateRow> rows, LocalDate cutover, LocalDate today) {
    public GateReport {
        rows = List.copyOf(rows);
    }

    public boolean passed() {
        return rows.stream().noneMatch(r -> r.verdict() == GateRow.Verdict.FAIL);
    }

    public long count(GateRow.Verdict verdict) {
        return rows.stream().filter(r -> r.verdict() == verdict).count();
    }

    /** True while the grace window lasts: problems are warnings until the cutover day. */
    public boolean inGrace() {
        return cutover != null && today.isBefore(cutover);
    }
}
