package dev.scimkit.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Filtering, sorting, paging and projection through the engine. */
class QueryAndProjectionTest {

    private EngineFixture f;

    @BeforeEach
    void setUp() {
        f = new EngineFixture();
        String[] names = {"delta", "Alpha", "charlie", "bravo", "echo"};
        for (int i = 0; i < names.length; i++) {
            f.createUser(names[i], "\"password\":\"s3cret!\",\"title\":\"t" + i + "\",\"name\":{\"givenName\":\"G" + i
                    + "\",\"familyName\":\"F" + i + "\"},\"emails\":[{\"value\":\"" + names[i] + "@x.org\",\"type\":\"work\",\"primary\":true}],"
                    + "\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\":{\"employeeNumber\":\"" + (100 - i) + "\",\"department\":\"D\"}");
        }
    }

    private List<String> userNames(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.path("Resources").forEach(r -> out.add(r.path("userName").asText()));
        return out;
    }

    @Test
    void sortByUserNameIgnoresCaseAndDescendingReverses() {
        assertThat(userNames(f.json("GET", "/Users?sortBy=userName", null)))
                .containsExactly("Alpha", "bravo", "charlie", "delta", "echo");
        assertThat(userNames(f.json("GET", "/Users?sortBy=userName&sortOrder=DESCENDING", null)))
                .containsExactly("echo", "delta", "charlie", "bravo", "Alpha");
        assertThat(userNames(f.json("GET", "/Users?sortBy=urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber", null)))
                // employeeNumber is a string: "100" < "96" < "97" < "98" < "99".
                .containsExactly("delta", "echo", "bravo", "charlie", "Alpha");
    }

    @Test
    void sortByAMultiValuedAttributeUsesThePrimaryValueElseTheFirst() {
        EngineFixture g = new EngineFixture();
        g.createUser("u1", "\"emails\":[{\"value\":\"a@x.org\"},{\"value\":\"n@x.org\",\"primary\":true}]");
        g.createUser("u2", "\"emails\":[{\"value\":\"c@x.org\"},{\"value\":\"b@x.org\"}]");
        g.createUser("u3", "\"emails\":[{\"value\":\"m@x.org\",\"primary\":true}]");
        g.createUser("u4", null);
        // u1 sorts by its primary n (not a), u2 by its first c (not b); u4 has no value and comes last.
        assertThat(userNames(g.json("GET", "/Users?sortBy=emails.value", null))).containsExactly("u2", "u3", "u1", "u4");
        // A complex attribute without a sub-attribute sorts by its value.
        assertThat(userNames(g.json("GET", "/Users?sortBy=emails", null))).containsExactly("u2", "u3", "u1", "u4");
        assertThat(userNames(g.json("GET", "/Users?sortBy=emails.value&sortOrder=descending", null)))
                .containsExactly("u4", "u1", "u3", "u2");
    }

    @Test
    void sortByAnUnqualifiedExtensionAttributeFindsItInTheExtension() {
        assertThat(userNames(f.json("GET", "/Users?sortBy=employeeNumber", null)))
                .containsExactly("delta", "echo", "bravo", "charlie", "Alpha");
    }

    @Test
    void pagesAreOneBasedStableAndCountZeroGivesOnlyTheTotal() {
        Set<String> seen = new LinkedHashSet<>();
        for (int start = 1; start <= 5; start += 2) {
            JsonNode page = f.json("GET", "/Users?startIndex=" + start + "&count=2", null);
            assertThat(page.path("totalResults").asInt()).isEqualTo(5);
            assertThat(page.path("startIndex").asInt()).isEqualTo(start);
            assertThat(page.path("itemsPerPage").asInt()).isEqualTo(page.path("Resources").size());
            seen.addAll(userNames(page));
        }
        assertThat(seen).hasSize(5);
        JsonNode zero = f.json("GET", "/Users?count=0", null);
        assertThat(zero.path("totalResults").asInt()).isEqualTo(5);
        assertThat(zero.path("Resources")).isEmpty();
        JsonNode beyond = f.json("GET", "/Users?startIndex=99", null);
        assertThat(beyond.path("totalResults").asInt()).isEqualTo(5);
        assertThat(beyond.path("Resources")).isEmpty();
    }

    @Test
    void maximumPageSizeIsEnforcedAndAdvertised() {
        EngineFixture small = new EngineFixture(dev.scimkit.core.schema.SchemaRegistry.standard(),
                ServerLimits.DEFAULT.withMaxPageSize(2));
        for (int i = 0; i < 3; i++) {
            small.createUser("u" + i, null);
        }
        JsonNode page = small.json("GET", "/Users?count=50", null);
        assertThat(page.path("Resources")).hasSize(2);
        assertThat(page.path("totalResults").asInt()).isEqualTo(3);
        assertThat(small.json("GET", "/ServiceProviderConfig", null).path("filter").path("maxResults").asInt()).isEqualTo(2);
    }

    @Test
    void filtersCombineWithSortAndPaging() {
        JsonNode r = f.json("GET", "/Users?filter=title ne \"t0\" and emails.value ew \"@x.org\"&sortBy=title&sortOrder=descending&count=2", null);
        assertThat(r.path("totalResults").asInt()).isEqualTo(4);
        assertThat(userNames(r)).containsExactly("echo", "bravo");
    }

    @Test
    void attributesReturnOnlyWhatIsAskedPlusIdAndSchemas() {
        JsonNode user = f.json("GET", "/Users?filter=userName eq \"alpha\"&attributes=userName,name.givenName,"
                + "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber", null).path("Resources").get(0);
        List<String> fields = new ArrayList<>();
        user.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactlyInAnyOrder("schemas", "id", "userName", "name",
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User");
        assertThat(user.path("name").size()).isEqualTo(1);
        assertThat(user.path("name").path("givenName").asText()).isEqualTo("G1");
        assertThat(user.path("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User").size()).isEqualTo(1);
    }

    @Test
    void excludedAttributesDropThemButNeverId() {
        JsonNode user = f.json("GET", "/Users?excludedAttributes=emails,name.familyName,id,"
                + "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User", null).path("Resources").get(0);
        assertThat(user.has("emails")).isFalse();
        assertThat(user.has("id")).isTrue();
        assertThat(user.path("name").has("givenName")).isTrue();
        assertThat(user.path("name").has("familyName")).isFalse();
        assertThat(user.has("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User")).isFalse();
        assertThat(user.has("meta")).isTrue();
    }

    @Test
    void passwordIsNeverReturnedEvenWhenAskedFor() {
        JsonNode all = f.json("GET", "/Users?attributes=password,userName", null);
        all.path("Resources").forEach(u -> assertThat(u.has("password")).isFalse());
        JsonNode one = f.json("GET", "/Users", null).path("Resources").get(0);
        assertThat(one.has("password")).isFalse();
        assertThat(one.path("meta").path("location").asText()).isEqualTo(EngineFixture.BASE + "/Users/" + one.path("id").asText());
        assertThat(one.path("meta").path("resourceType").asText()).isEqualTo("User");
        assertThat(one.path("schemas").toString()).contains("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User");
    }

    @Test
    void searchByPostEqualsSearchByGet() {
        JsonNode get = f.json("GET", "/Users?filter=title gt \"t1\"&sortBy=userName&attributes=userName", null);
        JsonNode post = f.json("POST", "/Users/.search", "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:SearchRequest\"],"
                + "\"filter\":\"title gt \\\"t1\\\"\",\"sortBy\":\"userName\",\"attributes\":[\"userName\"]}");
        assertThat(post).isEqualTo(get);
        assertThat(post.path("totalResults").asInt()).isEqualTo(3);
    }

    @Test
    void rootSearchSpansResourceTypesAndPagesAcrossThem() {
        String uid = f.json("GET", "/Users?filter=userName eq \"echo\"", null).path("Resources").get(0).path("id").asText();
        f.createGroup("Team", uid);
        f.createGroup("Ops");
        JsonNode all = f.json("POST", "/.search", "{\"count\":100}");
        assertThat(all.path("totalResults").asInt()).isEqualTo(7);
        JsonNode page = f.json("POST", "/.search", "{\"startIndex\":5,\"count\":2}");
        assertThat(page.path("Resources")).hasSize(2);
        assertThat(page.path("Resources").get(0).path("meta").path("resourceType").asText()).isEqualTo("User");
        assertThat(page.path("Resources").get(1).path("meta").path("resourceType").asText()).isEqualTo("Group");
        JsonNode named = f.json("POST", "/.search", "{\"filter\":\"displayName eq \\\"Team\\\"\"}");
        assertThat(named.path("totalResults").asInt()).isEqualTo(1);
    }
}
