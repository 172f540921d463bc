package dev.secretsprawl.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReportsTest {
    @Test
    void shouldRegisterEveryFormatTheCliDocuments() {
        assertThat(Reports.formats()).containsExactly("text", "sarif", "json", "junit", "html");
        assertThat(Reports.forFormat("SARIF")).containsInstanceOf(SarifReport.class);
        assertThat(Reports.forFormat("pdf")).isEmpty();
    }
}
