package dev.secretsprawl.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The rules one scan runs, in a stable order, with unique ids. */
public record RulePack(List<Rule> rules) {

    public RulePack {
        Map<String, Rule> byId = new LinkedHashMap<>();
        for (Rule rule : rules) {
            Rule previous = byId.putIfAbsent(rule.id(), rule);
            if (previous != null) {
                throw new InvalidRuleException(rule.source(), rule.id(),
                        "duplicate rule id (also defined in " + previous.source() + ")");
            }
        }
        rules = List.copyOf(rules);
    }

    public Optional<Rule> find(String id) {
        return rules.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** This pack plus {@code extra}; an extra rule with an existing id is an error, not an override. */
    public RulePack plus(List<Rule> extra) {
        List<Rule> all = new ArrayList<>(rules);
        all.addAll(extra);
        return new RulePack(all);
    }
}
