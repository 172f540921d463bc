package dev.secretsprawl.migrate.rewrite;

/**
 * How a rewriter changes one spot: {@code text[start, end)} becomes {@code replacement}, or, when
 * {@code refusal} is set, nothing changes and the refusal says why (never quoting the value).
 */
record Edit(int start, int end, String replacement, String refusal) {
    static Edit replace(int start, int end, String replacement) {
        return new Edit(start, end, replacement, null);
    }

    static Edit refuse(String reason) {
        return new Edit(-1, -1, null, reason);
    }

    boolean refused() {
        return refusal != null;
    }
}
