package dev.scimkit.tracktik.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimkit.core.error.ScimErrorType;
import dev.scimkit.core.error.ScimException;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.tracktik.port.StoreUnavailableException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SCIM error a provisioning client gets for each portal answer, and the portal's own message in
 * it. TrackTik does not document the shape of its error bodies, so every shape seen in public code is
 * read: {@code message}, {@code error} (text or object), {@code error_description} and per-field
 * {@code errors} (an object of lists, or a list).
 */
class PortalErrorsTest {

    private static final String CALL = "PATCH /employees/12";

    private static JsonNode json(String s) {
        return ScimJson.parseObject(s.getBytes(StandardCharsets.UTF_8));
    }

    private static ScimException answer(int status, String body) {
        return PortalErrors.toScim(CALL, PortalResponse.of(status, body == null ? null : json(body)));
    }

    @Test
    void eachStatusBecomesTheScimErrorAClientCanActOn() {
        String body = "{\"message\":\"region does not exist\"}";
        assertThat(answer(400, body)).satisfies(e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.scimType()).hasValueSatisfying(t -> assertThat(t).isEqualTo(ScimErrorType.INVALID_VALUE));
            assertThat(e.detail()).isEqualTo("TrackTik refused the value: region does not exist");
        });
        assertThat(answer(422, body).status()).isEqualTo(400);
        assertThat(answer(404, body)).satisfies(e -> {
            assertThat(e.status()).isEqualTo(404);
            assertThat(e.detail()).contains(CALL).endsWith(": region does not exist");
        });
        assertThat(answer(409, body)).satisfies(e -> {
            assertThat(e.status()).isEqualTo(409);
            assertThat(e.scimType()).hasValueSatisfying(t -> assertThat(t).isEqualTo(ScimErrorType.UNIQUENESS));
        });
        assertThat(answer(412, body).status()).isEqualTo(412);
        assertThat(answer(413, body).status()).isEqualTo(413);
        assertThat(answer(401, body)).isInstanceOf(StoreUnavailableException.class)
                .satisfies(e -> assertThat(e.detail()).contains("HTTP 401").doesNotContain("region"));
        assertThat(answer(403, body)).isInstanceOf(StoreUnavailableException.class)
                .satisfies(e -> assertThat(e.detail()).contains(CALL).contains("HTTP 403"));
        for (int status : new int[] {500, 501, 599}) {
            assertThat(answer(status, body)).as("HTTP " + status).isInstanceOf(StoreUnavailableException.class)
                    .satisfies(e -> {
                        assertThat(e.status()).isEqualTo(503);
                        assertThat(e.detail()).contains("(HTTP " + status + ")");
                    });
        }
        for (int status : new int[] {402, 405, 418, 499}) {
            assertThat(answer(status, body)).as("HTTP " + status).isNotInstanceOf(StoreUnavailableException.class)
                    .satisfies(e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.detail()).contains(CALL + " (HTTP " + status + "): region does not exist");
                    });
        }
    }

    @Test
    void anAnswerWithoutAMessageSaysNothingAfterTheStatus() {
        assertThat(answer(400, null).detail()).isEqualTo("TrackTik refused the value");
        assertThat(answer(409, "{}").detail()).isEqualTo("TrackTik already has a record with that value");
        assertThat(answer(400, "{\"message\":\"   \",\"errors\":[]}").detail()).isEqualTo("TrackTik refused the value");
        // A JSON null is no message (not the text "null").
        assertThat(answer(500, "{\"message\":null,\"error\":null}").detail()).endsWith("(HTTP 500)");
    }

    @Test
    void everyShapeOfErrorBodyIsRead() {
        assertThat(PortalErrors.message(json("{\"error\":\"invalid_grant\",\"error_description\":\" Bad refresh \"}")))
                .isEqualTo("invalid_grant; Bad refresh");
        assertThat(PortalErrors.message(json("{\"error\":{\"message\":\"role is locked\",\"code\":7}}")))
                .isEqualTo("role is locked");
        assertThat(PortalErrors.message(json(
                "{\"message\":\"Validation failed\",\"errors\":{\"firstName\":[\"should not be blank\",\"too short\"],"
                        + "\"email\":\"is taken\"}}")))
                .isEqualTo("Validation failed; firstName should not be blank, too short; email is taken");
        assertThat(PortalErrors.message(json("{\"errors\":[{\"message\":\"customId too long\"},\"region missing\",{}]}")))
                .isEqualTo("customId too long; region missing");
        assertThat(PortalErrors.message(json("{\"message\":{\"not\":\"text\"},\"error\":[\"x\"]}"))).isEmpty();
    }

    @Test
    void aLongMessageIsCutAtFiveHundredCharacters() {
        String exactly500 = "x".repeat(500);
        assertThat(PortalErrors.message(json("{\"message\":\"" + exactly500 + "\"}"))).isEqualTo(exactly500);
        String longer = "y".repeat(501);
        assertThat(PortalErrors.message(json("{\"message\":\"" + longer + "\"}"))).isEqualTo("y".repeat(500) + "…");
    }

    @Test
    void aResponseIsOkOnlyInTheTwoHundreds() {
        assertThat(PortalResponse.of(200, null).ok()).isTrue();
        assertThat(PortalResponse.of(204, null).ok()).isTrue();
        assertThat(PortalResponse.of(299, null).ok()).isTrue();
        assertThat(PortalResponse.of(199, null).ok()).isFalse();
        assertThat(PortalResponse.of(300, null).ok()).isFalse();
        assertThat(PortalResponse.of(204, null).body().isMissingNode()).isTrue();
        assertThat(PortalResponse.of(200, json("{\"data\":{\"id\":3}}")).data().path("id").asInt()).isEqualTo(3);
        assertThat(PortalResponse.of(200, json("{\"id\":4}")).data().path("id").asInt()).as("a bare object").isEqualTo(4);
    }
}
