package dev.scimkit.filter.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimkit.filter.ast.AttributePath;
import dev.scimkit.filter.ast.Filter;
import dev.scimkit.filter.ast.Literal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Compares a parsed filter with the tree SCIMMY expects for it. SCIMMY's tree is a disjunctive normal
 * form: an array of alternatives, each an object of conditions joined by and ({@code {"userName":
 * ["eq", "x"]}}, several conditions on one attribute as an array of arrays, sub-attributes as nested
 * objects, a negated condition as {@code ["not", op, value]}). Both sides are brought to a list of
 * alternatives, each a sorted list of conditions {@code path op value} (names lower-cased, numbers
 * normalised), and compared as such. Our side follows RFC 7644 (De Morgan for a not over and/or), so a
 * vector where SCIMMY does otherwise differs, and the test lists it with its reason.
 */
final class ScimmyTrees {

    private ScimmyTrees() {
    }

    /** The alternatives of SCIMMY's expected tree. */
    static List<List<String>> expected(JsonNode target) {
        List<List<String>> out = new ArrayList<>();
        for (JsonNode alternative : target) {
            List<String> conditions = new ArrayList<>();
            collect("", alternative, conditions);
            out.add(sorted(conditions));
        }
        return sortedAlternatives(out);
    }

    private static void collect(String prefix, JsonNode object, List<String> out) {
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String path = (prefix.isEmpty() ? "" : prefix + ".") + e.getKey().toLowerCase(Locale.ROOT);
            JsonNode v = e.getValue();
            if (v.isObject()) {
                collect(path, v, out);
            } else if (v.size() > 0 && v.get(0).isArray()) {
                v.forEach(c -> out.add(condition(path, c)));
            } else if (v.size() > 0 && v.get(0).isObject()) {
                out.add(path + "[...] " + v.get(1)); // SCIMMY's "attr[filter] op", no RFC filter
            } else {
                out.add(condition(path, v));
            }
        }
    }

    /** {@code ["eq", v]}, {@code ["pr"]}, {@code ["not", "eq", v]}: operators lower-cased, values as JSON. */
    private static String condition(String path, JsonNode c) {
        StringBuilder s = new StringBuilder(path);
        int operators = c.get(0).textValue().equalsIgnoreCase("not") ? 2 : 1;
        for (int i = 0; i < c.size(); i++) {
            s.append(' ').append(i < operators ? c.get(i).textValue().toLowerCase(Locale.ROOT) : value(c.get(i)));
        }
        return s.toString();
    }

    private static String value(JsonNode v) {
        if (v.isNumber()) {
            return number(v.decimalValue());
        }
        return v.toString();
    }

    private static String number(BigDecimal n) {
        return n.signum() == 0 ? "0" : n.stripTrailingZeros().toPlainString();
    }

    /** The alternatives of our AST, under RFC 7644's meaning. */
    static List<List<String>> actual(Filter filter) {
        List<List<String>> out = new ArrayList<>();
        for (List<String> alternative : dnf(filter, false, "")) {
            out.add(sorted(alternative));
        }
        return sortedAlternatives(out);
    }

    private static List<List<String>> dnf(Filter f, boolean negated, String prefix) {
        if (f instanceof Filter.Not not) {
            return dnf(not.inner(), !negated, prefix);
        }
        if (f instanceof Filter.And and) {
            return negated ? union(dnf(and.left(), true, prefix), dnf(and.right(), true, prefix))
                    : product(dnf(and.left(), false, prefix), dnf(and.right(), false, prefix));
        }
        if (f instanceof Filter.Or or) {
            return negated ? product(dnf(or.left(), true, prefix), dnf(or.right(), true, prefix))
                    : union(dnf(or.left(), false, prefix), dnf(or.right(), false, prefix));
        }
        if (f instanceof Filter.ValuePath vp) {
            String inner = path(prefix, vp.path());
            if (negated) {
                // not attr[...]: no element passes; SCIMMY has no form for it
                return List.of(List.of("not " + inner + "[" + actual(vp.filter()) + "]"));
            }
            return dnf(vp.filter(), false, inner);
        }
        String condition;
        if (f instanceof Filter.Comparison c) {
            condition = path(prefix, c.path()) + (negated ? " not " : " ") + c.operator().name().toLowerCase(Locale.ROOT)
                    + " " + literal(c.value());
        } else {
            condition = path(prefix, ((Filter.Present) f).path()) + (negated ? " not pr" : " pr");
        }
        List<List<String>> out = new ArrayList<>();
        out.add(List.of(condition));
        return out;
    }

    private static String path(String prefix, AttributePath p) {
        String own = p.attribute().toLowerCase(Locale.ROOT) + p.subAttribute().map(s -> "." + s.toLowerCase(Locale.ROOT)).orElse("");
        return prefix.isEmpty() ? own : prefix + "." + own;
    }

    private static String literal(Literal l) {
        if (l instanceof Literal.StringLiteral s) {
            return com.fasterxml.jackson.databind.node.TextNode.valueOf(s.value()).toString();
        }
        if (l instanceof Literal.NumberLiteral n) {
            return number(n.value());
        }
        if (l instanceof Literal.BooleanLiteral b) {
            return Boolean.toString(b.value());
        }
        return "null";
    }

    private static List<List<String>> union(List<List<String>> a, List<List<String>> b) {
        List<List<String>> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static List<List<String>> product(List<List<String>> a, List<List<String>> b) {
        List<List<String>> out = new ArrayList<>();
        for (List<String> x : a) {
            for (List<String> y : b) {
                List<String> both = new ArrayList<>(x);
                both.addAll(y);
                out.add(both);
            }
        }
        return out;
    }

    private static List<String> sorted(List<String> conditions) {
        return conditions.stream().sorted().toList();
    }

    private static List<List<String>> sortedAlternatives(List<List<String>> alternatives) {
        return alternatives.stream().sorted(java.util.Comparator.comparing(Object::toString)).toList();
    }
}
