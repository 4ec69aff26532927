package dev.scimkit.server.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.error.ScimErrorType;
import dev.scimkit.core.error.ScimException;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.server.spi.Projection;
import dev.scimkit.server.spi.ResourceRepository;
import dev.scimkit.server.spi.ScimPrincipal;
import dev.scimkit.server.spi.TenantId;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The {@link ResourceRepository} contract for a User repository, as a test any implementation runs:
 * extend it in your tests (dependency {@code dev.scimkit:scim-server}, type {@code test-jar}, scope
 * test) and return your repository from {@link #users()}. Identity and meta, tenancy, optimistic
 * versions, uniqueness of {@code userName} ignoring case, deletion, and copies (a caller changing
 * the top level of a returned node changes nothing stored; see the SPI's copy rule). Every test uses fresh names, so one repository may serve
 * all of them.
 */
public abstract class ResourceRepositoryContract {

    private static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    private final ScimPrincipal acme = ScimPrincipal.client(TenantId.of("contract-acme"), "contract-test");
    private final ScimPrincipal other = ScimPrincipal.client(TenantId.of("contract-other"), "contract-test");

    /** The repository under test, serving the User resource type. */
    protected abstract ResourceRepository users();

    private static ObjectNode user(String userName) {
        return ScimJson.parseObject(("{\"schemas\":[\"" + USER + "\"],\"userName\":\"" + userName + "\","
                + "\"title\":\"Guard\"}").getBytes(StandardCharsets.UTF_8));
    }

    private static String fresh(String handle) {
        return handle + "." + UUID.randomUUID().toString().substring(0, 8) + "@contract.example";
    }

    private ObjectNode stored(ScimPrincipal who, String id) {
        return users().get(who.tenant(), id, Projection.DEFAULT).orElseThrow();
    }

    @Test
    void createAssignsAnIdAndMeta() {
        ObjectNode created = users().create(acme, user(fresh("ann")));
        assertThat(created.path("id").asText()).isNotBlank();
        assertThat(created.path("meta").path("created").asText()).isNotBlank();
        assertThat(created.path("meta").path("lastModified").asText()).isNotBlank();
        assertThat(created.path("meta").path("version").asText()).isNotBlank();
    }

    @Test
    void getReturnsWhatWasStored() {
        String userName = fresh("bea");
        String id = users().create(acme, user(userName)).path("id").asText();
        assertThat(stored(acme, id).path("userName").asText()).isEqualTo(userName);
        assertThat(stored(acme, id).path("title").asText()).isEqualTo("Guard");
    }

    @Test
    void anotherTenantsResourceDoesNotExist() {
        String id = users().create(acme, user(fresh("cy"))).path("id").asText();
        assertThat(users().get(other.tenant(), id, Projection.DEFAULT)).isEmpty();
        ObjectNode change = stored(acme, id).deepCopy().put("title", "Intruder");
        assertStatus(() -> users().replace(other, id, change, Optional.empty()), 404);
        assertStatus(() -> users().delete(other, id, Optional.empty()), 404);
        assertThat(stored(acme, id).path("title").asText()).isEqualTo("Guard");
    }

    @Test
    void userNameIsUniqueIgnoringCaseWithinATenantOnly() {
        String userName = fresh("dee");
        users().create(acme, user(userName));
        assertThatThrownBy(() -> users().create(acme, user(userName.toUpperCase(java.util.Locale.ROOT))))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.scimType()).contains(ScimErrorType.UNIQUENESS);
                });
        assertThat(users().create(other, user(userName)).path("id").asText()).isNotBlank();
    }

    @Test
    void aWriteGivesANewVersionAndAStaleVersionIs412() {
        ObjectNode created = users().create(acme, user(fresh("eve")));
        String id = created.path("id").asText();
        String first = created.path("meta").path("version").asText();

        ObjectNode replaced = users().replace(acme, id, stored(acme, id).deepCopy().put("title", "Lead"),
                Optional.of(first));
        String second = replaced.path("meta").path("version").asText();
        assertThat(second).isNotEqualTo(first);
        assertThat(stored(acme, id).path("title").asText()).isEqualTo("Lead");

        assertStatus(() -> users().replace(acme, id, stored(acme, id).deepCopy().put("title", "Stale"),
                Optional.of(first)), 412);
        assertStatus(() -> users().delete(acme, id, Optional.of(first)), 412);
        assertThat(stored(acme, id).path("title").asText()).isEqualTo("Lead");
    }

    @Test
    void deleteRemovesAndAnUnknownIdIs404() {
        String id = users().create(acme, user(fresh("fay"))).path("id").asText();
        users().delete(acme, id, Optional.empty());
        assertThat(users().get(acme.tenant(), id, Projection.DEFAULT)).isEmpty();
        assertStatus(() -> users().delete(acme, id, Optional.empty()), 404);
        assertStatus(() -> users().replace(acme, id, user(fresh("gus")), Optional.empty()), 404);
    }

    @Test
    void changingAReturnedNodeChangesNothingStored() {
        // The caller owns the top level of what it gets back (nested values are read-only for both sides).
        ObjectNode created = users().create(acme, user(fresh("hal")));
        String id = created.path("id").asText();
        created.put("title", "Changed by the caller").remove("meta");
        ObjectNode read = stored(acme, id);
        read.put("title", "Changed through get").put("userName", "someone-else@contract.example");
        ObjectNode again = stored(acme, id);
        assertThat(again.path("title").asText()).isEqualTo("Guard");
        assertThat(again.path("userName").asText()).startsWith("hal.");
        assertThat(again.path("meta").path("version").asText()).isNotBlank();
    }

    private static void assertStatus(Runnable call, int status) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ScimException.class,
                e -> assertThat(e.status()).isEqualTo(status));
    }
}
