package dev.secretsprawl.scan;

import com.google.re2j.Matcher;
import dev.secretsprawl.rules.Rule;
import dev.secretsprawl.rules.RulePack;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The detection pipeline for one fragment: decoders → keyword prefilter → re2j rules → filters →
 * findings. Thread-safe; build one per rule pack and share it.
 */
public final class Detector {
    /** Decoded text is decoded again at most this many times (base64 inside base64, escapes inside base64). */
    private static final int MAX_DECODE_DEPTH = 2;
    /**
     * An anchored match is tried on at most this many characters from its keyword: re2j scans the whole
     * input even when anchored, so a keyword-dense minified line would otherwise cost its length squared.
     */
    static final int MAX_ANCHORED_MATCH = 2048;

    private final List<CompiledRule> rules;
    private final Prefilter prefilter;
    private final List<CandidateFilter> filters;
    private final List<Decoder> decoders;
    private final SecretHasher hasher;
    private final boolean honourAnchors;
    private final Set<String> genericRuleIds;
    private final Map<String, Integer> ruleOrder = new HashMap<>();

    public Detector(RulePack pack, SecretHasher hasher) {
        this(pack, hasher, true);
    }

    /** {@code honourAnchors = false} runs anchored rules like any other (tests compare both ways). */
    Detector(RulePack pack, SecretHasher hasher, boolean honourAnchors) {
        this.honourAnchors = honourAnchors;
        this.rules = pack.rules().stream().map(CompiledRule::of).toList();
        this.prefilter = new Prefilter(pack.rules().stream().map(Rule::keywords).toList());
        List<CandidateFilter> all = new ArrayList<>(RuleFilters.all());
        all.add(new PlaceholderFilter());
        all.add(new GenericValueFilter());
        this.filters = List.copyOf(all);
        this.decoders = List.of(new Base64Decoder(), new UrlDecoder(), new EscapeDecoder());
        this.hasher = hasher;
        for (int i = 0; i < pack.rules().size(); i++) {
            ruleOrder.put(pack.rules().get(i).id(), i);
        }
        this.genericRuleIds = pack.rules().stream().filter(Rule::generic).map(Rule::id)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** All findings in the fragment, ordered by position, one per rule and secret and line. */
    public List<Finding> detect(Fragment fragment) {
        String text = fragment.text();
        LazyLines lines = new LazyLines(text);
        List<Hit> hits = new ArrayList<>();
        int reportFrom = offsetOfLine(text, fragment.reportFromLine() - fragment.firstLine());
        scan(text, fragment, lines, null, null, reportFrom, hits);
        decodeAndScan(text, fragment, lines, 0, null, reportFrom, hits);
        return deduplicate(hits);
    }

    /**
     * Where the fragment's reported part starts: single-line rules and decoders skip the context lines
     * before it, whose findings would be dropped anyway; rules spanning lines still read them.
     */
    private static int offsetOfLine(String text, int lineIndex) {
        int offset = 0;
        for (int i = 0; i < lineIndex && offset >= 0; i++) {
            int nl = text.indexOf('\n', offset);
            offset = nl < 0 ? text.length() : nl + 1;
        }
        return offset;
    }

    /** A finding plus the span of the fragment's own text it came from (the encoded span for decoded ones). */
    private record Hit(Finding finding, int spanStart, int spanEnd) {
    }

    private void decodeAndScan(String text, Fragment fragment, LazyLines sourceLines, int depth, DecodedText outer,
                               int reportFrom, List<Hit> hits) {
        if (depth >= MAX_DECODE_DEPTH) {
            return;
        }
        for (Decoder decoder : decoders) {
            for (DecodedText decoded : decoder.decode(text)) {
                DecodedText span = outer != null ? outer : decoded;
                if (span.sourceEnd() <= reportFrom) {
                    continue; // decoded from context lines only
                }
                scan(decoded.text(), fragment, sourceLines, span, decoder.name(), 0, hits);
                decodeAndScan(decoded.text(), fragment, sourceLines, depth + 1, span, 0, hits);
            }
        }
    }

    /**
     * Runs the rules over {@code text}. When {@code span} is set the text was decoded from that span of
     * the fragment, and every finding is reported at the span's start.
     */
    private void scan(String text, Fragment fragment, LazyLines sourceLines, DecodedText span, String decodedFrom,
                      int reportFrom, List<Hit> hits) {
        Prefilter.Hits keywordHits = prefilter.hits(text);
        BitSet candidates = keywordHits.rules;
        if (candidates.isEmpty()) {
            return;
        }
        LazyLines lines = span == null ? sourceLines : new LazyLines(text);
        for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
            CompiledRule rule = rules.get(i);
            if (!rule.appliesTo(fragment.path())) {
                continue;
            }
            int[] keywordStarts = rule.rule().multiline() ? null : keywordHits.of(i);
            if (keywordStarts == null) {
                if (rule.requiredPresent(text, 0, text.length())) {
                    match(rule, text, 0, text.length(), fragment, lines, sourceLines, span, decodedFrom, hits);
                }
                continue;
            }
            Arrays.sort(keywordStarts);
            if (reportFrom > 0) {
                keywordStarts = from(keywordStarts, text.lastIndexOf('\n', reportFrom - 1) + 1);
            }
            if (rule.rule().anchored() && honourAnchors) {
                matchAtKeywords(rule, text, keywordStarts, fragment, lines, sourceLines, span, decodedFrom, hits);
                continue;
            }
            // single-line rules run only on the lines holding one of their keywords
            int windowEnd = -1;
            for (int start : keywordStarts) {
                if (start < windowEnd) {
                    continue;
                }
                int lineStart = text.lastIndexOf('\n', start) + 1;
                int lineEnd = text.indexOf('\n', start);
                windowEnd = lineEnd < 0 ? text.length() : lineEnd;
                if (rule.requiredPresent(text, lineStart, windowEnd)) {
                    match(rule, text, lineStart, windowEnd, fragment, lines, sourceLines, span, decodedFrom, hits);
                }
            }
        }
    }

    /** The sorted offsets at or after {@code min}. */
    private static int[] from(int[] sorted, int min) {
        int i = 0;
        while (i < sorted.length && sorted[i] < min) {
            i++;
        }
        return i == 0 ? sorted : Arrays.copyOfRange(sorted, i, sorted.length);
    }

    /**
     * An anchored rule's matches start where its keywords start, so the regex is tried only there
     * ({@code lookingAt}): the cost is the length of each attempt, not of the line.
     */
    private void matchAtKeywords(CompiledRule rule, String text, int[] keywordStarts, Fragment fragment, LazyLines lines,
                                 LazyLines sourceLines, DecodedText span, String decodedFrom, List<Hit> hits) {
        int matchedUpTo = -1;
        for (int start : keywordStarts) {
            if (start < matchedUpTo || !rule.prefixHolds(text, start) || !rule.boundaryHolds(text, start)) {
                continue;
            }
            int lineEnd = text.indexOf('\n', start);
            int end = Math.min(lineEnd < 0 ? text.length() : lineEnd, start + MAX_ANCHORED_MATCH);
            if (!rule.requiredPresent(text, start, end)) {
                continue;
            }
            Matcher m = rule.pattern().matcher(text.substring(start, end));
            if (m.lookingAt()) {
                accept(rule, text, start, m, fragment, lines, sourceLines, span, decodedFrom, hits);
                matchedUpTo = start + m.end();
            }
        }
    }

    /** Runs one rule over {@code text[from, to)} and keeps the matches no filter rejects. */
    private void match(CompiledRule rule, String text, int from, int to, Fragment fragment, LazyLines lines,
                       LazyLines sourceLines, DecodedText span, String decodedFrom, List<Hit> hits) {
        String window = from == 0 && to == text.length() ? text : text.substring(from, to);
        Matcher m = rule.pattern().matcher(window);
        int searchFrom = 0;
        while (searchFrom <= window.length() && m.find(searchFrom)) {
            if (!rule.boundaryHolds(window, m.start())) {
                searchFrom = m.start() + 1;
                continue;
            }
            searchFrom = m.end() > m.start() ? m.end() : m.end() + 1;
            accept(rule, text, from, m, fragment, lines, sourceLines, span, decodedFrom, hits);
        }
    }

    /** Turns the current match of {@code m} (on text offset by {@code from}) into a hit, unless a filter rejects it. */
    private void accept(CompiledRule rule, String text, int from, Matcher m, Fragment fragment, LazyLines lines,
                        LazyLines sourceLines, DecodedText span, String decodedFrom, List<Hit> hits) {
        int group = rule.rule().secretGroup();
        if (m.start(group) < 0 || m.end(group) == m.start(group)) {
            return;
        }
        int start = from + m.start(group);
        int end = from + m.end(group);
        String secret = text.substring(start, end);
        boolean quoted = start > 0 && "\"'`".indexOf(text.charAt(start - 1)) >= 0;
        Candidate candidate = new Candidate(rule, secret, keyBefore(text, from + m.start()) + text.substring(from + m.start(), start),
                quoted, fragment.path());
        if (filters.stream().noneMatch(f -> f.rejects(candidate))) {
            int at = span == null ? start : span.sourceStart();
            int atEnd = span == null ? end : span.sourceEnd();
            Finding finding = toFinding(rule.rule(), fragment, sourceLines, at, atEnd, secret, decodedFrom);
            hits.add(span == null ? new Hit(finding, start, end) : new Hit(finding, span.sourceStart(), span.sourceEnd()));
        }
    }

    /**
     * The identifier characters right before a match: rules match from the credential word on
     * ({@code token = ...}), and filters need the whole key ({@code csrf_token}, {@code public_key}).
     */
    private static String keyBefore(String text, int matchStart) {
        int i = matchStart;
        while (i > 0 && matchStart - i < 64) {
            char c = text.charAt(i - 1);
            if (c == ':' && i > 1 && text.charAt(i - 2) == ':') {
                i -= 2;      // the double colon of a namespaced name (AWS::SecretsManager::Secret)
            } else if (isKeyChar(c)) {
                i--;
            } else {
                break;
            }
        }
        return text.substring(i, matchStart);
    }

    private static boolean isKeyChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || c == '$';
    }

    private Finding toFinding(Rule rule, Fragment fragment, LazyLines lines, int start, int end, String value,
                              String decodedFrom) {
        Secret secret = new Secret(value);
        String hash = hasher.hash(secret);
        int startLine = lines.lineOf(start);
        int endLine = lines.lineOf(Math.max(start, end - 1));
        int startColumn = originalColumn(fragment, startLine, lines.columnOf(start));
        int endColumn = end == start ? startColumn : originalColumn(fragment, endLine, lines.columnOf(end - 1)) + 1;
        Location location = new Location(fragment.path(), fragment.firstLine() + startLine, startColumn,
                fragment.firstLine() + endLine, endColumn);
        return new Finding(rule.id(), rule.description(), rule.severity(), rule.issuer(), location, secret, hash,
                Fingerprint.of(rule.id(), fragment.path(), hash), decodedFrom, fragment.properties(), List.of(),
                context(lines, startLine, endLine));
    }

    /** The lines around a secret, bounded, where verifiers find its host, user or key id. */
    private static Secret context(LazyLines lines, int startLine, int endLine) {
        String text = lines.text;
        int from = lines.lineStart(Math.max(0, startLine - CONTEXT_LINES));
        int to = lines.lineEnd(Math.min(lines.lineCount() - 1, endLine + CONTEXT_LINES), text.length());
        int start = lines.lineStart(startLine);
        int end = lines.lineEnd(endLine, text.length());
        from = Math.max(from, start - CONTEXT_CHARS);
        to = Math.min(to, end + CONTEXT_CHARS);
        return new Secret(text.substring(from, Math.max(from, to)));
    }

    private static int originalColumn(Fragment fragment, int lineIndex, int column) {
        return fragment.columns() == null ? column : fragment.columns().original(lineIndex, column);
    }

    /**
     * One finding per rule, value and line. Between a plain match and a decoded one over the same text:
     * <ul>
     *   <li>under the same rule, a value decoded (base64, escapes) from a span holding the plain secret
     *       replaces it: the decoded value is the credential;</li>
     *   <li>under another rule, a value decoded from exactly the plain secret's text adds nothing when the
     *       plain rule is issuer-specific (it knows the credential is a kubeconfig client key, not just "a
     *       private key") and replaces it when the plain rule is generic;</li>
     *   <li>a value decoded from a piece of a plain secret (a JWT's base64 header) adds nothing;</li>
     *   <li>URL-decoding never overrides a plain match of the same rule: a percent-encoded URI password
     *       is parsed right only in its encoded form.</li>
     * </ul>
     * An issuer-specific rule wins over a generic rule whose value overlaps it on the same line.
     */
    private List<Finding> deduplicate(List<Hit> hits) {
        List<Hit> plain = hits.stream().filter(h -> h.finding().decodedFrom() == null).toList();
        Map<Integer, List<Hit>> plainByLine = byLine(plain);
        List<Hit> decoded = hits.stream().filter(h -> h.finding().decodedFrom() != null)
                .filter(d -> plainByLine.getOrDefault(d.finding().location().startLine(), List.of()).stream()
                        .noneMatch(p -> inside(d, p) || urlShadowed(d, p)
                                || (sameSpan(d, p) && !sameRule(d, p) && !isGeneric(p.finding()))))
                .toList();
        Map<Integer, List<Hit>> decodedByLine = byLine(decoded);
        Map<String, Finding> unique = new LinkedHashMap<>();
        for (Hit p : plain) {
            List<Hit> sameLine = decodedByLine.getOrDefault(p.finding().location().startLine(), List.of());
            boolean replaced = sameLine.stream().anyMatch(d -> !sameValue(d, p)
                    && ((sameRule(d, p) && (sameSpan(d, p) || contains(d, p))) || (sameSpan(d, p) && isGeneric(p.finding())))
                    // a decoded span that holds this very value again did not encode it (two tokens on one JSON line)
                    && sameLine.stream().noneMatch(other -> sameSpan(other, d) && sameValue(other, p)));
            if (!replaced) {
                unique.putIfAbsent(key(p.finding()), p.finding());
            }
        }
        for (Hit d : decoded) {
            unique.putIfAbsent(key(d.finding()), d.finding());
        }
        Map<Integer, List<Finding>> specificByLine = new HashMap<>();
        unique.values().stream().filter(f -> !isGeneric(f))
                .forEach(f -> specificByLine.computeIfAbsent(f.location().startLine(), l -> new ArrayList<>()).add(f));
        List<Finding> kept = new ArrayList<>();
        Set<String> valuesPerLine = new HashSet<>();
        for (Finding f : byRuleOrder(unique.values())) {
            if (isGeneric(f) && specificByLine.getOrDefault(f.location().startLine(), List.of()).stream()
                    .anyMatch(o -> overlaps(o, f))) {
                continue;
            }
            // one value on one line is one finding, even when two issuer rules describe it
            if (valuesPerLine.add(f.location().startLine() + "@" + f.secretHash())) {
                kept.add(f);
            }
        }
        kept.sort(Comparator.comparingInt((Finding f) -> f.location().startLine())
                .thenComparingInt(f -> f.location().startColumn())
                .thenComparing(Finding::ruleId));
        return kept;
    }

    /** Line offsets are computed only when a fragment has a match: most fragments have none. */
    /** Lines on each side of a finding kept for verification, and a bound on their size. */
    private static final int CONTEXT_LINES = 12;
    private static final int CONTEXT_CHARS = 2048;

    private static final class LazyLines {
        private final String text;
        private LineIndex index;

        LazyLines(String text) {
            this.text = text;
        }

        private LineIndex index() {
            if (index == null) {
                index = new LineIndex(text);
            }
            return index;
        }

        int lineOf(int offset) {
            return index().lineOf(offset);
        }

        int columnOf(int offset) {
            return index().columnOf(offset);
        }

        int lineStart(int line) {
            return index().lineStart(line);
        }

        int lineEnd(int line, int length) {
            return index().lineEnd(line, length);
        }

        int lineCount() {
            return index().lineCount();
        }
    }

    /** Earlier rules in the pack win ties, so the outcome does not depend on match order. */
    private List<Finding> byRuleOrder(Collection<Finding> findings) {
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(Comparator.comparingInt(f -> ruleOrder.getOrDefault(f.ruleId(), Integer.MAX_VALUE)));
        return sorted;
    }

    private static Map<Integer, List<Hit>> byLine(List<Hit> hits) {
        Map<Integer, List<Hit>> byLine = new HashMap<>();
        hits.forEach(h -> byLine.computeIfAbsent(h.finding().location().startLine(), l -> new ArrayList<>()).add(h));
        return byLine;
    }

    private static String key(Finding f) {
        return f.ruleId() + "@" + f.location().startLine() + "@" + f.secretHash();
    }

    private static boolean sameRule(Hit a, Hit b) {
        return a.finding().ruleId().equals(b.finding().ruleId());
    }

    private static boolean sameValue(Hit a, Hit b) {
        return a.finding().secretHash().equals(b.finding().secretHash());
    }

    /** The decoded span is the plain secret's own text (allowing for base64 padding outside the match). */
    private static boolean sameSpan(Hit decoded, Hit plain) {
        return Math.abs(decoded.spanStart() - plain.spanStart()) <= 2 && Math.abs(decoded.spanEnd() - plain.spanEnd()) <= 2;
    }

    private static boolean contains(Hit outer, Hit inner) {
        return outer.spanStart() <= inner.spanStart() && inner.spanEnd() <= outer.spanEnd();
    }

    /** The decoded text came from strictly inside a plain secret. */
    private static boolean inside(Hit decoded, Hit plain) {
        return contains(plain, decoded) && !sameSpan(decoded, plain);
    }

    private static boolean urlShadowed(Hit decoded, Hit plain) {
        return "url".equals(decoded.finding().decodedFrom()) && sameRule(decoded, plain)
                && decoded.spanStart() < plain.spanEnd() && plain.spanStart() < decoded.spanEnd();
    }

    private boolean isGeneric(Finding f) {
        return genericRuleIds.contains(f.ruleId());
    }

    /** On one line, one value contains the other (a generic match usually wraps the specific token). */
    private static boolean overlaps(Finding specific, Finding generic) {
        String a = specific.secret().reveal();
        String b = generic.secret().reveal();
        return a.contains(b) || b.contains(a);
    }
}
