package dev.secretsprawl.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;

class JsonReportTest extends AbstractReportTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    ReportWriter writer() {
        return new JsonReport();
    }

    @Override
    String goldenFile() {
        return "expected.json";
    }

    @Override
    void assertEmpty(String rendered) throws Exception {
        JsonNode root = JSON.readTree(rendered);
        assertThat(root.at("/findings").size()).isZero();
        assertThat(root.at("/summary/scanned").asInt()).isEqualTo(1);
    }

    @Override
    void assertMultiple(String rendered) throws Exception {
        JsonNode root = JSON.readTree(rendered);
        assertThat(root.at("/findings").size()).isEqualTo(2);
        assertThat(root.at("/findings/0/line").asInt()).isEqualTo(3);
        assertThat(root.at("/findings/0/preview").asText()).contains("…");
        assertThat(root.at("/findings/1/properties/commit").asText()).startsWith("9fceb02");
        assertThat(root.at("/summary/skipped/binary").asInt()).isEqualTo(1);
        assertThat(root.at("/expiredAllowlistEntries/0/owner").asText()).isEqualTo("platform-team");
    }
}
