package dev.scimkit.server.activity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.server.ScimRequest;
import dev.scimkit.server.ScimResponse;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.scimkit.server.activity.OperationWords.field;

/**
 * Turns a {@link ScimExchange} into an {@link ActivityEntry}. Runs on the recorder's thread, one
 * exchange at a time (not thread-safe): it remembers the names of the resources it has seen, so a
 * Group PATCH answered with 204 and no body still reads {@code added 2 members to "Dispatchers"}.
 */
final class ActivityDescriber {

    static final int REMEMBERED_NAMES = 10_000;
    private static final int MAX_PATH_CHARS = 512;
    private static final int MAX_DETAIL_CHARS = 1_000;
    /** Ids, names and scimTypes. */
    private static final int MAX_NAME_CHARS = 300;
    /**
     * {@code attr eq "value"}. The value's loop is unrolled ({@code plain*(escape plain*)*}, possessive):
     * the plain {@code (?:plain|escape)*} recurses once per character and overflows the stack on a
     * filter of a few thousand characters, which lost that request's entry.
     */
    private static final Pattern EQ_FILTER = Pattern.compile(
            "^\\s*([\\w.:$-]+)\\s+eq\\s+\"([^\"\\\\]*+(?:\\\\.[^\"\\\\]*+)*+)\"\\s*$", Pattern.CASE_INSENSITIVE);

    private final Map<String, String> typesByEndpoint;
    private final Map<String, String> names = new LinkedHashMap<>(256, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > REMEMBERED_NAMES;
        }
    };

    /** @param typesByEndpoint resource type names by endpoint, lower case without slash ({@code users → User}) */
    ActivityDescriber(Map<String, String> typesByEndpoint) {
        this.typesByEndpoint = Map.copyOf(typesByEndpoint);
    }

    ActivityEntry describe(ScimExchange exchange) {
        ScimRequest request = exchange.request();
        ScimResponse response = exchange.response();
        String tenant = exchange.principal().tenant().value();
        List<String> segments = segments(request.path());
        String endpoint = segments.isEmpty() ? "" : segments.get(0).toLowerCase(Locale.ROOT);
        Optional<String> type = Optional.ofNullable(typesByEndpoint.get(endpoint));
        boolean byId = segments.size() == 2 && !segments.get(1).equals(".search");
        JsonNode body = json(request.body());
        JsonNode answer = json(response.body());
        ActivityEntry.Builder b = ActivityEntry.builder(exchange.started().truncatedTo(ChronoUnit.MICROS),
                        exchange.principal().tenant(), exchange.principal().name(), request.method(),
                        abbreviate(request.path(), MAX_PATH_CHARS))
                .status(response.status())
                .durationMicros(Math.max(0, exchange.durationNanos() / 1_000));
        type.ifPresent(b::resourceType);
        b.operation(operation(request, segments, type, byId, body));

        Optional<String> filter = request.queryParameter("filter");
        Optional<String> id = byId ? Optional.of(segments.get(1)) : textOf(answer, "id");
        learn(tenant, answer);
        if (request.method().equals("POST") || request.method().equals("PUT")) {
            id.ifPresent(i -> nameOf(body).ifPresent(n -> names.put(tenant + "/" + i, n)));
        }
        Optional<String> display = id.flatMap(i -> Optional.ofNullable(names.get(tenant + "/" + i)))
                .or(() -> nameOf(body));
        if (!byId && filter.isPresent()) {
            Matcher eq = EQ_FILTER.matcher(filter.get());
            display = Optional.of(eq.matches() ? abbreviate(eq.group(2).replace("\\\"", "\""), MAX_NAME_CHARS)
                    : abbreviate(filter.get(), 200));
            id = field(answer, "Resources").size() == 1 ? textOf(field(answer, "Resources").get(0), "id") : Optional.empty();
        }
        id.ifPresent(b::targetId);
        display.ifPresent(b::targetDisplay);
        if (response.status() >= 400) {
            textOf(answer, "scimType").ifPresent(b::scimType);
            textOf(answer, "detail", MAX_DETAIL_CHARS).ifPresent(b::detail);
            SecretRedactor.redact(request.body()).ifPresent(b::requestBody);
        }
        if (request.method().equals("DELETE") && response.status() < 300) {
            id.ifPresent(i -> names.remove(tenant + "/" + i));
        }
        return b.build();
    }

    private String operation(ScimRequest request, List<String> segments, Optional<String> type, boolean byId,
                             JsonNode body) {
        if (segments.isEmpty()) {
            return request.method().toLowerCase(Locale.ROOT) + " on the base URL";
        }
        String first = segments.get(0);
        if (type.isEmpty()) {
            return switch (first.toLowerCase(Locale.ROOT)) {
                case "bulk" -> "bulk request (" + field(body, "Operations").size() + " operations)";
                case ".search" -> "search";
                case "serviceproviderconfig", "resourcetypes", "schemas" -> "read " + first;
                case "me" -> "own user (/Me)";
                default -> request.method().toLowerCase(Locale.ROOT) + " " + abbreviate(first, 60);
            };
        }
        if (segments.size() == 2 && segments.get(1).equals(".search")) {
            return "lookup";
        }
        String noun = type.get().toLowerCase(Locale.ROOT);
        return OperationWords.describe(request.method(), noun, byId, request.queryParameter("filter").isPresent(), body);
    }

    /** Remembers the names a single resource or a list answer carries. */
    private void learn(String tenant, JsonNode answer) {
        JsonNode resources = field(answer, "Resources");
        if (resources.isArray()) {
            for (int i = 0; i < Math.min(resources.size(), 100); i++) {
                remember(tenant, resources.get(i));
            }
        } else {
            remember(tenant, answer);
        }
    }

    private void remember(String tenant, JsonNode resource) {
        textOf(resource, "id").ifPresent(id -> nameOf(resource).ifPresent(n -> names.put(tenant + "/" + id, n)));
    }

    private static Optional<String> nameOf(JsonNode resource) {
        return textOf(resource, "userName").or(() -> textOf(resource, "displayName"));
    }

    private static Optional<String> textOf(JsonNode node, String name) {
        return textOf(node, name, MAX_NAME_CHARS);
    }

    private static Optional<String> textOf(JsonNode node, String name, int max) {
        JsonNode value = field(node, name);
        return value.isTextual() && !value.asText().isBlank() ? Optional.of(abbreviate(value.asText(), max)) : Optional.empty();
    }

    /** The body as JSON; a missing node for an empty body (Jackson reads none) and for one that is not JSON. */
    private static JsonNode json(byte[] bytes) {
        try {
            return ScimJson.mapper().readTree(bytes);
        } catch (java.io.IOException | RuntimeException e) {
            return MissingNode.getInstance();
        }
    }

    private static List<String> segments(String path) {
        List<String> out = new ArrayList<>();
        for (String s : path.split("/")) {
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…";
    }
}
