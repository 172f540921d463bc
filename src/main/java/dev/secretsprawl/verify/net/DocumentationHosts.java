package dev.secretsprawl.verify.net;

import java.util.Locale;
import java.util.Set;

/**
 * Host names reserved for documentation and tests (RFC 2606, RFC 6761): a credential next to one is a
 * sample or a template, and nobody answers for it. {@code localhost} is not among them: a credential for a
 * local service is as real as any.
 */
public final class DocumentationHosts {
    private static final Set<String> DOMAINS = Set.of("example.com", "example.org", "example.net");
    private static final Set<String> TOP_LEVEL = Set.of("example", "test", "invalid");

    private DocumentationHosts() {
    }

    public static boolean isDocumentation(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        for (String domain : DOMAINS) {
            if (h.equals(domain) || h.endsWith("." + domain)) {
                return true;
            }
        }
        int dot = h.lastIndexOf('.');
        return dot > 0 && TOP_LEVEL.contains(h.substring(dot + 1));
    }

    /** The reason shown for such a credential. */
    public static String reason(String host) {
        return "placeholder host " + host + " (reserved for documentation)";
    }
}
