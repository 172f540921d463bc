package dev.secretsprawl.report;

import static org.assertj.core.api.Assertions.assertThat;

class TextReportTest extends AbstractReportTest {
    @Override
    ReportWriter writer() {
        return new TextReport();
    }

    @Override
    String goldenFile() {
        return "expected.txt";
    }

    @Override
    void assertEmpty(String rendered) {
        assertThat(rendered).isEqualTo("No secrets found in 1 scanned item (120 B).\n");
    }

    @Override
    void assertMultiple(String rendered) {
        assertThat(rendered)
                .contains("CRITICAL  github-pat-classic  config/app & prod.env:3:14")
                .contains("2 secrets found (2 critical) in 2 scanned items (3.0 KB).")
                .contains("warning: skipped 1 binary file")
                .contains("commit 9fceb02d0ae598e95dc970b74767f19372d61af8 by Dev Eloper");
    }
}
