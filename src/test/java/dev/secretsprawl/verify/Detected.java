package dev.secretsprawl.verify;

import dev.secretsprawl.rules.RuleLoader;
import dev.secretsprawl.rules.RulePack;
import dev.secretsprawl.scan.Detector;
import dev.secretsprawl.scan.Finding;
import dev.secretsprawl.scan.Fragment;
import dev.secretsprawl.scan.SecretHasher;

import java.util.List;

/**
 * Credentials as the scanner really hands them to verifiers: detected by the bundled rule pack in a file's
 * text, with the lines around them. Tests build verifier input this way so the rule, its issuer and the
 * context a verifier parses are the real ones.
 */
public final class Detected {
    private static final RulePack RULES = RuleLoader.bundled();
    private static final Detector DETECTOR = new Detector(RULES, new SecretHasher("test-key"));

    private Detected() {
    }

    /** Every finding in this file text. */
    public static List<Finding> findings(String path, String text) {
        return DETECTOR.detect(Fragment.of(text, path));
    }

    /** The one finding of this rule in this file text; fails when there is none or several. */
    public static Finding finding(String path, String text, String ruleId) {
        List<Finding> matches = findings(path, text).stream().filter(f -> f.ruleId().equals(ruleId)).toList();
        if (matches.size() != 1) {
            throw new AssertionError("expected one " + ruleId + " finding in " + path + ", got " + matches.size()
                    + " (rules that matched: " + findings(path, text).stream().map(Finding::ruleId).toList() + ")");
        }
        return matches.get(0);
    }

    /** The credential a verifier gets for the one finding of this rule. */
    public static Credential credential(String path, String text, String ruleId) {
        return Credential.of(finding(path, text, ruleId));
    }
}
