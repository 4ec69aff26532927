package dev.scimkit.benchmarks.peers;

import com.fasterxml.jackson.databind.JsonNode;
import de.captaingoldfish.scim.sdk.common.constants.enums.HttpMethod;
import de.captaingoldfish.scim.sdk.common.request.PatchOpRequest;
import de.captaingoldfish.scim.sdk.common.resources.Group;
import de.captaingoldfish.scim.sdk.common.resources.ResourceNode;
import de.captaingoldfish.scim.sdk.common.resources.ServiceProvider;
import de.captaingoldfish.scim.sdk.common.resources.User;
import de.captaingoldfish.scim.sdk.common.resources.base.ScimObjectNode;
import de.captaingoldfish.scim.sdk.common.resources.complex.FilterConfig;
import de.captaingoldfish.scim.sdk.common.resources.complex.PatchConfig;
import de.captaingoldfish.scim.sdk.common.schemas.SchemaAttribute;
import de.captaingoldfish.scim.sdk.common.utils.JsonHelper;
import de.captaingoldfish.scim.sdk.server.endpoints.Context;
import de.captaingoldfish.scim.sdk.server.endpoints.ResourceEndpoint;
import de.captaingoldfish.scim.sdk.server.endpoints.ResourceHandler;
import de.captaingoldfish.scim.sdk.server.endpoints.base.GroupEndpointDefinition;
import de.captaingoldfish.scim.sdk.server.endpoints.base.UserEndpointDefinition;
import de.captaingoldfish.scim.sdk.server.filter.FilterNode;
import de.captaingoldfish.scim.sdk.server.filter.resources.FilterResourceResolver;
import de.captaingoldfish.scim.sdk.server.patch.PatchRequestHandler;
import de.captaingoldfish.scim.sdk.server.response.PartialListResponse;
import de.captaingoldfish.scim.sdk.server.schemas.ResourceType;
import de.captaingoldfish.scim.sdk.server.schemas.validation.RequestResourceValidator;
import de.captaingoldfish.scim.sdk.server.schemas.validation.ResponseResourceValidator;
import de.captaingoldfish.scim.sdk.server.utils.RequestUtils;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SCIM-SDK ({@code de.captaingoldfish:scim-sdk-server}) behind the operations the benchmarks compare.
 *
 * <p>SCIM-SDK works only with a registered resource type: its filter parser resolves attribute names
 * against the schema while it parses, and its PATCH handler fetches and stores the resource through a
 * {@link ResourceHandler}. So this class does, once, what a SCIM-SDK server does at start-up: a
 * {@link ServiceProvider} with filter and PATCH enabled, a {@link ResourceEndpoint} with the standard User
 * (with the enterprise extension) and Group endpoints, and in-memory handlers that hand out the stored
 * object itself (no copy), so a measurement holds the library's work and not a store's.
 */
public final class ScimSdkPeer {

    private final ServiceProvider serviceProvider;
    private final ResourceEndpoint endpoint;
    private final UserStore users = new UserStore();
    private final GroupStore groups = new GroupStore();
    private final ResourceType userType;
    private final ResourceType groupType;

    /** Sets up the service provider, endpoints and (empty) stores. */
    public ScimSdkPeer() {
        serviceProvider = ServiceProvider.builder()
                .filterConfig(FilterConfig.builder().supported(true).maxResults(1000).build())
                .patchConfig(PatchConfig.builder()
                        .supported(true)
                        // Entra ID's dialect (dotted keys, filters in paths, simple values for complex
                        // attributes): SCIM-SDK's own switches for it.
                        .activateMsAzureFilterWorkaround(true)
                        .activateMsAzureValueSubAttributeWorkaround(true)
                        .activateMsAzureComplexSimpleValueWorkaround(true)
                        .build())
                .build();
        endpoint = new ResourceEndpoint(serviceProvider);
        userType = endpoint.registerEndpoint(new UserEndpointDefinition(users));
        groupType = endpoint.registerEndpoint(new GroupEndpointDefinition(groups));
    }

    /** The User resource type, with the enterprise extension. */
    public ResourceType userType() {
        return userType;
    }

    /** Parses a filter for the User resource type. */
    public FilterNode parseUserFilter(String filter) {
        return RequestUtils.parseFilter(userType, filter);
    }

    /** Evaluates a parsed filter against one User: SCIM-SDK's resolver over a one-element list. */
    public boolean evaluate(FilterNode filter, User user) {
        return !FilterResourceResolver.filterResources(serviceProvider, List.of(user), filter).isEmpty();
    }

    /** Reads a User JSON document into SCIM-SDK's typed node (no validation). */
    public User readUser(String json) {
        return JsonHelper.readJsonDocument(json, User.class);
    }

    /** Reads a Group JSON document into SCIM-SDK's typed node (no validation). */
    public Group readGroup(String json) {
        return JsonHelper.readJsonDocument(json, Group.class);
    }

    /** Reads a PATCH body into SCIM-SDK's message type. */
    public PatchOpRequest readPatch(String json) {
        return JsonHelper.readJsonDocument(json, PatchOpRequest.class);
    }

    /** Stores (replaces) the User the PATCH benchmarks work on. */
    public void storeUser(User user) {
        users.store.put(user.getId().orElseThrow(), user);
    }

    /** Stores (replaces) the Group the PATCH benchmarks work on. */
    public void storeGroup(Group group) {
        groups.store.put(group.getId().orElseThrow(), group);
    }

    /** The stored User (the object itself). */
    public User storedUser(String id) {
        return users.store.get(id);
    }

    /** The stored Group (the object itself). */
    public Group storedGroup(String id) {
        return groups.store.get(id);
    }

    /** Applies a PATCH to the stored User with SCIM-SDK's handler and returns the patched resource. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public User patchUser(String id, PatchOpRequest request) {
        PatchRequestHandler<User> handler = new PatchRequestHandler(id, userType.getResourceHandlerImpl(),
                endpoint.getPatchWorkarounds(), new Context(null));
        return handler.handlePatchRequest(request);
    }

    /** Applies a PATCH to the stored Group with SCIM-SDK's handler and returns the patched resource. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Group patchGroup(String id, PatchOpRequest request) {
        PatchRequestHandler<Group> handler = new PatchRequestHandler(id, groupType.getResourceHandlerImpl(),
                endpoint.getPatchWorkarounds(), new Context(null));
        return handler.handlePatchRequest(request);
    }

    /** Parses a create body and validates it against the User schema and its extension, as POST does. */
    public ScimObjectNode parseAndValidateUser(String body) {
        JsonNode document = JsonHelper.readJsonDocument(body);
        return new RequestResourceValidator(serviceProvider, userType, HttpMethod.POST).validateDocument(document);
    }

    /** The attribute list SCIM-SDK resolves from an {@code attributes=} parameter. */
    public List<SchemaAttribute> attributes(String attributes) {
        return RequestUtils.getAttributes(userType, attributes);
    }

    /** Projects a User the way SCIM-SDK prepares a response, and serialises it. */
    public String serialiseProjected(User user, List<SchemaAttribute> attributes) {
        ScimObjectNode projected = new ResponseResourceValidator(serviceProvider, userType, attributes,
                Collections.emptyList(), null, (name, id) -> null).validateDocument(user);
        return projected.toString();
    }

    /** SCIM-SDK reads the resource class from the handler's type argument, so each store is its own class. */
    private static final class UserStore extends InMemoryHandler<User> {
    }

    /** The Group store; see {@link UserStore}. */
    private static final class GroupStore extends InMemoryHandler<Group> {
    }

    /** A store of one resource type in a map; hands out the stored objects themselves. */
    private abstract static class InMemoryHandler<T extends ResourceNode> extends ResourceHandler<T> {
        final Map<String, T> store = new ConcurrentHashMap<>();

        @Override
        public T createResource(T resource, Context context) {
            store.put(resource.getId().orElseThrow(), resource);
            return resource;
        }

        @Override
        public T getResource(String id, List<SchemaAttribute> attributes, List<SchemaAttribute> excludedAttributes,
                Context context) {
            return store.get(id);
        }

        @Override
        public PartialListResponse<T> listResources(long startIndex, int count, FilterNode filter,
                SchemaAttribute sortBy, de.captaingoldfish.scim.sdk.common.constants.enums.SortOrder sortOrder,
                List<SchemaAttribute> attributes, List<SchemaAttribute> excludedAttributes, Context context) {
            List<T> all = List.copyOf(store.values());
            return PartialListResponse.<T>builder().resources(all).totalResults(all.size()).build();
        }

        @Override
        public T updateResource(T resource, Context context) {
            store.put(resource.getId().orElseThrow(), resource);
            return resource;
        }

        @Override
        public void deleteResource(String id, Context context) {
            store.remove(id);
        }
    }
}
