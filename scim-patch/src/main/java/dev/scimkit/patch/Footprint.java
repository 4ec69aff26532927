package dev.scimkit.patch;

import dev.scimkit.core.json.ScimJson;
import dev.scimkit.core.schema.AttributeDefinition;
import dev.scimkit.core.schema.ResolvedAttribute;

import java.util.ArrayList;
import java.util.List;

/**
 * The top-level members of a resource that a plan's operations can write, worked out once per plan:
 * {@code schemas}, each targeted core attribute, each extension object holding a target, all matched
 * without regard to case (RFC 7643 §2.1). Also the canonical paths the touched list reports for each
 * target, so they are not concatenated (and hashed anew) on every request.
 *
 * <p>Why it exists: a small PATCH writes one or two of a User's twenty-odd members, but the undo log
 * and the touched-attribute diff must look at every member to find other spellings of a target
 * ({@code ACTIVE} for {@code active}). Two names can only be equal ignoring case if they have the same
 * length ({@link String#equalsIgnoreCase} checks that first), so a bit per name length answers "not
 * one of mine" for almost every member without comparing any characters. The answer is the same as
 * comparing with every name; only the work differs.
 */
final class Footprint {

    /** What a top-level member is to the plan. */
    enum Kind { UNTOUCHED, SCHEMAS, CORE, EXTENSION }

    private static final String SCHEMAS = "schemas";

    private final List<ResolvedAttribute> targets;
    private final String[] coreNames;
    private final String[] extensionUrns;
    /** Bit {@code n & 63} is set when some name above (or {@code schemas}) has length n. */
    private final long lengths;
    /** Per target (same index as {@link #targets}): the touched path of the whole attribute. */
    private final String[] wholePaths;
    /** Per target: the touched paths of its sub-attributes, in schema order (single-valued complex only). */
    private final String[][] subPaths;

    Footprint(List<ResolvedAttribute> targets) {
        this.targets = List.copyOf(targets);
        List<String> core = new ArrayList<>();
        List<String> urns = new ArrayList<>();
        long bits = bit(SCHEMAS);
        int n = this.targets.size();
        this.wholePaths = new String[n];
        this.subPaths = new String[n][];
        for (int i = 0; i < n; i++) {
            ResolvedAttribute t = this.targets.get(i);
            AttributeDefinition def = t.attribute();
            String prefix = t.extension() ? t.schema().id() + ":" : "";
            wholePaths[i] = prefix + def.name();
            List<AttributeDefinition> subs = def.subAttributes();
            subPaths[i] = new String[subs.size()];
            for (int s = 0; s < subs.size(); s++) {
                subPaths[i][s] = wholePaths[i] + "." + subs.get(s).name();
            }
            String key = t.extension() ? t.schema().id() : def.name();
            List<String> into = t.extension() ? urns : core;
            if (!into.contains(key)) {
                into.add(key);
                bits |= bit(key);
            }
        }
        this.coreNames = core.toArray(String[]::new);
        this.extensionUrns = urns.toArray(String[]::new);
        this.lengths = bits;
    }

    private static long bit(String name) {
        return 1L << name.length();   // the shift uses the low six bits: a filter, never a false "no"
    }

    /** The distinct top-level attributes written, as the plan lists them. */
    List<ResolvedAttribute> targets() {
        return targets;
    }

    /**
     * What {@code key} names: {@code schemas} first, then a targeted core attribute, then an extension
     * holding a target, each in any case; {@link Kind#UNTOUCHED} for anything else.
     */
    Kind classify(String key) {
        if ((lengths & (1L << key.length())) == 0) {
            return Kind.UNTOUCHED;
        }
        if (ScimJson.sameName(key, SCHEMAS)) {
            return Kind.SCHEMAS;
        }
        for (String name : coreNames) {
            if (ScimJson.sameName(key, name)) {
                return Kind.CORE;
            }
        }
        for (String urn : extensionUrns) {
            if (ScimJson.sameName(key, urn)) {
                return Kind.EXTENSION;
            }
        }
        return Kind.UNTOUCHED;
    }

    /** The index of {@code target} (by identity, as resolved from the type) in {@link #targets}; -1 if absent. */
    int indexOf(ResolvedAttribute target) {
        for (int i = 0; i < targets.size(); i++) {
            if (targets.get(i) == target) {
                return i;
            }
        }
        for (int i = 0; i < targets.size(); i++) {
            if (targets.get(i).equals(target)) {
                return i;
            }
        }
        return -1;
    }

    /** The touched path of the whole target {@code i}: {@code displayName}, {@code urn:…:User:department}. */
    String wholePath(int i) {
        return wholePaths[i];
    }

    /** The touched path of sub-attribute {@code s} (schema order) of target {@code i}: {@code name.givenName}. */
    String subPath(int i, int s) {
        return subPaths[i][s];
    }
}
