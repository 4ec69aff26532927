package dev.scimkit.examples.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Interprets a Runscope test export (the format of Okta's SCIM 2.0 spec test) against a live server:
 * runs each request step with its headers and body, checks every assertion, and extracts variables
 * for later steps. The test data is read, never copied, so a new export runs unchanged.
 */
final class RunscopeTestRunner {

    /**
     * One assertion's outcome; {@code notCheckedBecause} says why an assertion was not evaluated (it then
     * counts as neither passed nor failed).
     */
    record AssertionResult(String step, String description, boolean passed, String actual, String notCheckedBecause) {
        boolean checked() {
            return notCheckedBecause == null;
        }
    }

    /** Why a response-time assertion is not evaluated here. */
    static final String WALL_CLOCK = "a response-time limit is a wall-clock assertion, which the build does not"
            + " make (a loaded 2-core CI machine); Okta measures it against the deployed service";

    private static final Pattern VARIABLE = Pattern.compile("\\{\\{([A-Za-z0-9_]+)}}");
    private static final Set<String> RESTRICTED_HEADERS = Set.of("host", "content-length", "connection");

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> variables;

    RunscopeTestRunner(Map<String, String> initialVariables) {
        this.variables = new java.util.HashMap<>(initialVariables);
    }

    List<AssertionResult> run(Path export) throws IOException, InterruptedException {
        JsonNode test = json.readTree(export.toFile());
        List<AssertionResult> results = new ArrayList<>();
        for (JsonNode step : test.path("steps")) {
            if (!"request".equals(step.path("step_type").asText())) {
                continue; // pauses exist for Okta's rate limits; a local server needs none
            }
            runStep(step, results);
        }
        return results;
    }

    private void runStep(JsonNode step, List<AssertionResult> results) throws IOException, InterruptedException {
        String name = step.path("note").asText(step.path("url").asText());
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(substitute(step.path("url").asText())))
                .timeout(Duration.ofSeconds(20));
        step.path("headers").fields().forEachRemaining(h -> {
            if (!RESTRICTED_HEADERS.contains(h.getKey().toLowerCase(java.util.Locale.ROOT))) {
                h.getValue().forEach(v -> request.header(h.getKey(), substitute(v.asText())));
            }
        });
        String body = step.path("body").asText("");
        String method = step.path("method").asText("GET");
        request.method(method, body.isEmpty()
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(substitute(body)));
        long started = System.nanoTime();
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
        JsonNode responseJson = parseOrMissing(response.body());

        for (JsonNode assertion : step.path("assertions")) {
            results.add(check(name, assertion, response.statusCode(), responseJson, elapsedMillis));
        }
        for (JsonNode variable : step.path("variables")) {
            if ("response_json".equals(variable.path("source").asText())) {
                JsonNode value = JsonProperty.select(responseJson, variable.path("property").asText());
                if (!value.isMissingNode()) {
                    variables.put(variable.path("name").asText(), value.asText());
                }
            }
        }
    }

    private AssertionResult check(String step, JsonNode assertion, int status, JsonNode body, long millis) {
        String source = assertion.path("source").asText();
        String property = assertion.path("property").asText("");
        String comparison = assertion.path("comparison").asText();
        String expected = assertion.path("value").isNull() ? null : substitute(assertion.path("value").asText());
        JsonNode actual = switch (source) {
            case "response_status" -> json.getNodeFactory().numberNode(status);
            case "response_time" -> json.getNodeFactory().numberNode(millis);
            case "response_json" -> JsonProperty.select(body, property);
            default -> throw new IllegalArgumentException("Unknown assertion source " + source);
        };
        boolean passed = switch (comparison) {
            case "equal_number" -> actual.isNumber() && actual.decimalValue().compareTo(new java.math.BigDecimal(expected)) == 0;
            case "equal" -> !actual.isMissingNode() && !actual.isContainerNode() && actual.asText().equals(expected);
            case "not_empty" -> !actual.isMissingNode() && !actual.isNull()
                    && !(actual.isTextual() && actual.asText().isEmpty())
                    && !(actual.isContainerNode() && actual.isEmpty());
            case "has_value", "contains" -> contains(actual, expected);
            case "is_a_number" -> actual.isNumber();
            case "is_less_than" -> actual.isNumber() && actual.asDouble() < Double.parseDouble(expected);
            default -> throw new IllegalArgumentException("Unknown comparison " + comparison);
        };
        String description = source + (property.isEmpty() ? "" : " " + property) + " " + comparison
                + (expected == null ? "" : " " + expected);
        if (source.equals("response_time")) {
            return new AssertionResult(step, description, false, actual.toString(), WALL_CLOCK);
        }
        return new AssertionResult(step, description, passed, actual.toString(), null);
    }

    private static boolean contains(JsonNode actual, String expected) {
        if (actual.isArray()) {
            for (JsonNode item : actual) {
                if (item.asText().equals(expected)) {
                    return true;
                }
            }
            return false;
        }
        return actual.isTextual() && actual.asText().contains(expected);
    }

    private JsonNode parseOrMissing(String body) {
        try {
            return body == null || body.isBlank() ? json.missingNode() : json.readTree(body);
        } catch (IOException e) {
            return json.missingNode();
        }
    }

    String substitute(String text) {
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = variables.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException("Variable {{" + m.group(1) + "}} has no value");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The export writes URLs the way a person types them (spaces, quotes); encode the query. */
    private static URI uri(String url) {
        int q = url.indexOf('?');
        if (q < 0) {
            return URI.create(url);
        }
        StringBuilder encoded = new StringBuilder(url.substring(0, q + 1));
        String[] pairs = url.substring(q + 1).split("&");
        for (int i = 0; i < pairs.length; i++) {
            int eq = pairs[i].indexOf('=');
            if (i > 0) {
                encoded.append('&');
            }
            if (eq < 0) {
                encoded.append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8));
            } else {
                encoded.append(URLEncoder.encode(pairs[i].substring(0, eq), StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(pairs[i].substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return URI.create(encoded.toString());
    }
}
