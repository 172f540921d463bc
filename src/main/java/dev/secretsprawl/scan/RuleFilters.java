package dev.secretsprawl.scan;

import java.util.List;
import java.util.Locale;

/** Filters a rule asks for itself: entropy, its allowlist, its issuer checksum. */
final class RuleFilters {
    private RuleFilters() {
    }

    static List<CandidateFilter> all() {
        return List.of(ENTROPY, ALLOWLIST, CHECKSUM);
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
