package dev.scimkit.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimkit.core.error.ScimException;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.core.schema.ResourceTypeDefinition;
import dev.scimkit.server.spi.ResourceRepository;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks that the members a write names exist in the tenant (as a User or a Group, whichever
 * repositories serve those types), before the repository is called: a missing member is a 400
 * {@code invalidValue} naming its id, whatever repository implementation is plugged in.
 */
public final class MemberReferences {

    private final EngineConfig config;

    public MemberReferences(EngineConfig config) {
        this.config = config;
    }

    /** The ids of a {@code members} array. */
    public static List<String> ids(JsonNode members) {
        Set<String> out = new LinkedHashSet<>();
        if (members != null && members.isArray()) {
            for (JsonNode m : members) {
                JsonNode v = ScimJson.getIgnoreCase(m, "value");
                if (v != null && v.isTextual()) {
                    out.add(v.asText());
                }
            }
        }
        return List.copyOf(out);
    }

    /** Throws 400 {@code invalidValue} for the first id that names no resource of the tenant. */
    public void check(RequestContext ctx, Collection<String> ids) {
        for (String id : ids) {
            if (!exists(ctx, id)) {
                throw ScimException.invalidValue("The member \"" + id + "\" is not an existing User or Group of this tenant");
            }
        }
    }

    private boolean exists(RequestContext ctx, String id) {
        for (ResourceTypeDefinition type : config.registry().resourceTypes()) {
            if (!type.name().equalsIgnoreCase("User") && !type.name().equalsIgnoreCase("Group")) {
                continue;
            }
            ResourceRepository repository = config.repository(type).orElse(null);
            if (repository != null && repository.exists(ctx.tenant(), id)) {
                return true;
            }
        }
        return false;
    }
}
