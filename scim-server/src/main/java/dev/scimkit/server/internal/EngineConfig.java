package dev.scimkit.server.internal;

import dev.scimkit.core.resource.ResourceValidator;
import dev.scimkit.core.schema.ResourceTypeDefinition;
import dev.scimkit.core.schema.SchemaRegistry;
import dev.scimkit.patch.PatchEngine;
import dev.scimkit.server.CursorSettings;
import dev.scimkit.server.ServerLimits;
import dev.scimkit.server.spi.ResourceRepository;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the engine's endpoints share, fixed when the server is built.
 *
 * @param registry          schemas and resource types
 * @param repositories      repository per lower-case resource type name
 * @param validators        validator per lower-case resource type name
 * @param patchEngine       the PATCH engine
 * @param limits            limits and page sizes
 * @param patchNoContent    lower-case names of the resource types whose PATCH answers 204 unless
 *                          {@code attributes} is given
 * @param cursors           how RFC 9865 cursors are issued and checked
 */
public record EngineConfig(SchemaRegistry registry, Map<String, ResourceRepository> repositories,
                           Map<String, ResourceValidator> validators, PatchEngine patchEngine,
                           ServerLimits limits, Set<String> patchNoContent, CursorSettings cursors) {

    public Optional<ResourceRepository> repository(ResourceTypeDefinition type) {
        return Optional.ofNullable(repositories.get(type.name().toLowerCase(Locale.ROOT)));
    }

    public ResourceValidator validator(ResourceTypeDefinition type) {
        return validators.get(type.name().toLowerCase(Locale.ROOT));
    }

    public boolean patchAnswersNoContent(ResourceTypeDefinition type) {
        return patchNoContent.contains(type.name().toLowerCase(Locale.ROOT));
    }
}
