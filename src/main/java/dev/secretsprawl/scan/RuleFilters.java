package dev.secretsprawl.scan;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

import java.util.List;
import java.util.Locale;

/** Filters a rule asks for itself: entropy, its allowlist, its issuer checksum. */
final class RuleFilters {
    private RuleFilters() {
    }

    static List<CandidateFilter> all() {
        return List.of(ENTROPY, ALLOWLIST, CHECKSUM, KEY_NAME);
    }

    static final CandidateFilter ENTROPY = new CandidateFilter() {
        public String name() {
            return "entropy";
        }

        public boolean rejects(Candidate c) {
            Double min = c.rule().rule().entropy();
            return min != null && Entropy.shannon(c.secret()) < min;
        }
    };

    static final CandidateFilter ALLOWLIST = new CandidateFilter() {
        public String name() {
            return "rule-allowlist";
        }

        public boolean rejects(Candidate c) {
            String lower = c.secret().toLowerCase(Locale.ROOT);
            return c.rule().stopwords().stream().anyMatch(lower::contains)
                    || c.rule().allowRegexes().stream().anyMatch(p -> p.matcher(c.secret()).find());
        }
    };

    /** The key name: the identifier the match starts in ({@code db.api_key} of {@code db.api_key = "..."}). A
     * single colon ends it (YAML {@code password:}); a double colon belongs to it ({@code AWS::X::Secret}). */
    private static final Pattern KEY = Pattern.compile("^(?:[A-Za-z0-9_.$-]|::)+");

    static final CandidateFilter KEY_NAME = new CandidateFilter() {
        public String name() {
            return "key-name";
        }

        public boolean rejects(Candidate c) {
            if (c.rule().keyName() == null) {
                return false;
            }
            Matcher key = KEY.matcher(c.before());
            return !key.find() || !c.rule().keyName().matcher(key.group()).find();
        }
    };

    static final CandidateFilter CHECKSUM = new CandidateFilter() {
        public String name() {
            return "checksum";
        }

        public boolean rejects(Candidate c) {
            String checksum = c.rule().rule().checksum();
            return checksum != null && !Checksums.valid(checksum, c.secret());
        }
    };
}
