package dev.secretsprawl.report;

import dev.secretsprawl.scan.ScanResult;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract every report format keeps: renders an empty and a multi-finding result, matches its
 * golden file, never contains a secret (nor its base64 form), and shows no preview under --redact.
 * Regenerate golden files with {@code -Dgolden.update=true} and review the diff.
 */
abstract class AbstractReportTest {
    abstract ReportWriter writer();

    /** e.g. {@code expected.sarif.json} under {@code src/test/resources/report/}. */
    abstract String goldenFile();

    /** Format-specific checks of an empty result. */
    abstract void assertEmpty(String rendered) throws Exception;

    /** Format-specific checks of the two-finding result. */
    abstract void assertMultiple(String rendered) throws Exception;

    String render(ScanResult result, ReportContext context) throws IOException {
        StringWriter out = new StringWriter();
        writer().write(result, context, out);
        return out.toString();
    }

    @Test
    void shouldRenderAnEmptyResult() throws Exception {
        assertEmpty(render(ReportFixtures.empty(), ReportFixtures.CONTEXT));
    }

    @Test
    void shouldRenderMultipleFindings() throws Exception {
        assertMultiple(render(ReportFixtures.multiple(), ReportFixtures.CONTEXT));
    }

    @Test
    void shouldMatchTheGoldenFile() throws IOException {
        String rendered = render(ReportFixtures.multiple(), ReportFixtures.CONTEXT);
        Path golden = Path.of("src/test/resources/report", goldenFile());
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(golden, rendered, StandardCharsets.UTF_8);
        }
        assertThat(rendered).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }

    @Test
    void shouldNeverContainASecretInAnyForm() throws IOException {
        String rendered = render(ReportFixtures.multiple(), ReportFixtures.CONTEXT);
        for (String secret : new String[] {ReportFixtures.PAT, ReportFixtures.OAUTH}) {
            assertThat(rendered).doesNotContain(secret)
                    .doesNotContain(Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8)))
                    .doesNotContain(secret.substring(4, 24));
        }
    }

    @Test
    void shouldShowNoPreviewWhenRedacting() throws IOException {
        String rendered = render(ReportFixtures.multiple(), ReportFixtures.REDACTED);
        String pat = ReportFixtures.PAT;
        assertThat(rendered).doesNotContain(pat.substring(pat.length() - 4)).contains(Previews.REDACTED);
    }
}
