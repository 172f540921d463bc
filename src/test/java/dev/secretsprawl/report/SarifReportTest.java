package dev.secretsprawl.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

public class SarifReportTest extends AbstractReportTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    ReportWriter writer() {
        return new SarifReport();
    }

    @Override
    String goldenFile() {
        return "expected.sarif.json";
    }

    @Override
    void assertEmpty(String rendered) throws Exception {
        assertValid(rendered);
        assertThat(JSON.readTree(rendered).at("/runs/0/results").size()).isZero();
    }

    @Override
    void assertMultiple(String rendered) throws Exception {
        assertValid(rendered);
        JsonNode run = JSON.readTree(rendered).at("/runs/0");
        assertThat(run.at("/results").size()).isEqualTo(2);
        JsonNode first = run.at("/results/0");
        assertThat(first.at("/ruleId").asText()).isEqualTo("github-pat-classic");
        assertThat(first.at("/locations/0/physicalLocation/artifactLocation/uri").asText()).isEqualTo("config/app%20&%20prod.env");
        assertThat(first.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(3);
        assertThat(first.at("/partialFingerprints/" + SarifReport.FINGERPRINT_KEY.replace("/", "~1")).asText()).hasSize(40);
        JsonNode second = run.at("/results/1");
        assertThat(second.at("/partialFingerprints/commitSha").asText()).startsWith("9fceb02");
        assertThat(second.at("/properties/commit").asText()).startsWith("9fceb02");
        assertThat(second.at("/properties/author").asText()).contains("Dev Eloper");
        assertThat(second.at("/properties/decodedFrom").asText()).isEqualTo("base64");
        assertThat(run.at("/tool/driver/rules").size()).isEqualTo(2);
        assertThat(run.at("/invocations/0/toolExecutionNotifications").size()).isEqualTo(2);
    }

    @Test
    void shouldEncodeFilePathsButKeepUrlsAsTheyAre() {
        assertThat(SarifReport.uri("config/app & prod.env")).isEqualTo("config/app%20&%20prod.env");
        assertThat(SarifReport.uri("50%.txt")).isEqualTo("50%25.txt");
        assertThat(SarifReport.uri("https://ci.internal/job/app/job/feature%252Flogin/3/consoleText"))
                .isEqualTo("https://ci.internal/job/app/job/feature%252Flogin/3/consoleText");
    }

    @Test
    void shouldValidateAgainstTheOasisSchemaWhenRedacting() throws Exception {
        assertValid(render(ReportFixtures.multiple(), ReportFixtures.REDACTED));
    }

    @Test
    void shouldHaveASchemaThatRejectsBrokenSarif() throws Exception {
        String valid = render(ReportFixtures.multiple(), ReportFixtures.CONTEXT);
        String badLevel = valid.replace("\"level\" : \"error\"", "\"level\" : \"fatal\"");
        String noVersion = valid.replace("\"version\" : \"2.1.0\",", "");
        assertThat(schema().validate(JSON.readTree(badLevel))).isNotEmpty();
        assertThat(schema().validate(JSON.readTree(noVersion))).isNotEmpty();
    }

    public static void assertValid(String sarif) throws Exception {
        Set<ValidationMessage> errors = schema().validate(JSON.readTree(sarif));
        assertThat(errors).as("SARIF schema violations").isEmpty();
    }

    static JsonSchema schema() throws Exception {
        try (InputStream in = SarifReportTest.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        }
    }
}
