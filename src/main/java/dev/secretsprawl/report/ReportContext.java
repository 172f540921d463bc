package dev.secretsprawl.report;

import dev.secretsprawl.rules.RulePack;

/**
 * What every report needs besides the result.
 *
 * @param redact when true, reports show no characters of a secret at all, not even the preview
 */
public record ReportContext(String toolName, String toolVersion, RulePack rules, boolean redact) {
    public static final String TOOL = "secret-sprawl";
    public static final String INFORMATION_URI = "https://github.com/secret-sprawl/secret-sprawl";
}
