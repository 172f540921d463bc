package dev.secretsprawl.scan;

import com.google.re2j.Matcher;
import dev.secretsprawl.rules.Rule;
import dev.secretsprawl.rules.RulePack;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The detection pipeline for one fragment: decoders → keyword prefilter → re2j rules → filters →
 * findings. Thread-safe; build one per rule pack and share it.
 */
public final class Detector {
    /** Decoded text is decoded again at most this many times (base64 inside base64, escapes inside base64). */
    private static final int MAX_DECODE_DEPTH = 2;

    private final List<CompiledRule> rules;
    private final Prefilter prefilter;
    private final List<CandidateFilter> filters;
    private final List<Decoder> decoders;
    private final SecretHasher hasher;
    private final java.util.Set<String> genericRuleIds;

    public Detector(RulePack pack, SecretHasher hasher) {
        this.rules = pack.rules().stream().map(CompiledRule::of).toList();
        this.prefilter = new Prefilter(pack.rules().stream().map(Rule::keywords).toList());
        List<CandidateFilter> all = new ArrayList<>(RuleFilters.all());
        all.add(new PlaceholderFilter());
        all.add(new GenericValueFilter());
        this.filters = List.copyOf(all);
        this.decoders = List.of(new Base64Decoder(), new UrlDecoder(), new EscapeDecoder());
        this.hasher = hasher;
        this.genericRuleIds = pack.rules().stream().filter(Rule::generic).map(Rule::id)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    public int ruleCount() {
        return rules.size();
    }

    /** All findings in the fragment, ordered by position, one per rule and secret and line. */
    public List<Finding> detect(Fragment fragment) {
        String text = fragment.text();
        LineIndex lines = new LineIndex(text);
        List<Finding> findings = new ArrayList<>();
        scan(text, fragment, lines, null, null, findings);
        decodeAndScan(text, fragment, lines, 0, -1, findings);
        return deduplicate(findings);
    }

    private void decodeAndScan(String text, Fragment fragment, LineIndex sourceLines, int depth, int forcedOffset,
                               List<Finding> findings) {
        if (depth >= MAX_DECODE_DEPTH) {
            return;
        }
        for (Decoder decoder : decoders) {
            for (DecodedText decoded : decoder.decode(text)) {
                int offset = forcedOffset >= 0 ? forcedOffset : decoded.sourceStart();
                scan(decoded.text(), fragment, sourceLines, offset, decoder.name(), findings);
                decodeAndScan(decoded.text(), fragment, sourceLines, depth + 1, offset, findings);
            }
        }
    }

    /**
     * Runs the rules over {@code text}. When {@code forcedOffset} is set the text is decoded and every
     * finding is reported at that offset of the fragment's own text.
     */
    private void scan(String text, Fragment fragment, LineIndex sourceLines, Integer forcedOffset, String decodedFrom,
                      List<Finding> findings) {
        BitSet candidates = prefilter.candidates(text);
        if (candidates.isEmpty()) {
            return;
        }
        LineIndex lines = forcedOffset == null ? sourceLines : new LineIndex(text);
        for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
            CompiledRule rule = rules.get(i);
            if (!rule.appliesTo(fragment.path())) {
                continue;
            }
            Matcher m = rule.pattern().matcher(text);
            while (m.find()) {
                int group = rule.rule().secretGroup();
                if (m.start(group) < 0 || m.end(group) == m.start(group)) {
                    continue;
                }
                int start = m.start(group);
                int end = m.end(group);
                String secret = text.substring(start, end);
                int line = lines.lineOf(start);
                String lineText = text.substring(lines.lineStart(line), lines.lineEnd(line, text.length()));
                boolean quoted = start > 0 && "\"'`".indexOf(text.charAt(start - 1)) >= 0;
                Candidate candidate = new Candidate(rule, secret, text.substring(m.start(), start), quoted,
                        fragment.path(), lineText);
                if (filters.stream().noneMatch(f -> f.rejects(candidate))) {
                    int at = forcedOffset == null ? start : forcedOffset;
                    int atEnd = forcedOffset == null ? end : forcedOffset;
                    findings.add(toFinding(rule.rule(), fragment, sourceLines, at, atEnd, secret, decodedFrom));
                }
            }
        }
    }

    private Finding toFinding(Rule rule, Fragment fragment, LineIndex lines, int start, int end, String value,
                              String decodedFrom) {
        Secret secret = new Secret(value);
        String hash = hasher.hash(secret);
        int startLine = lines.lineOf(start);
        int endLine = lines.lineOf(Math.max(start, end - 1));
        Location location = new Location(fragment.path(),
                fragment.firstLine() + startLine, lines.columnOf(start),
                fragment.firstLine() + endLine, end == start ? lines.columnOf(start) : lines.columnOf(end - 1) + 1);
        return new Finding(rule.id(), rule.description(), rule.severity(), rule.issuer(), location, secret, hash,
                Fingerprint.of(rule.id(), fragment.path(), hash), decodedFrom, fragment.properties());
    }

    /**
     * One finding per rule, value and line; a plain-text finding wins over a decoded one of the same rule
     * on the same line, and an issuer-specific rule wins over a generic rule whose value overlaps it.
     */
    private List<Finding> deduplicate(List<Finding> findings) {
        Map<String, Finding> unique = new LinkedHashMap<>();
        Map<String, Boolean> plainRuleLines = new HashMap<>();
        for (Finding f : findings) {
            if (f.decodedFrom() == null) {
                plainRuleLines.put(f.ruleId() + "@" + f.location().startLine(), true);
            }
        }
        for (Finding f : findings) {
            if (f.decodedFrom() != null && plainRuleLines.containsKey(f.ruleId() + "@" + f.location().startLine())) {
                continue;
            }
            unique.putIfAbsent(f.ruleId() + "@" + f.location().startLine() + "@" + f.secretHash(), f);
        }
        List<Finding> kept = new ArrayList<>();
        for (Finding f : unique.values()) {
            if (isGeneric(f) && unique.values().stream().anyMatch(o -> !isGeneric(o) && overlaps(o, f))) {
                continue;
            }
            kept.add(f);
        }
        kept.sort(Comparator.comparingInt((Finding f) -> f.location().startLine())
                .thenComparingInt(f -> f.location().startColumn())
                .thenComparing(Finding::ruleId));
        return kept;
    }

    private boolean isGeneric(Finding f) {
        return genericRuleIds.contains(f.ruleId());
    }

    /** Same line and one value contains the other (a generic match usually wraps the specific token). */
    private static boolean overlaps(Finding specific, Finding generic) {
        if (specific.location().startLine() != generic.location().startLine()) {
            return false;
        }
        String a = specific.secret().reveal();
        String b = generic.secret().reveal();
        return a.contains(b) || b.contains(a);
    }
}
