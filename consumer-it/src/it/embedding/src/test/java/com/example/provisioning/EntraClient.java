package com.example.provisioning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Speaks to a tenant URL the way Entra ID's provisioning service does: bearer token, SCIM JSON. */
final class EntraClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String tenantUrl;
    private final String token;

    EntraClient(String tenantUrl, String token) {
        this.tenantUrl = tenantUrl;
        this.token = token;
    }

    /** Sends a request and asserts the status; the failure message shows the exchange. */
    JsonNode expect(int status, String method, String path, String body) throws IOException, InterruptedException {
        return expect(status, method, path, body, new String[0]);
    }

    /** As {@link #expect(int, String, String, String)}, with extra header name/value pairs. */
    JsonNode expect(int status, String method, String path, String body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(tenantUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/scim+json");
        if (headers.length > 0) {
            request.headers(headers);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/scim+json; charset=utf-8")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s %s %s%n-> %s", method, path, body == null ? "" : body, response.body())
                .isEqualTo(status);
        return response.body().isEmpty() ? JSON.missingNode() : JSON.readTree(response.body());
    }

    /** {@code GET /Users?filter=userName eq "..."}, encoded as Entra ID encodes it. */
    JsonNode findByUserName(String userName) throws IOException, InterruptedException {
        return expect(200, "GET", "/Users?filter="
                + URLEncoder.encode("userName eq \"" + userName + "\"", StandardCharsets.UTF_8), null);
    }
}
