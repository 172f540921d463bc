package dev.secretsprawl.verify;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where each issuer's API lives. Defaults are the vendors' public endpoints; enterprise installs and tests
 * override them ({@code --verify-endpoint github=https://ghe.example.com/api/v3}). Vault has no default: every
 * install is someone's own, and the scanning machine's Vault is not the one a found token belongs to.
 */
public final class Endpoints {
    private static final Map<String, URI> DEFAULTS = Map.ofEntries(
            Map.entry("github", URI.create("https://api.github.com")),
            Map.entry("gitlab", URI.create("https://gitlab.com")),
            Map.entry("slack", URI.create("https://slack.com")),
            Map.entry("npm", URI.create("https://registry.npmjs.org")),
            Map.entry("dockerhub", URI.create("https://hub.docker.com")),
            Map.entry("stripe", URI.create("https://api.stripe.com")),
            Map.entry("sendgrid", URI.create("https://api.sendgrid.com")),
            Map.entry("datadog", URI.create("https://api.datadoghq.com")),
            Map.entry("aws", URI.create("https://sts.amazonaws.com")));

    private final Map<String, URI> overrides;

    private Endpoints(Map<String, URI> overrides) {
        this.overrides = Map.copyOf(overrides);
    }

    public static Endpoints defaults() {
        return new Endpoints(Map.of());
    }

    /** These issuers at these base URLs, the rest at their defaults. */
    public static Endpoints with(Map<String, URI> overrides) {
        for (Map.Entry<String, URI> e : overrides.entrySet()) {
            check(e.getKey(), e.getValue());
        }
        return new Endpoints(overrides);
    }

    /** Parses {@code ISSUER=URL}. */
    public static Map.Entry<String, URI> parse(String spec) {
        int eq = spec.indexOf('=');
        if (eq <= 0 || eq == spec.length() - 1) {
            throw new IllegalArgumentException("an endpoint must look like ISSUER=URL (e.g. github=https://ghe.example.com/api/v3), got '"
                    + spec + "'");
        }
        String issuer = spec.substring(0, eq).strip();
        URI uri;
        try {
            uri = URI.create(spec.substring(eq + 1).strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the endpoint of " + issuer + " is not a URL");
        }
        check(issuer, uri);
        return Map.entry(issuer, uri);
    }

    private static void check(String issuer, URI uri) {
        if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
            throw new IllegalArgumentException("the endpoint of " + issuer + " must be an http(s) URL with a host");
        }
        if (uri.getUserInfo() != null) {
            throw new IllegalArgumentException("the endpoint of " + issuer + " must not hold credentials");
        }
    }

    /** The base URL of this issuer's API, without a trailing slash. */
    public Optional<URI> of(String issuer) {
        URI uri = overrides.containsKey(issuer) ? overrides.get(issuer) : DEFAULTS.get(issuer);
        if (uri == null) {
            return Optional.empty();
        }
        String s = uri.toString();
        return Optional.of(s.endsWith("/") ? URI.create(s.substring(0, s.length() - 1)) : uri);
    }

    /** The base URL of this issuer, or an error a verifier turns into "unknown". */
    public URI require(String issuer) {
        return of(issuer).orElseThrow(() -> new IllegalStateException("no endpoint configured for " + issuer));
    }

    public Map<String, URI> overrides() {
        return new HashMap<>(overrides);
    }
}
