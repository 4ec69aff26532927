package dev.scimkit.patch;

import dev.scimkit.core.resource.ResourceValidator;
import dev.scimkit.core.schema.ResourceTypeDefinition;

import java.util.concurrent.ConcurrentHashMap;

/**
 * What planning a PATCH for one resource type can reuse from the requests before it: the resolved
 * {@link Target} of every path text already seen, the applier and the validator. Identity providers
 * send the same few message shapes over and over (Okta's deactivate, Entra ID's path-less update, a
 * member add), so after the first request of a shape, planning it no longer parses or resolves a
 * path; only the values are checked, as they differ from request to request.
 *
 * <p>A {@link Target} is immutable and depends only on the type and the text, so sharing one between
 * plans changes nothing they do. The cache is bounded: member filters name a new id in almost every
 * request ({@code members[value eq "…"]}), and once {@link #MAX_PATHS} texts are held it starts over
 * rather than grow (cheaper than an eviction order, and a hit rate near one for the shapes that
 * repeat). Failures are not cached: an unknown path is resolved, and refused, every time.
 */
final class TypePlanning {

    static final int MAX_PATHS = 1024;

    private final ResourceTypeDefinition type;
    private final OperationApplier applier;
    private final ResourceValidator validator;
    private final ConcurrentHashMap<String, Target> targets = new ConcurrentHashMap<>();

    TypePlanning(ResourceTypeDefinition type) {
        this.type = type;
        this.applier = new OperationApplier(type);
        this.validator = new ResourceValidator(type);
    }

    ResourceTypeDefinition type() {
        return type;
    }

    OperationApplier applier() {
        return applier;
    }

    ResourceValidator validator() {
        return validator;
    }

    /** The path resolved against the type; 400 invalidPath (never cached) for an unknown one. */
    Target target(String text) {
        Target cached = targets.get(text);
        if (cached != null) {
            return cached;
        }
        Target resolved = OperationPlanner.resolve(type, text);
        if (targets.size() >= MAX_PATHS) {
            targets.clear();
        }
        targets.put(text, resolved);
        return resolved;
    }
}
