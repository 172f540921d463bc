package dev.secretsprawl.rules;

/** A rule file that cannot be used; the message names the file, the rule and what to fix. */
public class InvalidRuleException extends RuntimeException {
    public InvalidRuleException(String source, String ruleId, String problem) {
        super(source + (ruleId == null ? "" : " [" + ruleId + "]") + ": " + problem);
    }

    public InvalidRuleException(String source, String problem, Throwable cause) {
        super(source + ": " + problem, cause);
    }
}
