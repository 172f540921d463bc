package dev.secretsprawl.scan;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Secret values already detected (or handed over by the caller), in every form a build may print them:
 * as they are, URL-encoded, JSON-escaped, and inside base64 at any alignment. Masking a live log needs
 * this: a password found once on a {@code password=} line is still a secret when it is echoed alone,
 * or when a later step base64-encodes it into an {@code Authorization} header.
 * <p>
 * Holds raw values in memory for the life of the masking process only; never writes them anywhere.
 */
public final class KnownSecrets {
    /** Learned values shorter than this are not remembered: masking every "admin" would ruin the log. */
    static final int MIN_LEARNED = 8;
    /** Values the caller names (a bound credential) are masked from this length on (shorter ones would match by chance). */
    static final int MIN_GIVEN = LiteralSet.MIN_LENGTH;
    /** Past this many forms, no more values are learned (memory and speed stay bounded). */
    static final int MAX_FORMS = 16_384;

    private final Set<String> values = new HashSet<>();
    private final LiteralSet forms = new LiteralSet();
    /** Many threads search at once; values are added rarely, by one. */
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private volatile int version;

    /** Remembers the secret of a finding. Returns true when it was new. */
    public boolean learn(Finding finding) {
        return add(finding.secret().reveal(), MIN_LEARNED);
    }

    /** Remembers a value the caller knows is secret (e.g. a credential bound to an environment variable). */
    public boolean give(Secret secret) {
        return add(secret.reveal(), MIN_GIVEN);
    }

    public boolean isEmpty() {
        return version == 0;
    }

    /** Grows by one each time a value is added: a search made at an older version may have missed it. */
    public int version() {
        return version;
    }

    /** Where any known value appears in {@code text}, as [start, end) pairs. */
    public int[] find(CharSequence text) {
        return find(new CharSequence[]{text}).hits()[0];
    }

    /** The hits of one search over several texts, and the version of the values it searched for. */
    public record Search(int[][] hits, int version) {
    }

    /** Searches several texts under one lock acquisition. */
    public Search find(CharSequence[] texts) {
        lock.readLock().lock();
        try {
            int[][] hits = new int[texts.length][];
            for (int i = 0; i < texts.length; i++) {
                hits[i] = forms.find(texts[i]);
            }
            return new Search(hits, version);
        } finally {
            lock.readLock().unlock();
        }
    }

    private boolean add(String value, int minLength) {
        String trimmed = value.strip();
        lock.writeLock().lock();
        try {
            if (trimmed.length() < minLength || forms.size() >= MAX_FORMS || !values.add(trimmed)) {
                return false;
            }
            forms(trimmed).forEach(forms::add);
            version++;
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The value as it is, URL-encoded (both space styles), JSON-escaped, and inside base64. */
    private static List<String> forms(String trimmed) {
        List<String> added = new ArrayList<>();
        added.add(trimmed);
        added.add(URLEncoder.encode(trimmed, StandardCharsets.UTF_8));
        added.add(URLEncoder.encode(trimmed, StandardCharsets.UTF_8).replace("+", "%20"));
        added.add(jsonEscaped(trimmed));
        added.addAll(base64Forms(trimmed.getBytes(StandardCharsets.UTF_8)));
        return added;
    }

    /**
     * The part of the base64 text that depends on the value alone, for each of the three byte alignments
     * the value can have inside a longer encoded string (e.g. {@code user:password} in a basic-auth header).
     */
    static List<String> base64Forms(byte[] value) {
        List<String> out = new ArrayList<>();
        for (int align = 0; align < 3; align++) {
            byte[] padded = new byte[align + value.length];
            System.arraycopy(value, 0, padded, align, value.length);
            String encoded = Base64.getEncoder().withoutPadding().encodeToString(padded);
            int from = (align * 8 + 5) / 6;            // first character made of value bits only
            int to = (padded.length * 8) / 6;            // last whole character before the tail mixes in padding
            if (to - from >= LiteralSet.MIN_LENGTH) {
                String stable = encoded.substring(from, to);
                out.add(stable);
                out.add(stable.replace('+', '-').replace('/', '_'));
            }
        }
        return out;
    }

    private static String jsonEscaped(String value) {
        StringBuilder sb = new StringBuilder(value.length() + 8);
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
