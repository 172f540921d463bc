package dev.secretsprawl.scan;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;


import static org.assertj.core.api.Assertions.assertThat;

/** The placeholder and template-reference table, as data: what stands for a secret is never one. */
class PlaceholderFilterTest {
    private final PlaceholderFilter filter = new PlaceholderFilter();

    @ParameterizedTest
    @ValueSource(strings = {
            "${{ secrets.DEPLOY_TOKEN }}", "${DB_PASSWORD}", "$DB_PASSWORD", "${env.API_KEY}", "%DB_PASSWORD%",
            "{{ .Values.db.password }}", "{{ password }}", "%(password)s", "#{api_key}", "<%= ENV['TOKEN'] %>",
            "{% secret %}", "$(cat /run/secrets/db)", "credentials('nexus-deploy')", "secrets.NPM_TOKEN",
            "env.GITLAB_TOKEN", "params.DEPLOY_KEY", "$env:API_TOKEN",
            "<your-token>", "<TOKEN>", "<Kennwort>]", "{auth_token}", "eyJ2IjoiMSIsInMiOjEsImMiOi...", "[MASKED]", "(redacted)", "xxxxxxxxxxxxxxxx", "XXXX-XXXX-XXXX",
            "****************", "••••••••", "abc…xyz", "sk_live_....", "changeme", "ChangeMe123", "changeit",
            "your_api_key_here", "your-secret-here", "my-fake-key-2", "sk_test_dummy", "insert-your-token", "replace_me_with_token", "dummy-secret-1",
            "placeholder", "sample-token-123", "AKIAIOSFODNN7EXAMPLE", "fake_password_123", "TODO-set-me",
            "password", "null", "undefined", "true", "12345678", "aaaaaaaaaaaa", "abababababab",
            "AB1C2defGHijkLMNo3PqQRstUvwxyzaBCDEfghh4ijklMN5opqrStuVWxyz",
            "AQoEXAMPLEH4aoAH0gNCAPyJxz4BlCFFxWNE1OPTgk5TthT+FvwqnKwRcOIfrRh3c/LTo6UDdyJwOOvEVPvLXCrrrUtdnniCEXAMPLE/IvU1dYUg2RVAJBanLiHb4IgRmpRV3zrkuWJOgQs8IZZaIv2BXIa2R4OlgkBN9bkUDNCJiBeb/AXlzBBko7b15fjrBs2+cTQtpZ3CYWFXG8C5zqx37wnOE49mRl/+OtkIKGO7fAE"})
    void shouldRejectReferencesAndPlaceholders(String value) {
        assertThat(filter.rejects(candidate(value))).as(value).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"N7q!vR2#pL9x", "s3cr3t-Pr0d-Db-2024", "q8ZmY2vLx0Rk4Tn6",
            "ghp_Ky9Pf34qY6Nb3wWD25RQ4F5ZR3qa7y3gm1IX", "Tr0ub4dor&3", "hV8$kQ2m@wZ5",
            "q8ZmTodoY2vLx0Rk4Tn6"})
    void shouldKeepValuesThatLookLikeRealCredentials(String value) {
        assertThat(filter.rejects(candidate(value))).as(value).isFalse();
    }

    @Test
    void shouldKeepAChecksumValidTokenWithAStopwordInsideItsRandomPart() {
        String token = Checksums.withCrc32("ghp_", "LjB1hoH1YUicfAZg45nn3" + "fAke" + "J3gpu0Q");
        assertThat(filter.rejects(candidate(token))).isFalse();
    }

    static Candidate candidate(String value) {
        return new Candidate(TestRules.rule("t", true), value, "password = ", true, "a.env");
    }
}
