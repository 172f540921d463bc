package dev.secretsprawl.verify;

import dev.secretsprawl.scan.Finding;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntConsumer;

/**
 * Verifies findings: each distinct credential once (cached by issuer, keyed secret hash and scope, so a
 * password found 500 times is checked once), a bounded number at a time, a rate limit per issuer, and a
 * hard deadline per call. Every failure becomes {@link Verification#unknown}: nothing here says "dead"
 * unless a verifier did.
 */
public final class VerificationService implements AutoCloseable {
    /** How findings are reported with their verification, in every format. */
    public static final String PROPERTY = "verification";
    public static final String DETAIL_PROPERTY = "verificationDetail";
    /** Characters of a credential in a row that a detail may never contain. */
    private static final int SHOWN_RUN = 8;

    /**
     * @param timeout      per call
     * @param concurrency  calls in flight at once, over all issuers
     * @param perIssuerPerSecond calls started per second to any one issuer
     */
    public record Options(Duration timeout, int concurrency, double perIssuerPerSecond) {
        public static Options defaults() {
            return new Options(Duration.ofSeconds(10), 8, 5);
        }
    }

    private final VerifierRegistry registry;
    private final VerifyContext context;
    private final Options options;
    private final IssuerRateLimit rateLimit;
    private final ExecutorService workers;
    private final ExecutorService calls;
    private final Map<String, CompletableFuture<Verification>> cache = new ConcurrentHashMap<>();

    public VerificationService(VerifierRegistry registry, VerifyContext context, Options options) {
        if (options.concurrency() < 1) {
            throw new IllegalArgumentException("verification concurrency must be 1 or more");
        }
        this.registry = registry;
        this.context = context;
        this.options = options;
        this.rateLimit = new IssuerRateLimit(options.perIssuerPerSecond());
        this.workers = Executors.newFixedThreadPool(options.concurrency(), daemon("sprawl-verify"));
        this.calls = Executors.newCachedThreadPool(daemon("sprawl-verify-call"));
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** These findings, in the same order, each with {@value #PROPERTY} and {@value #DETAIL_PROPERTY} set. */
    public List<Finding> verifyAll(List<Finding> findings, IntConsumer progress) throws InterruptedException {
        List<CompletableFuture<Verification>> pending = new ArrayList<>();
        for (Finding f : findings) {
            pending.add(submit(Credential.of(f), f.secretHash()));
        }
        List<Finding> out = new ArrayList<>(findings.size());
        for (int i = 0; i < findings.size(); i++) {
            Verification v = await(pending.get(i));
            out.add(withVerification(findings.get(i), v));
            progress.accept(i + 1);
        }
        return out;
    }

    /** One credential's verification, shared with every other finding of the same credential. */
    public Verification verify(Credential credential, String secretHash) throws InterruptedException {
        return await(submit(credential, secretHash));
    }

    /** Distinct checks made (or under way) so far. */
    public int distinctChecks() {
        return cache.size();
    }

    public static Finding withVerification(Finding finding, Verification v) {
        Map<String, String> props = new LinkedHashMap<>(finding.properties());
        props.put(PROPERTY, v.status().label());
        if (!v.detail().isEmpty()) {
            props.put(DETAIL_PROPERTY, v.detail());
        } else {
            props.remove(DETAIL_PROPERTY);
        }
        return finding.withProperties(props);
    }

    private CompletableFuture<Verification> submit(Credential credential, String secretHash) {
        Verifier verifier = registry.forCredential(credential).orElse(null);
        if (verifier == null) {
            return CompletableFuture.completedFuture(Verification.unknown(registry.whyNotVerified(credential.issuer())));
        }
        String key = credential.issuer() + "|" + credential.ruleId() + "|" + secretHash + "|" + sha256(safeScope(verifier, credential));
        return cache.computeIfAbsent(key, k -> CompletableFuture.supplyAsync(() -> call(verifier, credential), workers));
    }

    private static String safeScope(Verifier verifier, Credential credential) {
        try {
            return verifier.scope(credential);
        } catch (RuntimeException e) {
            return "";
        }
    }

    private Verification call(Verifier verifier, Credential credential) {
        try {
            rateLimit.acquire(credential.issuer());
            Future<Verification> call = calls.submit(() -> verifier.verify(credential, context));
            try {
                Verification v = call.get(options.timeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
                return v == null ? Verification.unknown("the verifier gave no answer") : withoutSecret(v, credential);
            } catch (TimeoutException e) {
                call.cancel(true);
                return Verification.unknown("no answer within " + options.timeout().toSeconds() + " s");
            } catch (ExecutionException e) {
                return Verification.unknown(reason(e.getCause()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Verification.unknown("interrupted");
        }
    }

    /**
     * The answer with its detail withheld when it would show the credential or a run of 8 of its characters:
     * a user, host or account name an issuer echoes back can be the password itself ({@code postgres/postgres}).
     */
    static Verification withoutSecret(Verification v, Credential credential) {
        String value = credential.secret().reveal().toLowerCase(java.util.Locale.ROOT);
        String detail = v.detail().toLowerCase(java.util.Locale.ROOT);
        boolean shows = !value.isEmpty() && detail.contains(value);
        for (int i = 0; !shows && i + SHOWN_RUN <= value.length(); i++) {
            shows = detail.contains(value.substring(i, i + SHOWN_RUN));
        }
        return shows ? new Verification(v.status(), "(detail withheld: it would show part of the credential)") : v;
    }

    /** The kind of failure only: exception messages of drivers and clients can quote what they were given. */
    static String reason(Throwable t) {
        if (t instanceof Http.ForbiddenHostException) {
            return "refused: the check tried to reach a host other than the issuer's";
        }
        return NetworkFailures.reason(t).orElse("check failed (" + t.getClass().getSimpleName() + ")");
    }

    private static Verification await(CompletableFuture<Verification> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            return Verification.unknown(reason(e.getCause()));
        }
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
        calls.shutdownNow();
    }
}
