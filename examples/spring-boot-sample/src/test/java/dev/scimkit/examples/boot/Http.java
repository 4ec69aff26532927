package dev.scimkit.examples.boot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real HTTP to the application on its random port, with the library's Jackson 2 beside Boot's JSON
 * library (Jackson 3 on Boot 4): an identity provider's requests with a bearer token, or a person's
 * with Boot's default basic credentials.
 */
final class Http {

    static final String SCIM_JSON = "application/scim+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String root;
    private final String authorization;

    private Http(String root, String authorization) {
        this.root = root;
        this.authorization = authorization;
    }

    static Http bearer(int port, String token) {
        return new Http("http://127.0.0.1:" + port, "Bearer " + token);
    }

    static Http basic(int port, String user, String password) {
        return new Http("http://127.0.0.1:" + port, "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    static Http anonymous(int port) {
        return new Http("http://127.0.0.1:" + port, null);
    }

    HttpResponse<String> send(String method, String path, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(root + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        if (body != null) {
            b.header("Content-Type", SCIM_JSON);
        }
        try {
            return client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A SCIM call under /scim/v2 that must answer {@code status}; its JSON body (missing when empty). */
    JsonNode scim(int status, String method, String path, String body) {
        HttpResponse<String> r = send(method, "/scim/v2" + path, body);
        assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isEqualTo(status);
        if (r.body().isEmpty()) {
            return JSON.missingNode();
        }
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith(SCIM_JSON));
        return json(r.body());
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String q(String filter) {
        return URLEncoder.encode(filter, StandardCharsets.UTF_8);
    }

    static String patch(String... operations) {
        return "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":["
                + String.join(",", operations) + "]}";
    }
}
