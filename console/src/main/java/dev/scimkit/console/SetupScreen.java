package dev.scimkit.console;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimkit.console.view.ConnectionCheck;
import dev.scimkit.console.view.Frame;
import dev.scimkit.console.view.SetupView;
import dev.scimkit.console.view.TokenRow;
import dev.scimkit.server.ScimRequest;
import dev.scimkit.server.ScimResponse;
import dev.scimkit.server.activity.ClientActivity;
import dev.scimkit.server.spi.ScimPrincipal;
import dev.scimkit.server.spi.TenantId;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The setup page: the tenant URL, the tokens (hints only) with their last call and failures, and a
 * test connection that sends the engine what Entra ID's and Okta's Test Connection send.
 */
final class SetupScreen {

    /** The client name the test connection's request is recorded under. */
    static final String TEST_CLIENT = "console-test-connection";

    private final ConsoleSettings settings;

    SetupScreen(ConsoleSettings settings) {
        this.settings = settings;
    }

    SetupView show(TenantId tenant, Frame frame, Links links, String origin) {
        String scimBase = origin + settings.scimBasePath();
        ConnectionCheck check = testConnection(tenant, scimBase);
        Instant since = settings.clock().instant().minus(Duration.ofHours(24));
        Map<String, ClientActivity> byClient = settings.activity().clients(tenant, since).stream()
                .collect(Collectors.toMap(ClientActivity::client, Function.identity()));
        List<TokenRow> tokens = settings.tenant(tenant).map(t -> t.tokens().stream().map(h -> {
            ClientActivity seen = byClient.get(h.client());
            return new TokenRow(h.client(), h.lastFour(), seen == null ? "never" : Times.show(seen.lastCall()),
                    seen == null ? 0 : seen.failures());
        }).toList()).orElse(List.of());
        long failures = byClient.values().stream().mapToLong(ClientActivity::failures).sum();
        return new SetupView(frame, scimBase + "/", tokens, failures, check,
                links.withQuery("activity", Links.params("failed", "1")));
    }

    private ConnectionCheck testConnection(TenantId tenant, String scimBase) {
        String userName = "console-check-" + UUID.randomUUID();
        ScimRequest request = ScimRequest.builder("GET", "/Users")
                .queryParameter("filter", "userName eq \"" + userName + "\"")
                .baseUrl(scimBase)
                .build();
        ScimResponse response = settings.engine().handleAuthenticated(ScimPrincipal.client(tenant, TEST_CLIENT), request);
        if (response.status() != 200) {
            JsonNode body = response.bodyLength() > 0 ? response.bodyJson() : null;
            String detail = body == null ? "" : ": " + body.path("detail").asText("");
            return new ConnectionCheck(false, response.status(), "HTTP " + response.status() + detail
                    + ". The identity provider's Test Connection will fail the same way.");
        }
        long total = response.bodyJson().path("totalResults").asLong(-1);
        if (total != 0) {
            return new ConnectionCheck(false, 200, "HTTP 200, but totalResults is " + total
                    + " for a user that cannot exist; Entra ID expects 0.");
        }
        return new ConnectionCheck(true, 200, "HTTP 200 with an empty list (totalResults 0) for userName eq \""
                + userName + "\": Entra ID and Okta will accept this connection.");
    }
}
