package dev.scimkit.core.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.error.ScimErrorType;
import dev.scimkit.core.error.ScimException;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.core.schema.SchemaUrns;
import dev.scimkit.core.testing.SampleResources;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MessagesTest {

    static ObjectNode json(String text) {
        return ScimJson.parseObject(text.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
    }

    static void assertScimError(ThrowingCallable call, int status, ScimErrorType type, String detailPart) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ScimException.class, e -> {
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.scimType()).isEqualTo(Optional.ofNullable(type));
            assertThat(e.detail()).contains(detailPart);
        });
    }

    @Test
    void errorBodyHasTheRfcShapeWithStatusAsString() {
        ObjectNode body = ErrorResponse.from(ScimException.invalidFilter("Unexpected 'eq'")).toJson();
        assertThat(body).isEqualTo(json("{'schemas':['urn:ietf:params:scim:api:messages:2.0:Error'],"
                + "'status':'400','scimType':'invalidFilter','detail':'Unexpected \\u0027eq\\u0027'}"));
        assertThat(body.get("status").isTextual()).isTrue();
        ObjectNode notFound = ErrorResponse.from(ScimException.notFound("Resource 7 not found")).toJson();
        assertThat(notFound.has("scimType")).isFalse();
        assertThat(notFound.get("status").asText()).isEqualTo("404");
        assertThat(ErrorResponse.fromJson(json("{'status':409,'scimType':'uniqueness','detail':'taken'}")))
                .isEqualTo(new ErrorResponse(409, Optional.of(ScimErrorType.UNIQUENESS), "taken"));
        assertThat(ErrorResponse.fromJson(body)).isEqualTo(ErrorResponse.from(ScimException.invalidFilter("Unexpected 'eq'")));
        assertScimError(() -> ErrorResponse.fromJson(json("{'status':'abc'}")), 400, ScimErrorType.INVALID_VALUE, "status");
    }

    @Test
    void listResponseRoundTrip() {
        ListResponse page = ListResponse.of(12, 11, List.of(SampleResources.group(), SampleResources.group()));
        ObjectNode json = page.toJson();
        assertThat(json.get("schemas").get(0).asText()).isEqualTo(SchemaUrns.LIST_RESPONSE);
        assertThat(json.get("totalResults").asLong()).isEqualTo(12);
        assertThat(json.get("itemsPerPage").asInt()).isEqualTo(2);
        assertThat(json.get("startIndex").asInt()).isEqualTo(11);
        assertThat(json.get("Resources")).hasSize(2);
        assertThat(ListResponse.fromJson(ScimJson.parse(ScimJson.write(json)))).isEqualTo(page);
        assertThat(ListResponse.fromJson(json("{'totalResults':0}")).resources()).isEmpty();
        assertScimError(() -> ListResponse.fromJson(json("{'totalResults':-1}")), 400, ScimErrorType.INVALID_VALUE,
                "totalResults");
        assertThatThrownBy(() -> ListResponse.of(1, 0, List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void searchRequestReadsAndValidates() {
        SearchRequest request = SearchRequest.fromJson(json("{'schemas':['" + SchemaUrns.SEARCH_REQUEST + "'],"
                + "'Attributes':['displayName','userName'],'excludedAttributes':'emails, phoneNumbers',"
                + "'filter':'userName sw \\u0027J\\u0027','sortBy':'name.familyName','sortOrder':'Descending',"
                + "'startIndex':0,'count':-5}"), true);
        assertThat(request.attributes()).containsExactly("displayName", "userName");
        assertThat(request.excludedAttributes()).containsExactly("emails", "phoneNumbers");
        assertThat(request.filter()).contains("userName sw 'J'");
        assertThat(request.sortOrder()).contains(SortOrder.DESCENDING);
        assertThat(request.startIndex()).as("below 1 reads as 1").contains(1);
        assertThat(request.count()).as("negative reads as 0").contains(0);
        assertThat(SearchRequest.fromJson(request.toJson(), true)).isEqualTo(request);

        assertScimError(() -> SearchRequest.fromJson(json("{'filter':'x'}"), true), 400, ScimErrorType.INVALID_SYNTAX,
                SchemaUrns.SEARCH_REQUEST);
        assertScimError(() -> SearchRequest.fromJson(json("{'count':1.5}"), false), 400, ScimErrorType.INVALID_VALUE,
                "\"count\" must be an integer");
        assertScimError(() -> SearchRequest.fromJson(json("{'sortOrder':'up'}"), false), 400, ScimErrorType.INVALID_VALUE,
                "sortOrder");
        assertScimError(() -> SearchRequest.fromJson(json("{'filter':7}"), false), 400, ScimErrorType.INVALID_VALUE,
                "\"filter\" must be a string");
        assertThat(SearchRequest.fromJson(json("{'count':1e30}"), false).count()).contains(Integer.MAX_VALUE);
    }

    @Test
    void cursorPagingReadsTheCursorAndWritesCursorsInsteadOfStartIndex() {
        // RFC 9865: "?cursor" (no value), "?cursor=" and "cursor": "" all ask for the first page.
        assertThat(SearchRequest.fromQueryParameters(Map.of("cursor", List.of(""))).cursor()).contains("");
        assertThat(SearchRequest.fromQueryParameters(Map.of("Cursor", List.of("abc"))).cursor()).contains("abc");
        assertThat(SearchRequest.fromQueryParameters(Map.of("count", List.of("2"))).cursor()).isEmpty();
        SearchRequest body = SearchRequest.fromJson(json("{'cursor':'','count':10}"), false);
        assertThat(body.cursor()).contains("");
        assertThat(SearchRequest.fromJson(body.toJson(), true)).isEqualTo(body);
        assertThat(SearchRequest.fromJson(json("{'cursor':null}"), false).cursor()).isEmpty();
        assertScimError(() -> SearchRequest.fromJson(json("{'cursor':7}"), false), 400, ScimErrorType.INVALID_CURSOR,
                "\"cursor\" must be a string");

        ListResponse page = ListResponse.ofCursorPage(5, List.of(SampleResources.group()),
                new ListResponse.Cursors(Optional.of("n.x"), Optional.empty()));
        ObjectNode out = page.toJson();
        assertThat(out.has("startIndex")).isFalse();
        assertThat(out.path("nextCursor").asText()).isEqualTo("n.x");
        assertThat(out.has("previousCursor")).isFalse();
        assertThat(ListResponse.fromJson(out).cursors()).contains(new ListResponse.Cursors(Optional.of("n.x"), Optional.empty()));
    }

    @Test
    void searchRequestFromQueryParameters() {
        SearchRequest request = SearchRequest.fromQueryParameters(Map.of("FILTER", List.of("userName eq \"a\""),
                "count", List.of("10"), "startIndex", List.of("3"), "attributes", List.of("userName,emails")));
        assertThat(request.filter()).contains("userName eq \"a\"");
        assertThat(request.count()).contains(10);
        assertThat(request.startIndex()).contains(3);
        assertThat(request.attributes()).containsExactly("userName", "emails");
        assertScimError(() -> SearchRequest.fromQueryParameters(Map.of("count", List.of("ten"))), 400,
                ScimErrorType.INVALID_VALUE, "\"count\" must be an integer");
    }

    @Test
    void bulkRequestRoundTripAndValidation() {
        ObjectNode body = json("{'schemas':['" + SchemaUrns.BULK_REQUEST + "'],'failOnErrors':1,'Operations':["
                + "{'method':'POST','path':'/Users','bulkId':'qwerty','data':{'userName':'a'}},"
                + "{'method':'patch','path':'/Groups/1','version':'W/\\u0022a\\u0022','data':{'Operations':[]}},"
                + "{'method':'DELETE','path':'/Users/2'}]}");
        BulkRequest request = BulkRequest.fromJson(body, 10, true);
        assertThat(request.failOnErrors()).contains(1);
        assertThat(request.operations()).extracting(BulkOperation::method)
                .containsExactly(BulkMethod.POST, BulkMethod.PATCH, BulkMethod.DELETE);
        assertThat(request.operations().get(1).version()).contains("W/\"a\"");
        assertThat(BulkRequest.fromJson(request.toJson(), 10, true)).isEqualTo(request);

        assertScimError(() -> BulkRequest.fromJson(body, 2, true), 413, null, "at most 2");
        assertScimError(() -> BulkRequest.fromJson(json("{'Operations':[{'method':'POST','path':'/Users','data':{}}]}"),
                10, false), 400, ScimErrorType.INVALID_VALUE, "Operations[0]: A Bulk POST operation needs a bulkId");
        assertScimError(() -> BulkRequest.fromJson(json("{'Operations':[{'method':'GET','path':'/Users'}]}"), 10, false),
                400, ScimErrorType.INVALID_VALUE, "Operations[0]: A Bulk operation's method");
        assertScimError(() -> BulkRequest.fromJson(json("{'Operations':[{'method':'PUT','path':'/Users/1'}]}"), 10, false),
                400, ScimErrorType.INVALID_VALUE, "needs data");
        assertScimError(() -> BulkRequest.fromJson(json("{'Operations':[{'method':'DELETE','path':'Users/1'}]}"), 10, false),
                400, ScimErrorType.INVALID_VALUE, "must start with '/'");
        assertScimError(() -> BulkRequest.fromJson(json("{'failOnErrors':0,'Operations':[{'method':'DELETE','path':'/Users/1'}]}"),
                10, false), 400, ScimErrorType.INVALID_VALUE, "failOnErrors");
        assertScimError(() -> BulkRequest.fromJson(json("{'Operations':[{'method':'POST','path':'/Users','bulkId':'x','data':{}},"
                + "{'method':'POST','path':'/Users','bulkId':'x','data':{}}]}"), 10, false), 400,
                ScimErrorType.INVALID_VALUE, "bulkId 'x'");
        assertScimError(() -> BulkRequest.fromJson(json("{'Operations':[]}"), 10, true), 400,
                ScimErrorType.INVALID_SYNTAX, SchemaUrns.BULK_REQUEST);
    }

    @Test
    void bulkResponseRoundTripWithStatusAsString() {
        BulkOperation post = new BulkOperation(BulkMethod.POST, Optional.of("qwerty"), Optional.empty(), "/Users",
                Optional.of(json("{'userName':'a'}")));
        BulkOperationResult created = new BulkOperationResult(BulkMethod.POST, Optional.of("qwerty"),
                Optional.of("W/\"1\""), Optional.of("https://h/v2/Users/92b7"), "201", Optional.empty());
        BulkOperationResult failed = BulkOperationResult.failure(post, ScimException.uniqueness("userName taken"));
        BulkResponse response = new BulkResponse(List.of(created, failed));
        JsonNode json = response.toJson();
        assertThat(json.at("/schemas/0").asText()).isEqualTo(SchemaUrns.BULK_RESPONSE);
        assertThat(json.at("/Operations/0/status").isTextual()).isTrue();
        assertThat(json.at("/Operations/1/status").asText()).isEqualTo("409");
        assertThat(json.at("/Operations/1/response/scimType").asText()).isEqualTo("uniqueness");
        assertThat(BulkResponse.fromJson(json)).isEqualTo(response);
        assertThat(failed.isSuccess()).isFalse();
        assertThat(created.statusCode()).isEqualTo(201);
    }

    @Test
    void patchRequestStillRoundTrips() {
        PatchRequest request = PatchRequest.fromJson(json("{'schemas':['" + SchemaUrns.PATCH_OP + "'],'Operations':["
                + "{'op':'Replace','path':'active','value':false}]}"), true, 10);
        assertThat(PatchRequest.fromJson(request.toJson(), true, 10)).isEqualTo(request);
    }
}
