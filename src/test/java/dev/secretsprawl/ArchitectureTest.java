package dev.secretsprawl;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The dependency direction of DESIGN.md §2, checked against the code:
 * <pre>
 *   cli ──► report ──► scan ──► rules
 *     ├───► source ──► scan
 *     ├───► verify ──► scan
 *     └───► gate ──► migrate ──► verify, scan
 * </pre>
 * The engine (rules, scan, report) knows no CLI, HTTP server, JDBC or vendor SDK, and only the
 * engine's matching (and later verification and stores) may read a raw secret.
 */
class ArchitectureTest {
    private static final String[] ENGINE = {"dev.secretsprawl.rules..", "dev.secretsprawl.scan..", "dev.secretsprawl.report.."};
    private static final String[] FORBIDDEN_IN_ENGINE = {
            "picocli..", "com.sun.net.httpserver..", "java.net.http..", "java.sql..", "javax.sql..",
            "org.eclipse.jgit..", "org.eclipse.jetty..", "io.undertow..", "org.kohsuke.github..", "org.gitlab4j..",
            "io.github.jopenlibs..", "software.amazon..", "com.amazonaws..", "com.github.tomakehurst.."};
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.secretsprawl");
    }

    @Test
    void shouldKeepTheEngineFreeOfCliHttpJdbcAndVendorSdks() {
        noClasses().that().resideInAnyPackage(ENGINE)
                .should().dependOnClassesThat().resideInAnyPackage(FORBIDDEN_IN_ENGINE)
                .check(classes);
    }

    @Test
    void shouldKeepRulesIndependentOfEverythingOfOurs() {
        noClasses().that().resideInAPackage("dev.secretsprawl.rules..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.secretsprawl.scan..", "dev.secretsprawl.source..",
                        "dev.secretsprawl.report..", "dev.secretsprawl.cli..")
                .check(classes);
    }

    @Test
    void shouldKeepScanBelowSourcesReportsAndCli() {
        noClasses().that().resideInAPackage("dev.secretsprawl.scan..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.secretsprawl.source..", "dev.secretsprawl.report..",
                        "dev.secretsprawl.cli..")
                .check(classes);
    }

    @Test
    void shouldKeepSourcesAndReportsApartAndBelowTheCli() {
        noClasses().that().resideInAPackage("dev.secretsprawl.source..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.secretsprawl.report..", "dev.secretsprawl.cli..")
                .check(classes);
        noClasses().that().resideInAPackage("dev.secretsprawl.report..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.secretsprawl.source..", "dev.secretsprawl.cli..")
                .check(classes);
    }

    @Test
    void shouldKeepVerifiersBelowTheCliAndApartFromSourcesAndReports() {
        noClasses().that().resideInAPackage("dev.secretsprawl.verify..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.secretsprawl.source..", "dev.secretsprawl.report..",
                        "dev.secretsprawl.cli..")
                .check(classes);
        noClasses().that().resideInAnyPackage(ENGINE)
                .should().dependOnClassesThat().resideInAPackage("dev.secretsprawl.verify..")
                .check(classes);
    }

    @Test
    void shouldKeepMigrationBelowTheGateAndApartFromCliSourcesAndReports() {
        noClasses().that().resideInAPackage("dev.secretsprawl.migrate..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.secretsprawl.cli..", "dev.secretsprawl.source..",
                        "dev.secretsprawl.report..", "dev.secretsprawl.gate..")
                .check(classes);
        noClasses().that().resideInAPackage("dev.secretsprawl.gate..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.secretsprawl.cli..", "dev.secretsprawl.source..",
                        "dev.secretsprawl.report..")
                .check(classes);
        noClasses().that().resideInAnyPackage(ENGINE)
                .should().dependOnClassesThat().resideInAnyPackage("dev.secretsprawl.migrate..", "dev.secretsprawl.gate..")
                .check(classes);
        noClasses().that().resideInAPackage("dev.secretsprawl.verify..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.secretsprawl.migrate..", "dev.secretsprawl.gate..")
                .check(classes);
    }

    /** Verifiers send credentials only through the fenced helper: nobody else in verify opens an HTTP client. */
    @Test
    void shouldLetOnlyTheVerifyContextBuildAnHttpClientForVerification() {
        noClasses().that().resideInAPackage("dev.secretsprawl.verify..")
                .and().doNotHaveFullyQualifiedName("dev.secretsprawl.verify.VerifyContext")
                .should().callMethod(java.net.http.HttpClient.class, "newBuilder")
                .orShould().callMethod(java.net.http.HttpClient.class, "newHttpClient")
                .orShould().callConstructor(java.net.URL.class, String.class)
                .check(classes);
    }

    @Test
    void shouldLetOnlyMatchingVerificationAndStoresRevealASecret() {
        noClasses().that().resideOutsideOfPackages("dev.secretsprawl.scan..", "dev.secretsprawl.verify..",
                        "dev.secretsprawl.migrate..")
                .should().callMethod("dev.secretsprawl.scan.Secret", "reveal")
                .check(classes);
    }
}
