package dev.scimkit.filter.eval;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes SCIMMY's object form of a filter ({@code {"userName": ["eq", "x"]}}: keys joined by and, arrays
 * of objects joined by or, {@code ["not", op, value]} negated) as RFC filter text, so the match vectors
 * run through the real parser.
 */
final class ScimmyExpressions {

    private ScimmyExpressions() {
    }

    static String toFilter(JsonNode expression) {
        if (expression.isArray()) {
            List<String> alternatives = new ArrayList<>();
            expression.forEach(e -> alternatives.add("(" + toFilter(e) + ")"));
            return String.join(" or ", alternatives);
        }
        return String.join(" and ", conjuncts("", expression));
    }

    private static List<String> conjuncts(String prefix, JsonNode object) {
        List<String> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String path = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            JsonNode v = e.getValue();
            if (v.isObject()) {
                out.addAll(conjuncts(path, v));
            } else if (v.size() > 0 && v.get(0).isObject()) {
                // SCIMMY's "attr[filter] op": written out as such, and skipped by the test as not RFC
                out.add(path + "[" + String.join(" and ", conjuncts("", v.get(0))) + "] " + v.get(1).get(0).textValue());
            } else if (v.size() > 0 && v.get(0).isArray()) {
                v.forEach(c -> out.add(condition(path, c)));
            } else {
                out.add(condition(path, v));
            }
        }
        return out;
    }

    private static String condition(String path, JsonNode c) {
        if (c.get(0).textValue().equalsIgnoreCase("not")) {
            List<JsonNode> rest = new ArrayList<>();
            for (int i = 1; i < c.size(); i++) {
                rest.add(c.get(i));
            }
            return "not (" + simple(path, rest) + ")";
        }
        List<JsonNode> all = new ArrayList<>();
        c.forEach(all::add);
        return simple(path, all);
    }

    private static String simple(String path, List<JsonNode> opAndValue) {
        String op = opAndValue.get(0).textValue();
        return opAndValue.size() == 1 ? path + " " + op : path + " " + op + " " + opAndValue.get(1).toString();
    }
}
