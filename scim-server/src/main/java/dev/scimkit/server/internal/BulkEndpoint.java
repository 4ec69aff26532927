package dev.scimkit.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.scimkit.core.error.ScimErrorType;
import dev.scimkit.core.error.ScimException;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.core.schema.SchemaUrns;
import dev.scimkit.server.ScimRequest;
import dev.scimkit.server.ScimResponse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code POST /Bulk} (RFC 7644 §3.7): runs each operation through the engine as if it were its own
 * request of the same principal, resolves {@code bulkId:} references in paths and data (group members
 * included), honours {@code failOnErrors}, and enforces {@code maxOperations} (413; the payload size is
 * enforced for every request before it gets here).
 *
 * <p>An operation whose data refers to a {@code bulkId} defined by a later operation waits until that
 * one has run; references that can never resolve (undefined, failed, or circular) fail with 409.
 */
public final class BulkEndpoint {

    private static final Pattern BULK_REF = Pattern.compile("bulkId:([^/\"\\s]+)");
    private static final Set<String> METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final EngineConfig config;
    private final Function<RequestContext, ScimResponse> dispatcher;

    /** @param dispatcher answers one operation (routing and error handling, no authentication) */
    public BulkEndpoint(EngineConfig config, Function<RequestContext, ScimResponse> dispatcher) {
        this.config = config;
        this.dispatcher = dispatcher;
    }

    public ScimResponse handle(RequestContext ctx) {
        ObjectNode body = RequestBodies.object(ctx.request());
        JsonNode ops = ScimJson.getIgnoreCase(body, "Operations");
        if (ops == null || !ops.isArray()) {
            throw ScimException.invalidSyntax("A BulkRequest needs an \"Operations\" array, found " + ScimJson.describe(ops));
        }
        if (ops.size() > config.limits().bulkMaxOperations()) {
            throw ScimException.status(413, "A Bulk request may carry at most " + config.limits().bulkMaxOperations()
                    + " operations; this one has " + ops.size());
        }
        int failOnErrors = failOnErrors(body);
        List<Operation> operations = new ArrayList<>();
        Set<String> definedBulkIds = new LinkedHashSet<>();
        for (int i = 0; i < ops.size(); i++) {
            Operation op = Operation.read(i, ops.get(i));
            operations.add(op);
            if (op.error == null && op.bulkId != null && !definedBulkIds.add(op.bulkId)) {
                op.error = ScimException.invalidValue("bulkId \"" + op.bulkId + "\" is used by more than one operation");
            }
        }
        Map<String, String> resolved = new HashMap<>();
        Set<String> failedBulkIds = new LinkedHashSet<>();
        ObjectNode[] results = new ObjectNode[operations.size()];
        int errors = 0;
        boolean progress = true;
        List<Operation> pending = new ArrayList<>(operations);
        while (!pending.isEmpty() && progress && (failOnErrors == 0 || errors < failOnErrors)) {
            progress = false;
            List<Operation> waiting = new ArrayList<>();
            for (Operation op : pending) {
                if (failOnErrors > 0 && errors >= failOnErrors) {
                    break;
                }
                ObjectNode result;
                if (op.error != null) {
                    result = failure(op, op.error);
                } else {
                    Set<String> refs = op.references();
                    Set<String> unknown = new LinkedHashSet<>(refs);
                    unknown.removeAll(resolved.keySet());
                    if (unknown.stream().anyMatch(failedBulkIds::contains)) {
                        result = failure(op, ScimException.status(409, "The operation that defines bulkId \""
                                + unknown.stream().filter(failedBulkIds::contains).findFirst().orElseThrow() + "\" failed"));
                    } else if (unknown.stream().anyMatch(r -> !definedBulkIds.contains(r))) {
                        result = failure(op, ScimException.invalidValue("bulkId \""
                                + unknown.stream().filter(r -> !definedBulkIds.contains(r)).findFirst().orElseThrow()
                                + "\" is not defined by any operation of this request"));
                    } else if (!unknown.isEmpty()) {
                        waiting.add(op);
                        continue;
                    } else {
                        result = run(ctx, op, resolved);
                    }
                }
                progress = true;
                results[op.index] = result;
                boolean failed = Integer.parseInt(result.get("status").asText()) >= 400;
                if (failed) {
                    errors++;
                    if (op.bulkId != null) {
                        failedBulkIds.add(op.bulkId);
                    }
                }
            }
            pending = waiting;
        }
        if (!pending.isEmpty() && (failOnErrors == 0 || errors < failOnErrors)) {
            // What still waits can never run: its references form a cycle.
            for (Operation op : pending) {
                if (failOnErrors > 0 && errors >= failOnErrors) {
                    break;
                }
                results[op.index] = failure(op, ScimException.status(409,
                        "The bulkId references of this operation are circular and cannot be resolved"));
                errors++;
            }
        }
        ObjectNode out = ScimJson.object();
        out.putArray("schemas").add(SchemaUrns.BULK_RESPONSE);
        ArrayNode array = out.putArray("Operations");
        for (ObjectNode r : results) {
            if (r != null) {
                array.add(r);
            }
        }
        return ScimResponse.json(200, out);
    }

    private ObjectNode run(RequestContext ctx, Operation op, Map<String, String> resolved) {
        String path = substitute(op.path, resolved);
        ScimRequest.Builder request = ScimRequest.builder(op.method, path)
                .baseUrl(ctx.request().baseUrl())
                .header("Content-Type", "application/scim+json");
        if (op.version != null) {
            request.header("If-Match", op.version);
        }
        if (op.data != null) {
            request.body(ScimJson.write(substitute(op.data, resolved)));
        }
        ScimResponse response = dispatcher.apply(ctx.with(request.build()));
        ObjectNode result = ScimJson.object();
        result.put("method", op.method);
        if (op.bulkId != null) {
            result.put("bulkId", op.bulkId);
        }
        response.header("ETag").ifPresent(v -> result.put("version", v));
        String location = response.header("Location").orElse(null);
        if (response.status() < 400) {
            if (location == null && !op.method.equals("POST")) {
                location = ctx.baseUrl() + path;
            }
            if (location != null) {
                result.put("location", location);
            }
            if (op.bulkId != null && op.method.equals("POST")) {
                String id = response.bodyJson().path("id").asText(null);
                if (id != null) {
                    resolved.put(op.bulkId, id);
                }
            }
        } else if (response.bodyLength() > 0) {
            result.set("response", response.bodyJson());
        }
        result.put("status", Integer.toString(response.status()));
        return result;
    }

    private static ObjectNode failure(Operation op, ScimException e) {
        ObjectNode result = ScimJson.object();
        if (op.method != null) {
            result.put("method", op.method);
        }
        if (op.bulkId != null) {
            result.put("bulkId", op.bulkId);
        }
        result.put("status", Integer.toString(e.status()));
        result.set("response", ErrorResponses.body(e));
        return result;
    }

    private static int failOnErrors(ObjectNode body) {
        JsonNode v = ScimJson.getIgnoreCase(body, "failOnErrors");
        if (v == null || v.isNull()) {
            return 0;
        }
        if (!v.canConvertToExactIntegral() || !v.canConvertToInt() || v.asInt() < 1) {
            throw ScimException.invalidValue("failOnErrors must be a positive integer");
        }
        return v.asInt();
    }

    private static String substitute(String text, Map<String, String> resolved) {
        Matcher m = BULK_REF.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(resolved.getOrDefault(m.group(1), m.group())));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static JsonNode substitute(JsonNode node, Map<String, String> resolved) {
        if (node.isTextual()) {
            String s = node.asText();
            return s.contains("bulkId:") ? TextNode.valueOf(substitute(s, resolved)) : node;
        }
        if (node.isArray()) {
            ArrayNode out = ScimJson.nodes().arrayNode();
            node.forEach(e -> out.add(substitute(e, resolved)));
            return out;
        }
        if (node.isObject()) {
            ObjectNode out = ScimJson.object();
            node.properties().forEach(f -> out.set(f.getKey(), substitute(f.getValue(), resolved)));
            return out;
        }
        return node;
    }

    private static void collect(JsonNode node, Set<String> out) {
        if (node.isTextual()) {
            Matcher m = BULK_REF.matcher(node.asText());
            while (m.find()) {
                out.add(m.group(1));
            }
        } else {
            node.forEach(e -> collect(e, out));
        }
    }

    /** One operation as read from the request; {@code error} is set when it cannot run at all. */
    private static final class Operation {
        final int index;
        String method;
        String bulkId;
        String version;
        String path;
        JsonNode data;
        ScimException error;

        private Operation(int index) {
            this.index = index;
        }

        static Operation read(int index, JsonNode node) {
            Operation op = new Operation(index);
            if (!node.isObject()) {
                op.error = ScimException.invalidSyntax("Bulk operation " + index + " must be an object");
                return op;
            }
            JsonNode method = ScimJson.getIgnoreCase(node, "method");
            JsonNode bulkId = ScimJson.getIgnoreCase(node, "bulkId");
            JsonNode version = ScimJson.getIgnoreCase(node, "version");
            JsonNode path = ScimJson.getIgnoreCase(node, "path");
            op.data = ScimJson.getIgnoreCase(node, "data");
            if (bulkId != null && bulkId.isTextual() && !bulkId.asText().isBlank()) {
                op.bulkId = bulkId.asText();
            }
            if (method == null || !method.isTextual() || !METHODS.contains(method.asText().toUpperCase(Locale.ROOT))) {
                op.error = ScimException.invalidValue("Bulk operation " + index + " needs a method of POST, PUT, PATCH or DELETE");
                return op;
            }
            op.method = method.asText().toUpperCase(Locale.ROOT);
            if (version != null && version.isTextual()) {
                op.version = version.asText();
            }
            if (path == null || !path.isTextual() || !path.asText().startsWith("/")) {
                op.error = ScimException.invalidValue("Bulk operation " + index + " needs a path such as \"/Users\"");
                return op;
            }
            op.path = path.asText();
            String lower = op.path.toLowerCase(Locale.ROOT);
            if (lower.startsWith("/bulk") || lower.contains("/.search") || lower.startsWith("/me")) {
                op.error = ScimException.invalidValue("Bulk operation " + index + " cannot address " + op.path);
                return op;
            }
            if (op.method.equals("POST") && op.bulkId == null) {
                op.error = ScimException.invalidValue("Bulk operation " + index + " is a POST and needs a bulkId");
                return op;
            }
            if (!op.method.equals("DELETE") && (op.data == null || !op.data.isObject())) {
                op.error = ScimException.of(ScimErrorType.INVALID_SYNTAX, "Bulk operation " + index + " needs a data object");
            }
            return op;
        }

        Set<String> references() {
            Set<String> refs = new LinkedHashSet<>();
            collect(TextNode.valueOf(path), refs);
            if (data != null) {
                collect(data, refs);
            }
            return refs;
        }
    }
}
