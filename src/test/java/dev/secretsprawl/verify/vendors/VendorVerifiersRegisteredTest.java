package dev.secretsprawl.verify.vendors;

import dev.secretsprawl.verify.VerifierRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VendorVerifiersRegisteredTest {
    @Test
    void shouldShipAVerifierForEachVendorIssuerOfTheRulePack() {
        VerifierRegistry standard = VerifierRegistry.standard();

        assertThat(standard.forIssuer("dockerhub")).containsInstanceOf(DockerHubVerifier.class);
        assertThat(standard.forIssuer("stripe")).containsInstanceOf(StripeVerifier.class);
        assertThat(standard.forIssuer("sendgrid")).containsInstanceOf(SendGridVerifier.class);
        assertThat(standard.forIssuer("datadog")).containsInstanceOf(DatadogVerifier.class);
        assertThat(standard.forIssuer("aws")).containsInstanceOf(AwsVerifier.class);
    }

    @Test
    void shouldLeaveDockerRegistryLoginsUnknownWithAReason() {
        assertThat(VerifierRegistry.standard().forIssuer("docker-registry")).isEmpty();
        assertThat(VerifierRegistry.standard().whyNotVerified("docker-registry")).contains("registry");
    }
}
