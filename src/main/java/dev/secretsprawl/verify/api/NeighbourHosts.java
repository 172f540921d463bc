package dev.secretsprawl.verify.api;

import dev.secretsprawl.verify.Credential;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Another install of the same product written next to a credential (a GitHub Enterprise or self-managed
 * GitLab host): a rejection by the public service then says nothing about the token, which belongs there.
 */
final class NeighbourHosts {
    private static final Pattern URL_HOST = Pattern.compile("(?i)https?://(?:[^\\s/@'\"]{1,200}@)?([a-z0-9.-]{1,253})");

    private NeighbourHosts() {
    }

    /**
     * Every host in the credential's context whose name holds {@code product}, other than the product's public
     * hosts, in the order written: what {@link #other} may pick from, whatever host is asked.
     */
    static List<String> all(Credential credential, String product, Set<String> publicHosts) {
        List<String> hosts = new ArrayList<>();
        Matcher m = URL_HOST.matcher(credential.context().reveal());
        while (m.find()) {
            String host = m.group(1).toLowerCase(Locale.ROOT);
            if (host.contains(product) && !publicHosts.contains(host) && !hosts.contains(host)) {
                hosts.add(host);
            }
        }
        return hosts;
    }

    /**
     * The first host in the credential's context whose name holds {@code product}, other than the host asked
     * and the product's public hosts.
     */
    static Optional<String> other(Credential credential, String product, URI asked, Set<String> publicHosts) {
        String askedHost = asked.getHost() == null ? "" : asked.getHost().toLowerCase(Locale.ROOT);
        Matcher m = URL_HOST.matcher(credential.context().reveal());
        while (m.find()) {
            String host = m.group(1).toLowerCase(Locale.ROOT);
            if (host.contains(product) && !host.equals(askedHost) && !publicHosts.contains(host)) {
                return Optional.of(host);
            }
        }
        return Optional.empty();
    }
}
