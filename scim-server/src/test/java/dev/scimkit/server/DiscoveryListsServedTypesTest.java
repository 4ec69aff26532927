package dev.scimkit.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimkit.core.schema.SchemaRegistry;
import dev.scimkit.server.memory.InMemoryStore;
import dev.scimkit.server.spi.ScimPrincipal;
import dev.scimkit.server.spi.TenantId;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A server with a User repository only does not advertise Groups: a client would try to provision them. */
class DiscoveryListsServedTypesTest {

    private final ScimServer usersOnly;

    DiscoveryListsServedTypesTest() {
        SchemaRegistry registry = SchemaRegistry.standard();
        usersOnly = ScimServer.builder(registry)
                .repository("User", InMemoryStore.create(registry).repository("User"))
                .authenticator(request -> Optional.of(ScimPrincipal.client(TenantId.of("t"), "test")))
                .build();
    }

    @Test
    void resourceTypesListsOnlyTheServedType() {
        JsonNode list = usersOnly.handle(ScimRequest.builder("GET", "/ResourceTypes").build()).bodyJson();
        assertThat(list.path("totalResults").asInt()).isEqualTo(1);
        assertThat(list.path("Resources").get(0).path("name").asText()).isEqualTo("User");
    }

    @Test
    void anUnservedTypeIsNotFound() {
        assertThat(usersOnly.handle(ScimRequest.builder("GET", "/ResourceTypes/Group").build()).status()).isEqualTo(404);
        assertThat(usersOnly.handle(ScimRequest.builder("GET", "/ResourceTypes/User").build()).status()).isEqualTo(200);
    }

    @Test
    void schemasListsOnlyTheServedTypesSchemas() {
        JsonNode list = usersOnly.handle(ScimRequest.builder("GET", "/Schemas").build()).bodyJson();
        List<String> ids = new ArrayList<>();
        list.path("Resources").forEach(s -> ids.add(s.path("id").asText()));
        assertThat(ids).contains("urn:ietf:params:scim:schemas:core:2.0:User")
                .doesNotContain("urn:ietf:params:scim:schemas:core:2.0:Group");
        assertThat(list.path("totalResults").asInt()).isEqualTo(ids.size());
    }

    /** What an embedder checks before building, to refuse a configuration that declares more than it serves. */
    @Test
    void theBuilderNamesTheTypesNoRepositoryServesCaseInsensitively() {
        SchemaRegistry registry = SchemaRegistry.standard();
        ScimServer.Builder builder = ScimServer.builder(registry);
        assertThat(builder.unservedResourceTypes()).containsExactly("User", "Group");
        builder.repository("user", InMemoryStore.create(registry).repository("User"));
        assertThat(builder.unservedResourceTypes()).containsExactly("Group");
        builder.repositories(InMemoryStore.create(registry).repositories());
        assertThat(builder.unservedResourceTypes()).isEmpty();
    }

    @Test
    void anUnservedSchemaIsNotFound() {
        assertThat(usersOnly.handle(ScimRequest.builder("GET",
                "/Schemas/urn:ietf:params:scim:schemas:core:2.0:Group").build()).status()).isEqualTo(404);
        assertThat(usersOnly.handle(ScimRequest.builder("GET",
                "/Schemas/urn:ietf:params:scim:schemas:core:2.0:User").build()).status()).isEqualTo(200);
    }
}
