package dev.secretsprawl.scan;

import java.util.Map;

/**
 * Another place a finding's secret was introduced under the same fingerprint: in history, the same
 * secret added on a second branch or added again after being removed.
 */
public record Occurrence(Location location, Map<String, String> properties) {
    public Occurrence {
        properties = properties == null ? Map.of() : Map.copyOf(properties);
    }
}
