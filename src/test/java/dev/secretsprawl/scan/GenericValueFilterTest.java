package dev.secretsprawl.scan;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;


import static org.assertj.core.api.Assertions.assertThat;

class GenericValueFilterTest {
    private final GenericValueFilter filter = new GenericValueFilter();

    @ParameterizedTest
    @ValueSource(strings = {"process.env.DB_PASSWORD", "os.environ['TOKEN']", "os.getenv(\"TOKEN\")",
            "System.getenv(\"DB_PASSWORD\")", "env.DEPLOY_TOKEN", "params.password", "vault.read('db')",
            "config.get('password')", "self.password", "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
            "sha512-Fq8nFhd1Kxwf2tT4pNLUo3W6d8eyb3kjSgzPj5Y8ezYt2bCmYyzvm5S9QkyX6vW4Q1qF0kH2f7zQq1sZpQ==",
            "123e4567-e89b-42d3-a456-556642440000"})
    void shouldRejectValuesReadFromElsewhereAndDigests(String value) {
        assertThat(filter.rejects(candidate(value, false, "password = "))).as(value).isTrue();
    }

    @Test
    void shouldRejectUnquotedIdentifiersInCodeButKeepQuotedLiterals() {
        assertThat(filter.rejects(candidate("dbPassword", false, "password = ", "app.py"))).isTrue();
        assertThat(filter.rejects(candidate("settings.db.password", false, "password: ", "Main.java"))).isTrue();
        assertThat(filter.rejects(candidate("q8ZmY2vLx0Rk", false, "password: ", "app.py"))).isFalse();
        assertThat(filter.rejects(candidate("q8ZmY2vLx0Rk", true, "password = \"", "app.py"))).isFalse();
    }

    @Test
    void shouldTakeUnquotedValuesInConfigFilesAsLiterals() {
        assertThat(filter.rejects(candidate("pdzc9x2g.KaY", false, "replication_password: ", "group_vars/all.yml"))).isFalse();
        assertThat(filter.rejects(candidate("rlK.Ps3utsYsLULI", false, "MYSQL_ROOT_PASSWORD=", "docker-compose.yml"))).isFalse();
        assertThat(filter.rejects(candidate("rlK.Ps3utsYsLULI", false, "password = ", "settings.py"))).isTrue();
    }

    @Test
    void shouldRejectKeysNamingNonSecretMaterial() {
        assertThat(filter.rejects(candidate("q8ZmY2vLx0Rk4Tn6", true, "password_hash = \""))).isTrue();
        assertThat(filter.rejects(candidate("q8ZmY2vLx0Rk4Tn6", true, "token_url = \""))).isTrue();
        assertThat(filter.rejects(candidate("q8ZmY2vLx0Rk4Tn6", true, "public_key = \""))).isTrue();
    }

    @Test
    void shouldRejectPaginationTokensAndNamespacedTypeNames() {
        assertThat(filter.rejects(candidate("Ci33ACF6q8ZmY2vLx0Rk", false, "--next-token ", "list.sh"))).isTrue();
        assertThat(filter.rejects(candidate("12cs345-67cd-890b", false, "--change-token ", "waf.sh"))).isTrue();
        assertThat(filter.rejects(candidate("91adc45q8ZmY2vLx", false, "--idempotency-token ", "acm.sh"))).isTrue();
        assertThat(filter.rejects(candidate("c85175a4ebcce361", true, "AWS::SecretsManager::Secret\": \"", "p.py"))).isTrue();
        assertThat(filter.rejects(candidate("c85175a4ebcce361", true, "API_SECRET = \"", "p.py"))).isFalse();
    }

    @Test
    void shouldLeaveJenkinsEncryptedSecretsToTheirOwnRule() {
        String encrypted = "{AQAAABAAAAAQ" + "q8ZmY2vLx0Rk4Tn6p3w5s7u9a1c3e5g7" + "=}";
        assertThat(filter.rejects(candidate(encrypted, false, "<password>", "config.xml"))).isTrue();
        assertThat(filter.rejects(candidate(encrypted.substring(1, encrypted.length() - 1), true, "password: \""))).isTrue();
        assertThat(filter.rejects(candidate("AQAAAB-short", true, "password: \""))).isFalse();
    }

    @Test
    void shouldLeaveIssuerSpecificRulesAlone() {
        Candidate c = new Candidate(TestRules.rule("s", false), "process.env.X", "", false, "a");
        assertThat(filter.rejects(c)).isFalse();
    }

    private static Candidate candidate(String value, boolean quoted, String before) {
        return candidate(value, quoted, before, "a.env");
    }

    private static Candidate candidate(String value, boolean quoted, String before, String path) {
        return new Candidate(TestRules.rule("g", true), value, before, quoted, path);
    }
}
