package dev.scimkit.tracktik.port;

import dev.scimkit.core.schema.SchemaRegistry;
import dev.scimkit.server.spi.ResourceRepository;

import java.util.Map;

/**
 * A store that can also keep the resource types a registry declares beyond User and Group (a schema
 * directory's {@code Device}, say), which TrackTik has nothing to map onto. The JDBC store is one; the
 * REST store is not, since the portal's API has nowhere to put them. {@link
 * dev.scimkit.tracktik.scim.TrackTikRepositories#repositories()} serves them when its store is one.
 */
public interface DeclaredTypeKeeper {

    /**
     * Repositories for the resource types of {@code registry} other than User and Group.
     *
     * @return repositories by resource type name; empty when the registry declares no other type
     */
    Map<String, ResourceRepository> declaredTypeRepositories(SchemaRegistry registry);
}
