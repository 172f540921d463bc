package dev.secretsprawl.report;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlReportTest extends AbstractReportTest {
    @Override
    ReportWriter writer() {
        return new HtmlReport();
    }

    @Override
    String goldenFile() {
        return "expected.html";
    }

    @Override
    void assertEmpty(String rendered) {
        assertThat(rendered).contains("No secrets found").doesNotContain("<table>");
    }

    @Override
    void assertMultiple(String rendered) {
        assertThat(rendered).contains("<table>").contains("k8s/&lt;secret&gt;.yaml:4")
                .doesNotContain("<secret>").doesNotContain("<script");
    }
}
