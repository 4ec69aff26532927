package dev.scimkit.server.servlet;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The servlet binding over a real Jetty, as a client sees it: the URLs it is given back name the
 * address it used (context path, proxy, port), query strings are decoded as Entra ID and Okta encode
 * them, bodies are read up to the limit and no further, and filters around the servlet can name the
 * caller from the headers alone.
 */
class ScimServletBindingTest {

    private static final String USER = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"%s\"}";

    private static EmbeddedJetty jetty;

    @BeforeAll
    static void start() throws Exception {
        jetty = EmbeddedJetty.start();
        for (String userName : List.of("ann@example.com", "jürgen", "100%", "party\uD83D\uDE00", "a+b")) {
            EmbeddedJetty.Reply created = jetty.post("/app/scim/v2/Users", String.format(USER, userName).getBytes(StandardCharsets.UTF_8));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        jetty.close();
    }

    private static String location(EmbeddedJetty.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json().path("meta").path("location").asText();
    }

    @Test
    void aCreatedResourceIsLocatedUnderTheContextAndServletPath() throws Exception {
        EmbeddedJetty.Reply created = jetty.post("/app/scim/v2/Users", String.format(USER, "loc").getBytes(StandardCharsets.UTF_8));
        String id = created.json().get("id").asText();
        String expected = "http://127.0.0.1:" + jetty.port + "/app/scim/v2/Users/" + id;
        assertThat(created.header("Location")).isEqualTo(expected);
        assertThat(created.json().path("meta").path("location").asText()).isEqualTo(expected);
        assertThat(created.header("Content-Type")).startsWith("application/scim+json");
        assertThat(created.header("Content-Length")).isEqualTo(Integer.toString(created.body().length));
        assertThat(created.header("ETag")).isNotBlank();
    }

    @Test
    void locationsNameTheHostAndPortTheClientAddressed() throws Exception {
        assertThat(location(jetty.get("/app/scim/v1/ServiceProviderConfig")))
                .isEqualTo("http://127.0.0.1:" + jetty.port + "/app/scim/v1/ServiceProviderConfig");
        assertThat(location(jetty.send("GET /app/scim/v2/ServiceProviderConfig HTTP/1.1\r\nHost: scim.example.com\r\n"
                + "Authorization: Bearer " + EmbeddedJetty.TOKEN, null)))
                .as("port 80 of http is not written").isEqualTo("http://scim.example.com/app/scim/v2/ServiceProviderConfig");
        assertThat(location(jetty.send("GET /app/scim/v2/ServiceProviderConfig HTTP/1.1\r\nHost: scim.example.com:443\r\n"
                + "Authorization: Bearer " + EmbeddedJetty.TOKEN, null)))
                .as("443 is the default of https only").isEqualTo("http://scim.example.com:443/app/scim/v2/ServiceProviderConfig");
        assertThat(location(jetty.send("GET /app/scim/v2/ServiceProviderConfig HTTP/1.1\r\nHost: [::1]:8080\r\n"
                + "Authorization: Bearer " + EmbeddedJetty.TOKEN, null)))
                .as("an IPv6 literal keeps its brackets").isEqualTo("http://[::1]:8080/app/scim/v2/ServiceProviderConfig");
    }

    @Test
    void behindATlsProxyLocationsAreHttpsAtTheProxysAddress() throws Exception {
        assertThat(location(jetty.get("/app/scim/v2/ServiceProviderConfig",
                "X-Forwarded-Proto: https", "X-Forwarded-Host: scim.example.com")))
                .isEqualTo("https://scim.example.com/app/scim/v2/ServiceProviderConfig");
        assertThat(location(jetty.get("/app/scim/v2/ServiceProviderConfig",
                "X-Forwarded-Proto: https", "X-Forwarded-Host: scim.example.com", "X-Forwarded-Port: 8443")))
                .isEqualTo("https://scim.example.com:8443/app/scim/v2/ServiceProviderConfig");
        assertThat(location(jetty.get("/app/scim/v2/ServiceProviderConfig",
                "X-Forwarded-Proto: https", "X-Forwarded-Host: scim.example.com", "X-Forwarded-Port: 80")))
                .as("80 is the default of http only").isEqualTo("https://scim.example.com:80/app/scim/v2/ServiceProviderConfig");
    }

    private static List<String> userNames(EmbeddedJetty.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        List<String> names = new java.util.ArrayList<>();
        reply.json().path("Resources").forEach(r -> names.add(r.path("userName").asText()));
        return names;
    }

    @Test
    void filtersArriveAsTheClientEncodedThem() throws Exception {
        assertThat(userNames(jetty.get("/app/scim/v2/Users?filter=userName+eq+%22ann%40example.com%22")))
                .as("Entra ID: + for spaces").containsExactly("ann@example.com");
        assertThat(userNames(jetty.get("/app/scim/v2/Users?filter=userName%20eq%20%22j%C3%BCrgen%22")))
                .as("UTF-8 escapes").containsExactly("jürgen");
        assertThat(userNames(jetty.get("/app/scim/v2/Users?filter=userName+eq+%22a%2Bb%22")))
                .as("an escaped + is a plus").containsExactly("a+b");
        assertThat(userNames(jetty.get("/app/scim/v2/Users?filter=userName+eq+%22100%%22")))
                .as("a lone % is kept as it is").containsExactly("100%");
        assertThat(userNames(jetty.get("/app/scim/v2/Users?filter=userName+eq+%22party%F0%9F%98%80%22")))
                .as("four-byte UTF-8").containsExactly("party\uD83D\uDE00");
        assertThat(userNames(jetty.get("/app/scim/v2/Users?&&filter=userName+eq+%22jürgen%22&&count=5&flag")))
                .as("raw UTF-8, empty pairs and a name without a value").containsExactly("jürgen");
        assertThat(userNames(jetty.get("/app/scim/v2/Users?filter=userName+eq+%22party\uD83D\uDE00%22")))
                .as("raw four-byte UTF-8").containsExactly("party\uD83D\uDE00");
    }

    @Test
    void theDecoderKeepsWhatIsNotAnEscape() {
        assertThat(ScimServlet.decodeQuery(null)).isEmpty();
        assertThat(ScimServlet.decodeQuery("")).isEmpty();
        assertThat(ScimServlet.decodeQuery("a=%41")).containsEntry("a", List.of("A"));
        assertThat(ScimServlet.decodeQuery("a=%4")).containsEntry("a", List.of("%4"));
        assertThat(ScimServlet.decodeQuery("a=x%")).containsEntry("a", List.of("x%"));
        assertThat(ScimServlet.decodeQuery("a=%4G%g4")).containsEntry("a", List.of("%4G%g4"));
        assertThat(ScimServlet.decodeQuery("a=%e2%82%ac")).as("lower-case hex").containsEntry("a", List.of("\u20ac"));
        assertThat(ScimServlet.decodeQuery("a=%C3")).as("invalid UTF-8").containsEntry("a", List.of("\uFFFD"));
        assertThat(ScimServlet.decodeQuery("n%61me=1&name=2&=3&flag"))
                .isEqualTo(Map.of("name", List.of("1", "2"), "", List.of("3"), "flag", List.of("")));
        assertThat(ScimServlet.decodeQuery("a=b=c")).containsEntry("a", List.of("b=c"));
        assertThat(ScimServlet.decodeQuery("e=\uD83D\uDE00x\u00e9")).containsEntry("e", List.of("\uD83D\uDE00x\u00e9"));
        assertThat(ScimServlet.decodeQuery("a=%0A%09")).as("escapes starting with 0").containsEntry("a", List.of("\n\t"));
        assertThat(ScimServlet.decodeQuery("a=x\uD83D")).as("a lone high surrogate at the end is no crash")
                .containsEntry("a", List.of("x?"));
    }

    private static byte[] userOfSize(int size) {
        String start = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"" + java.util.UUID.randomUUID() + "\"";
        return (start + " ".repeat(size - start.length() - 1) + "}").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aBodyUpToTheLimitIsReadAndOneByteMoreIs413() throws Exception {
        byte[] atLimit = userOfSize(EmbeddedJetty.LIMIT);
        assertThat(atLimit).hasSize(EmbeddedJetty.LIMIT);
        assertThat(jetty.post("/app/scim/v2/Users", atLimit).status()).isEqualTo(201);
        EmbeddedJetty.Reply over = jetty.post("/app/scim/v2/Users", userOfSize(EmbeddedJetty.LIMIT + 1));
        assertThat(over.status()).isEqualTo(413);
        assertThat(over.json().path("detail").asText()).contains(Integer.toString(EmbeddedJetty.LIMIT));
        assertThat(over.header("Content-Type")).startsWith("application/scim+json");
    }

    private EmbeddedJetty.Reply postChunked(byte[] body) throws Exception {
        StringBuilder chunked = new StringBuilder();
        String text = new String(body, StandardCharsets.ISO_8859_1);
        for (int at = 0; at < text.length(); at += 1000) {
            String part = text.substring(at, Math.min(text.length(), at + 1000));
            chunked.append(Integer.toHexString(part.length())).append("\r\n").append(part).append("\r\n");
        }
        chunked.append("0\r\n\r\n");
        return jetty.send("POST /app/scim/v2/Users HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + EmbeddedJetty.TOKEN
                        + "\r\nContent-Type: application/scim+json\r\nTransfer-Encoding: chunked",
                chunked.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void aChunkedBodyOfUnknownLengthIsHeldToTheSameLimit() throws Exception {
        EmbeddedJetty.Reply small = postChunked(String.format(USER, "chunked").getBytes(StandardCharsets.UTF_8));
        assertThat(small.status()).as(small.toString()).isEqualTo(201);
        assertThat(small.json().path("userName").asText()).isEqualTo("chunked");
        assertThat(postChunked(userOfSize(EmbeddedJetty.LIMIT)).status()).isEqualTo(201);
        EmbeddedJetty.Reply big = postChunked(userOfSize(3 * EmbeddedJetty.LIMIT));
        assertThat(big.status()).isEqualTo(413);
        assertThat(big.json().path("status").asText()).isEqualTo("413");
    }

    @Test
    void aHugeDeclaredBodyIsRefusedAtOnceAndTheConnectionClosed() throws Exception {
        // Only the headers are sent: an answer arrives without the 100 MB ever being read.
        EmbeddedJetty.Reply refused = jetty.send("POST /app/scim/v2/Users HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                + EmbeddedJetty.TOKEN + "\r\nContent-Type: application/scim+json\r\nContent-Length: 100000000", null, false);
        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.header("Connection")).isEqualToIgnoringCase("close");
        assertThat(refused.json().path("detail").asText()).contains(Integer.toString(EmbeddedJetty.LIMIT));
    }

    @Test
    void aBodyOverTheLimitButWithinTheDrainIsReadSoTheClientGetsTheAnswer() throws Exception {
        byte[] body = userOfSize(2 * EmbeddedJetty.LIMIT);
        EmbeddedJetty.Reply refused = jetty.send("POST /app/scim/v2/Users HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                + EmbeddedJetty.TOKEN + "\r\nContent-Type: application/scim+json\r\nContent-Length: " + body.length, body, false);
        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.header("Connection")).as("the connection could be kept").isNull();
    }

    @Test
    void filtersAroundTheServletNameTheCallerFromItsHeaders() throws Exception {
        assertThat(jetty.get("/app/scim/v2/Users?count=0").header("X-Metered")).isEqualTo("tenant-a/entra");
        EmbeddedJetty.Reply anonymous = jetty.send("GET /app/scim/v2/Users HTTP/1.1\r\nHost: 127.0.0.1", null);
        assertThat(anonymous.header("X-Metered")).isEqualTo("anonymous");
        assertThat(anonymous.status()).isEqualTo(401);
    }

    @Test
    void anAnswerWithoutBodyHasNone() throws Exception {
        String id = jetty.post("/app/scim/v2/Users", String.format(USER, "gone").getBytes(StandardCharsets.UTF_8))
                .json().get("id").asText();
        EmbeddedJetty.Reply deleted = jetty.send("DELETE /app/scim/v2/Users/" + id + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Authorization: Bearer " + EmbeddedJetty.TOKEN, null);
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        JsonNode gone = jetty.get("/app/scim/v2/Users/" + id).json();
        assertThat(gone.path("status").asText()).isEqualTo("404");
    }
}
