package dev.secretsprawl.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.secretsprawl.gate.GateReport;
import dev.secretsprawl.gate.GateRow;
import dev.secretsprawl.gate.GateRow.Kind;
import dev.secretsprawl.gate.GateRow.Verdict;
import dev.secretsprawl.report.SarifReportTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GateFormatsTest {
    private static final LocalDate TODAY = LocalDate.parse("2026-11-30");
    private static final GateReport REPORT = new GateReport(List.of(
            new GateRow(Kind.LEGACY_LIVE, Verdict.FAIL, "DB_PASSWORD", "", 0, "app@db.internal:5432; re-issue task: team-db"),
            new GateRow(Kind.LEGACY_IN_CODE, Verdict.FAIL, "DB_PASSWORD", "deploy/<prod>.sh", 7, "replace it with a reference"),
            new GateRow(Kind.LEGACY_DEAD, Verdict.PASS, "API_TOKEN", "", 0, "revoked"),
            new GateRow(Kind.UNMIGRATED, Verdict.FAIL, "", "src/App & Co.java", 12, "generic-password: migrate it")),
            null, TODAY);

    @ParameterizedTest
    @ValueSource(strings = {"text", "json", "junit", "sarif", "html"})
    void shouldNameEveryFailingCredentialAndPlace(String format) {
        String out = GateFormats.render(REPORT, format, "0.1.0");

        assertThat(out).contains("DB_PASSWORD").contains("legacy-live").contains("12");
    }

    @Test
    void shouldWriteSarifValidAgainstTheSchemaWithLevelsPerVerdict() throws Exception {
        String sarif = GateFormats.render(REPORT, "sarif", "0.1.0");

        SarifReportTest.assertValid(sarif);
        JsonNode results = new ObjectMapper().readTree(sarif).path("runs").path(0).path("results");
        assertThat(results).hasSize(4);
        assertThat(results.get(0).path("level").asText()).isEqualTo("error");
        assertThat(results.get(2).path("level").asText()).isEqualTo("note");
        assertThat(results.get(1).path("locations").path(0).path("physicalLocation").path("region").path("startLine").asInt()).isEqualTo(7);
    }

    @Test
    void shouldWriteWellFormedJunitWithOneFailurePerFailingRow() throws Exception {
        String xml = GateFormats.render(REPORT, "junit", "0.1.0");

        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getElementsByTagName("testcase").getLength()).isEqualTo(4);
        assertThat(doc.getElementsByTagName("failure").getLength()).isEqualTo(3);
    }

    @Test
    void shouldSayWhenProblemsOnlyWarnBeforeTheCutover() {
        GateReport grace = new GateReport(List.of(new GateRow(Kind.LEGACY_LIVE, Verdict.WARN, "DB_PASSWORD", "", 0, "live")),
                TODAY.plusDays(10), TODAY);

        assertThat(GateFormats.summary(grace)).contains("PASSED with warnings").contains("until the cutover on 2026-12-10");
        assertThat(GateFormats.render(grace, "junit", "0.1.0")).doesNotContain("<failure");
    }
}
