package dev.secretsprawl.migrate.plan;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class CredentialNamesTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "DB_PASSWORD=${VALUE}|13|DB_PASSWORD",
            "PGPASSWORD = '${VALUE}'|15|PGPASSWORD",
            "spring.datasource.password: ${VALUE}|29|spring.datasource.password",
            "\"apiKey\": \"${VALUE}|12|apiKey",
            "<password>${VALUE}|11|password"})
    void shouldFindTheVariableRightBeforeAValue(String line, int column, String expected) {
        assertThat(CredentialNames.variableBefore(line, column)).contains(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "spring.datasource.password|SPRING_DATASOURCE_PASSWORD",
            "apiKey|API_KEY",
            "db-password|DB_PASSWORD",
            "GITHUB_TOKEN|SPRAWL_GITHUB_TOKEN",
            "1password|SPRAWL_1PASSWORD"})
    void shouldNameCredentialsInAFormEveryStoreAccepts(String variable, String expected) {
        assertThat(CredentialNames.normalise(variable)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"postgres|postgres-uri|POSTGRES_SECRET", "github|github-pat|GITHUB_SECRET",
            "generic|generic-password|GENERIC_PASSWORD"})
    void shouldNameAValueWithoutVariableAfterItsIssuer(String issuer, String rule, String expected) {
        assertThat(CredentialNames.fromIssuer(issuer, rule)).isEqualTo(expected);
    }
}
