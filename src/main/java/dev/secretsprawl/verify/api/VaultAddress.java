package dev.secretsprawl.verify.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Vault a token belongs to, when the text names it next to the token: {@code VAULT_ADDR=} (also exported, in
 * YAML or JSON), {@code vault_addr}, the CLI's {@code -address=} on a line naming vault, or {@code address = "..."}
 * in a Terraform {@code provider "vault"} block. Only these: any other URL nearby is not where the token goes.
 */
public final class VaultAddress {
    private static final String URL = "[\"']?(https?://[^\\s'\"<>,;]+)";
    private static final Pattern SETTING = Pattern.compile("(?i)\\bvault_addr\\b[\"']?\\s*(?:=>|[:=])\\s*" + URL);
    private static final Pattern FLAG = Pattern.compile("(?i)(?:^|\\s)--?address(?:=|\\s+)" + URL);
    private static final Pattern PROVIDER = Pattern.compile(
            "(?i)provider\\s+\"vault\"\\s*\\{[^}]*?\\baddress\\s*=\\s*" + URL);

    private VaultAddress() {
    }

    /** scheme://host[:port] of the Vault named nearest the token, without credentials or path. */
    public static Optional<URI> find(String context, String token) {
        int at = Math.max(0, context.indexOf(token));
        String best = null;
        int distance = Integer.MAX_VALUE;
        for (Pattern p : List.of(SETTING, FLAG, PROVIDER)) {
            Matcher m = p.matcher(context);
            while (m.find()) {
                if ((p != FLAG || onVaultLine(context, m.start())) && Math.abs(m.start(1) - at) < distance) {
                    distance = Math.abs(m.start(1) - at);
                    best = m.group(1);
                }
            }
        }
        return Optional.ofNullable(best).flatMap(VaultAddress::origin);
    }

    /** -address belongs to several HashiCorp CLIs: only a line that names vault ties it to Vault. */
    private static boolean onVaultLine(String text, int index) {
        int start = text.lastIndexOf('\n', index) + 1;
        int end = text.indexOf('\n', index);
        return text.substring(start, end < 0 ? text.length() : end).toLowerCase(Locale.ROOT).contains("vault");
    }

    private static Optional<URI> origin(String url) {
        try {
            URI uri = new URI(url);
            if (uri.getHost() == null) {
                return Optional.empty();
            }
            return Optional.of(new URI(uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT)
                    + (uri.getPort() >= 0 ? ":" + uri.getPort() : "")));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
