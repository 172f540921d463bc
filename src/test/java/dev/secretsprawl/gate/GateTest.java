package dev.secretsprawl.gate;

import dev.secretsprawl.gate.GateRow.Kind;
import dev.secretsprawl.gate.GateRow.Verdict;
import dev.secretsprawl.migrate.CredentialHistory;
import dev.secretsprawl.migrate.ledger.Ledger;
import dev.secretsprawl.migrate.ledger.Step;
import dev.secretsprawl.scan.Finding;
import dev.secretsprawl.scan.Secret;
import dev.secretsprawl.verify.Credential;
import dev.secretsprawl.verify.Detected;
import dev.secretsprawl.verify.Verification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class GateTest {
    private static final LocalDate TODAY = LocalDate.parse("2026-11-30");

    @TempDir
    Path dir;

    private String legacy;
    private Finding legacyFinding;
    private Ledger ledger;

    @BeforeEach
    void migrated() throws Exception {
        byte[] b = new byte[16];
        new SecureRandom().nextBytes(b);
        legacy = "Pw" + HexFormat.of().formatHex(b);
        legacyFinding = Detected.findings(".env", "DB_HOST=db\nDB_USER=app\nDB_PASSWORD=" + legacy + "\n").get(0);
        ledger = Ledger.open(dir.resolve("ledger.jsonl"));
        ledger.append("m-1", "DB_PASSWORD", Step.PLANNED, Map.of("secretHash", legacyFinding.secretHash(),
                "consumers", List.of(Map.of("path", ".env", "line", 3))));
        ledger.append("m-1", "DB_PASSWORD", Step.STORED, Map.of("version", 1));
    }

    private Gate gate(Verification answer) {
        Credential c = new Credential("generic", "x", new Secret(legacy), new Secret(""), ".env");
        return new Gate(h -> List.of(c), (credential, hash) -> answer);
    }

    private GateReport evaluate(Gate gate, List<Finding> findings, LocalDate cutover) throws Exception {
        return gate.evaluate(CredentialHistory.all(ledger), findings, cutover, TODAY);
    }

    @Test
    void shouldPassWhenTheLegacyValueIsDeadAndGoneFromTheCode() throws Exception {
        GateReport report = evaluate(gate(Verification.dead("rejected")), List.of(), null);

        assertThat(report.passed()).isTrue();
        assertThat(report.rows()).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(Kind.LEGACY_DEAD);
            assertThat(r.credential()).isEqualTo("DB_PASSWORD");
        });
    }

    @Test
    void shouldFailWhileTheLegacyValueStillAuthenticates() throws Exception {
        GateReport report = evaluate(gate(Verification.live("app@db")), List.of(), null);

        assertThat(report.passed()).isFalse();
        assertThat(report.rows()).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(Kind.LEGACY_LIVE);
            assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        });
    }

    @Test
    void shouldFailWhileTheLegacyValueSitsInTheCode() throws Exception {
        GateReport report = evaluate(gate(Verification.dead("rejected")), List.of(legacyFinding), null);

        assertThat(report.passed()).isFalse();
        assertThat(report.rows()).anySatisfy(r -> {
            assertThat(r.kind()).isEqualTo(Kind.LEGACY_IN_CODE);
            assertThat(r.where()).isEqualTo(".env:3");
        });
    }

    @Test
    void shouldFailOnAFindingNeitherMigratedNorBaselined() throws Exception {
        Finding other = Detected.findings("app.properties", "db.password=Other" + legacy.substring(2) + "x\n").get(0);

        GateReport report = evaluate(gate(Verification.dead("rejected")), List.of(other), null);

        assertThat(report.rows()).anySatisfy(r -> assertThat(r.kind()).isEqualTo(Kind.UNMIGRATED));
        assertThat(report.passed()).isFalse();
    }

    @Test
    void shouldOnlyWarnBeforeTheCutoverAndFailFromItsDay() throws Exception {
        Gate live = gate(Verification.live("app@db"));

        GateReport before = evaluate(live, List.of(legacyFinding), TODAY.plusDays(1));
        GateReport on = evaluate(live, List.of(legacyFinding), TODAY);

        assertThat(before.passed()).isTrue();
        assertThat(before.rows()).allSatisfy(r -> assertThat(r.verdict()).isEqualTo(Verdict.WARN));
        assertThat(on.passed()).isFalse();
    }

    @Test
    void shouldNotCallAnUnprovenLegacyValueDead() throws Exception {
        GateReport report = evaluate(gate(Verification.unknown("host unreachable")), List.of(), null);

        assertThat(report.rows()).singleElement().satisfies(r -> assertThat(r.kind()).isEqualTo(Kind.LEGACY_UNPROVEN));
        assertThat(report.passed()).isFalse();
    }

    @Test
    void shouldTrustAnEarlierProofWhenTheValueCannotBeCheckedAgain() throws Exception {
        ledger.append("m-1", "DB_PASSWORD", Step.VERIFIED, Map.of("legacy", "dead", "new", "live"));

        GateReport report = evaluate(gate(Verification.unknown("host unreachable")), List.of(), null);

        assertThat(report.passed()).isTrue();
        assertThat(report.rows()).singleElement().satisfies(r -> assertThat(r.detail()).contains("proven dead by apply"));
    }

    /** A second plan for the same value that got nowhere must not erase the first migration's proof. */
    @Test
    void shouldKeepTheFirstMigrationsProofWhenASecondPlanForTheSameValueFailed() throws Exception {
        ledger.append("m-1", "DB_PASSWORD", Step.VERIFIED, Map.of("legacy", "dead", "new", "live"));
        ledger.append("m-1", "DB_PASSWORD", Step.CLOSED, Map.of());
        ledger.append("m-2", "DB_PASSWORD", Step.PLANNED, Map.of("secretHash", legacyFinding.secretHash(),
                "consumers", List.of(Map.of("path", ".env", "line", 3))));
        ledger.append("m-2", "DB_PASSWORD", Step.FAILED, Map.of("step", "stored", "reason", "holds another value"));
        Gate gate = new Gate(h -> List.of(), (credential, hash) -> Verification.unknown("never asked"));

        GateReport report = evaluate(gate, List.of(), null);

        assertThat(report.passed()).as(report.rows().toString()).isTrue();
    }

    /** The gate's report is uploaded (SARIF, JUnit): a verifier that quotes the value must not put it there. */
    @Test
    void shouldKeepAValueTheVerifierQuotesOutOfTheReport() throws Exception {
        GateReport report = evaluate(gate(Verification.live("the server greeted " + legacy)), List.of(), null);

        assertThat(report.rows()).singleElement().satisfies(r -> assertThat(r.detail()).doesNotContain(legacy));
    }

    /** A baseline made before the migration accepts the legacy finding: it still sits in the code all the same. */
    @Test
    void shouldFailWhileABaselinedLegacyValueSitsInTheCode() throws Exception {
        GateReport report = gate(Verification.dead("rejected"))
                .evaluate(CredentialHistory.all(ledger), List.of(), List.of(legacyFinding), null, TODAY);

        assertThat(report.passed()).isFalse();
        assertThat(report.rows()).anySatisfy(r -> assertThat(r.kind()).isEqualTo(Kind.LEGACY_IN_CODE));
    }
}
