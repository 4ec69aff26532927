package dev.scimkit.filter.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimkit.core.json.ScimJson;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The values a resolved path selects in a container, asked "does any of them pass this test?" without
 * collecting them: the member names (extension URN, attribute, sub-attribute, and for a complex
 * attribute compared directly its {@code value} sub-attribute) are fixed once when the filter is
 * compiled, arrays are flattened on the way down and nulls skipped, exactly as
 * {@link ResolvedPath#select} does.
 */
final class ValueSelector {

    private final String extensionUrn;
    private final String[] names;

    private ValueSelector(String extensionUrn, String[] names) {
        // Interned because Jackson interns the member names it parses (JsonFactory.Feature.INTERN_FIELD_NAMES),
        // so the exact-spelling hash lookup usually finds its key by identity instead of comparing text.
        this.extensionUrn = extensionUrn == null ? null : extensionUrn.intern();
        this.names = names;
        for (int i = 0; i < names.length; i++) {
            names[i] = names[i].intern();
        }
    }

    /** The values of {@code path}. */
    static ValueSelector of(ResolvedPath path) {
        return new ValueSelector(path.extensionUrn().orElse(null), names(path, null));
    }

    /** The {@code valueSub} sub-attribute of each value of {@code path} (a complex attribute compared directly). */
    static ValueSelector through(ResolvedPath path, String valueSub) {
        return new ValueSelector(path.extensionUrn().orElse(null), names(path, valueSub));
    }

    private static String[] names(ResolvedPath path, String last) {
        List<String> names = new ArrayList<>(3);
        names.add(path.attribute().name());
        path.subAttribute().ifPresent(sub -> names.add(sub.name()));
        if (last != null) {
            names.add(last);
        }
        return names.toArray(new String[0]);
    }

    /** Whether some selected value of {@code container} passes {@code test}. */
    boolean anyMatch(JsonNode container, Predicate<JsonNode> test) {
        JsonNode holder = extensionUrn == null ? container : ScimJson.getIgnoreCase(container, extensionUrn);
        return anyMatch(holder, 0, test);
    }

    private boolean anyMatch(JsonNode holder, int level, Predicate<JsonNode> test) {
        JsonNode node = ScimJson.getIgnoreCase(holder, names[level]);
        if (node == null || node.isNull() || node.isMissingNode()) {
            return false;
        }
        boolean last = level + 1 == names.length;
        if (node.isArray()) {
            for (int i = 0, n = node.size(); i < n; i++) {
                JsonNode element = node.get(i);
                if (element != null && !element.isNull()
                        && (last ? test.test(element) : anyMatch(element, level + 1, test))) {
                    return true;
                }
            }
            return false;
        }
        return last ? test.test(node) : anyMatch(node, level + 1, test);
    }
}
