package dev.secretsprawl.verify;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EndpointsTest {
    @Test
    void shouldUseTheVendorsPublicEndpointsByDefault() {
        assertThat(Endpoints.defaults().of("github")).contains(URI.create("https://api.github.com"));
        assertThat(Endpoints.defaults().of("no-such-issuer")).isEmpty();
    }

    @Test
    void shouldHaveNoDefaultVaultAsEveryVaultIsSomeonesOwnInstall() {
        assertThat(Endpoints.defaults().of("vault")).isEmpty();
    }

    @Test
    void shouldLetAnEnterpriseInstallOverrideOneIssuerAndDropTheTrailingSlash() {
        Endpoints e = Endpoints.with(Map.of("github", URI.create("https://ghe.example.com/api/v3/")));
        assertThat(e.require("github")).isEqualTo(URI.create("https://ghe.example.com/api/v3"));
        assertThat(e.require("gitlab")).isEqualTo(URI.create("https://gitlab.com"));
    }

    @Test
    void shouldParseIssuerEqualsUrl() {
        assertThat(Endpoints.parse("gitlab=https://gitlab.example.com")).isEqualTo(
                Map.entry("gitlab", URI.create("https://gitlab.example.com")));
    }

    @Test
    void shouldRefuseMalformedSpecsAndUrlsThatHoldCredentials() {
        assertThatThrownBy(() -> Endpoints.parse("https://gitlab.example.com")).hasMessageContaining("ISSUER=URL");
        assertThatThrownBy(() -> Endpoints.parse("gitlab=ftp://gitlab.example.com")).hasMessageContaining("http(s)");
        String password = "pw" + System.nanoTime();
        assertThatThrownBy(() -> Endpoints.parse("gitlab=https://me:" + password + "@gitlab.example.com"))
                .hasMessageContaining("must not hold credentials").message().doesNotContain(password);
    }

    @Test
    void shouldSayWhichIssuerHasNoEndpoint() {
        assertThatThrownBy(() -> Endpoints.defaults().require("acme")).hasMessageContaining("acme");
    }
}
