package dev.scimkit.tracktik.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.core.schema.SchemaUrns;
import dev.scimkit.tracktik.domain.Region;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Decides the region of a provisioned employee from its SCIM User. HQ by default; replaceable, for
 * example by {@link #fromEnterpriseDivision()}.
 */
@FunctionalInterface
public interface RegionRule {

    /** The region for a User as sent (never null). */
    Region regionFor(ObjectNode user);

    /** Every employee goes to HQ. */
    static RegionRule hq() {
        return user -> Region.HQ;
    }

    /**
     * The enterprise extension's {@code division} names the region ({@code "EMEA"} → region
     * {@code emea} named EMEA); HQ when the User has none.
     */
    static RegionRule fromEnterpriseDivision() {
        return user -> {
            JsonNode ext = ScimJson.getIgnoreCase(user, SchemaUrns.ENTERPRISE_USER);
            JsonNode division = ext == null ? null : ScimJson.getIgnoreCase(ext, "division");
            if (division == null || !division.isTextual() || division.asText().isBlank()) {
                return Region.HQ;
            }
            String name = division.asText().strip();
            return new Region(slug(name), name.length() > 200 ? name.substring(0, 200) : name);
        };
    }

    /** A region key from a name: lower case ASCII letters, digits and dashes. */
    static String slug(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        if (slug.isEmpty()) {
            slug = "region-" + Integer.toHexString(name.hashCode());
        }
        return slug.length() > 64 ? slug.substring(0, 64) : slug;
    }
}
