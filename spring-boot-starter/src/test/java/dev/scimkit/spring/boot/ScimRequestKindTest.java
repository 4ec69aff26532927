package dev.scimkit.spring.boot;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ScimRequestKindTest {

    @ParameterizedTest(name = "{0} {1} -> {2} {3}")
    @CsvSource({
            "POST,   /Users,                                Users,  create",
            "GET,    /Users,                                Users,  list",
            "GET,    /Users/2819c223-7f76-453a-919d-413861904646, Users, get",
            "PUT,    /Groups/abc,                           Groups, replace",
            "PATCH,  /Groups/abc,                           Groups, patch",
            "DELETE, /Users/abc,                            Users,  delete",
            "POST,   /Users/.search,                        Users,  search",
            "POST,   /.search,                              root,   search",
            "POST,   /Bulk,                                 Bulk,   bulk",
            "GET,    /ServiceProviderConfig,                ServiceProviderConfig, list",
            "GET,    /Schemas/urn:ietf:params:scim:schemas:core:2.0:User, Schemas, get",
            "GET,    /Devices/42,                           other,  get",
            "GET,    /a-client-chosen-path-1234,            other,  list",
            "PUT,    /Users,                                Users,  other",
            "OPTIONS,/Users,                                Users,  other"})
    void tagsComeFromAFixedVocabulary(String method, String path, String type, String operation) {
        ScimRequestKind kind = ScimRequestKind.of(method, path);
        assertThat(kind.resourceType()).isEqualTo(type);
        assertThat(kind.operation()).isEqualTo(operation);
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "POST,   /Users,                                /scim/v2/Users",
            "GET,    /Users/2819c223-7f76-453a-919d-413861904646, /scim/v2/Users/{id}",
            "PATCH,  /Groups/abc,                           /scim/v2/Groups/{id}",
            "POST,   /Users/.search,                        /scim/v2/Users/.search",
            "POST,   /.search,                              /scim/v2/.search",
            "GET,    '',                                    /scim/v2",
            "GET,    /Schemas/urn:ietf:params:scim:schemas:core:2.0:User, /scim/v2/Schemas/{id}",
            "GET,    /a-client-chosen-path-1234,            /scim/v2/**",
            "PUT,    /Users,                                /scim/v2/Users/**"})
    void routesNameNoIdAndNoClientChosenPath(String method, String path, String pattern) {
        assertThat(ScimRequestKind.of(method, path).pathPattern("/scim/v2")).isEqualTo(pattern);
    }
}
