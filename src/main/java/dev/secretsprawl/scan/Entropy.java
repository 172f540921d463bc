package dev.secretsprawl.scan;

import java.util.HashMap;
import java.util.Map;

/** Shannon entropy in bits per character. */
public final class Entropy {
    private Entropy() {
    }

    public static double shannon(CharSequence s) {
        if (s.length() == 0) {
            return 0;
        }
        Map<Character, Integer> counts = new HashMap<>();
        for (int i = 0; i < s.length(); i++) {
            counts.merge(s.charAt(i), 1, Integer::sum);
        }
        double entropy = 0;
        for (int count : counts.values()) {
            double p = (double) count / s.length();
            entropy -= p * (Math.log(p) / Math.log(2));
        }
        return entropy;
    }
}
