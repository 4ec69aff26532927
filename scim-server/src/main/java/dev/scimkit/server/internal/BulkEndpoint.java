package dev.scimkit.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.scimkit.core.error.ScimException;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.core.message.BulkMethod;
import dev.scimkit.core.message.BulkOperation;
import dev.scimkit.core.message.BulkOperationResult;
import dev.scimkit.core.message.BulkResponse;
import dev.scimkit.core.message.ErrorResponse;
import dev.scimkit.server.ScimRequest;
import dev.scimkit.server.ScimResponse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
 * <p>Operations and results are scim-core's {@link BulkOperation} and {@link BulkOperationResult}. The
 * request is read one operation at a time rather than with {@code BulkRequest.fromJson}, because one
 * malformed operation must fail alone (with its own result) instead of failing the whole request.
 *
 * <p>An operation whose data refers to a {@code bulkId} defined by a later operation waits until that
 * one has run; references that can never resolve (undefined, failed, or circular) fail with 409.
 */
public final class BulkEndpoint {

    private static final Pattern BULK_REF = Pattern.compile("bulkId:([^/\"\\s]+)");

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
        List<Entry> entries = new ArrayList<>();
        Set<String> definedBulkIds = new LinkedHashSet<>();
        for (int i = 0; i < ops.size(); i++) {
            Entry entry = Entry.read(i, ops.get(i));
            if (entry.runnable() && entry.bulkId().isPresent() && !definedBulkIds.add(entry.bulkId().get())) {
                entry = entry.failing(ScimException.invalidValue("bulkId \"" + Details.abbreviate(entry.bulkId().get())
                        + "\" is used by more than one operation"));
            }
            entries.add(entry);
        }
        Map<String, String> resolved = new HashMap<>();
        Set<String> failedBulkIds = new LinkedHashSet<>();
        ObjectNode[] results = new ObjectNode[entries.size()];
        int errors = 0;
        boolean progress = true;
        List<Entry> pending = entries;
        while (!pending.isEmpty() && progress && (failOnErrors == 0 || errors < failOnErrors)) {
            progress = false;
            List<Entry> waiting = new ArrayList<>();
            for (Entry entry : pending) {
                if (failOnErrors > 0 && errors >= failOnErrors) {
                    break;
                }
                Outcome outcome;
                if (!entry.runnable()) {
                    outcome = failure(entry, entry.error().orElseThrow());
                } else {
                    Set<String> unknown = entry.references();
                    unknown.removeAll(resolved.keySet());
                    Optional<String> failedRef = unknown.stream().filter(failedBulkIds::contains).findFirst();
                    Optional<String> undefinedRef = unknown.stream().filter(r -> !definedBulkIds.contains(r)).findFirst();
                    if (failedRef.isPresent()) {
                        outcome = failure(entry, ScimException.status(409, "The operation that defines bulkId \""
                                + Details.abbreviate(failedRef.get()) + "\" failed"));
                    } else if (undefinedRef.isPresent()) {
                        outcome = failure(entry, ScimException.invalidValue("bulkId \"" + Details.abbreviate(undefinedRef.get())
                                + "\" is not defined by any operation of this request"));
                    } else if (!unknown.isEmpty()) {
                        waiting.add(entry);
                        continue;
                    } else {
                        outcome = run(ctx, entry.operation().orElseThrow(), resolved);
                    }
                }
                progress = true;
                results[entry.index()] = outcome.json();
                if (outcome.failed()) {
                    errors++;
                    entry.bulkId().ifPresent(failedBulkIds::add);
                }
            }
            pending = waiting;
        }
        if (!pending.isEmpty() && (failOnErrors == 0 || errors < failOnErrors)) {
            // What still waits can never run: its references form a cycle.
            for (Entry entry : pending) {
                if (failOnErrors > 0 && errors >= failOnErrors) {
                    break;
                }
                results[entry.index()] = failure(entry, ScimException.status(409,
                        "The bulkId references of this operation are circular and cannot be resolved")).json();
                errors++;
            }
        }
        ObjectNode out = new BulkResponse(List.of()).toJson();
        ArrayNode array = (ArrayNode) out.get("Operations");
        for (ObjectNode r : results) {
            if (r != null) {
                array.add(r);
            }
        }
        return ScimResponse.json(200, out);
    }

    private Outcome run(RequestContext ctx, BulkOperation op, Map<String, String> resolved) {
        String path = substitute(op.path(), resolved);
        ScimRequest.Builder request = ScimRequest.builder(op.method().wireName(), path)
                .baseUrl(ctx.request().baseUrl())
                .header("Content-Type", "application/scim+json");
        op.version().ifPresent(v -> request.header("If-Match", v));
        op.data().ifPresent(d -> request.body(ScimJson.write(substitute(d, resolved))));
        ScimResponse response = dispatcher.apply(ctx.with(request.build()));
        boolean succeeded = response.status() < 400;
        Optional<String> location = response.header("Location");
        if (succeeded && location.isEmpty() && op.method() != BulkMethod.POST) {
            location = Optional.of(ctx.baseUrl() + path);
        }
        if (succeeded && op.method() == BulkMethod.POST && op.bulkId().isPresent()) {
            String id = response.bodyJson().path("id").asText(null);
            if (id != null) {
                resolved.put(op.bulkId().get(), id);
            }
        }
        BulkOperationResult result = new BulkOperationResult(op.method(), op.bulkId(), response.header("ETag"),
                succeeded ? location : Optional.empty(), Integer.toString(response.status()),
                !succeeded && response.bodyLength() > 0 ? Optional.of(response.bodyJson()) : Optional.empty());
        return new Outcome(result.toJson(), !result.isSuccess());
    }

    private static Outcome failure(Entry entry, ScimException e) {
        if (entry.method().isPresent()) {
            BulkOperationResult result = new BulkOperationResult(entry.method().get(), entry.bulkId(), Optional.empty(),
                    Optional.empty(), Integer.toString(e.status()), Optional.of(ErrorResponse.from(e).toJson()));
            return new Outcome(result.toJson(), true);
        }
        // A BulkOperationResult needs a method; an operation without a readable one is still answered.
        ObjectNode result = ScimJson.object();
        entry.bulkId().ifPresent(b -> result.put("bulkId", b));
        result.put("status", Integer.toString(e.status()));
        result.set("response", ErrorResponse.from(e).toJson());
        return new Outcome(result, true);
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

    /** A result as it goes into the response, and whether it counts towards {@code failOnErrors}. */
    private record Outcome(ObjectNode json, boolean failed) {
    }

    /**
     * One element of {@code Operations}: the {@link BulkOperation} it reads as, or why it cannot run.
     * {@code method} and {@code bulkId} are kept as far as they could be read, to label the failure.
     */
    private record Entry(int index, Optional<BulkMethod> method, Optional<String> bulkId,
                         Optional<BulkOperation> operation, Optional<ScimException> error) {

        static Entry read(int index, JsonNode node) {
            String where = "Bulk operation " + index;
            if (!node.isObject()) {
                return failed(index, Optional.empty(), Optional.empty(),
                        ScimException.invalidSyntax(where + " must be an object, not " + ScimJson.describe(node)));
            }
            Optional<String> bulkId = text(node, "bulkId");
            Optional<BulkMethod> method = Optional.empty();
            try {
                method = Optional.of(BulkMethod.fromWireName(text(node, "method").orElse("")));
                Optional<String> path = text(node, "path");
                if (path.isEmpty()) {
                    throw ScimException.invalidValue("a path such as \"/Users\" is required");
                }
                String lower = path.get().toLowerCase(Locale.ROOT);
                if (lower.startsWith("/bulk") || lower.contains("/.search") || lower.startsWith("/me")) {
                    throw ScimException.invalidValue("a Bulk operation cannot address " + Details.abbreviate(path.get()));
                }
                JsonNode data = ScimJson.getIgnoreCase(node, "data");
                if (method.get().needsData() && (data == null || !data.isObject())) {
                    throw ScimException.invalidSyntax("a " + method.get().wireName() + " needs a data object");
                }
                // BulkOperation checks the rest: a path starting with '/', a bulkId for every POST.
                BulkOperation op = new BulkOperation(method.get(), bulkId, text(node, "version"), path.get(),
                        method.get().needsData() ? Optional.of(data) : Optional.empty());
                return new Entry(index, method, bulkId, Optional.of(op), Optional.empty());
            } catch (ScimException e) {
                return failed(index, method, bulkId,
                        new ScimException(e.status(), e.scimType().orElse(null), where + ": " + e.detail()));
            }
        }

        private static Entry failed(int index, Optional<BulkMethod> method, Optional<String> bulkId, ScimException e) {
            return new Entry(index, method, bulkId, Optional.empty(), Optional.of(e));
        }

        /** A text member; anything but a non-blank string counts as absent, as before core's types. */
        private static Optional<String> text(JsonNode node, String name) {
            JsonNode v = ScimJson.getIgnoreCase(node, name);
            return v != null && v.isTextual() && !v.asText().isBlank() ? Optional.of(v.asText()) : Optional.empty();
        }

        boolean runnable() {
            return operation.isPresent();
        }

        Entry failing(ScimException e) {
            return failed(index, method, bulkId, e);
        }

        /** The bulkIds this operation refers to (in its path and data); a new, mutable set. */
        Set<String> references() {
            Set<String> refs = new LinkedHashSet<>();
            operation.ifPresent(op -> {
                collect(TextNode.valueOf(op.path()), refs);
                op.data().ifPresent(d -> collect(d, refs));
            });
            return refs;
        }
    }
}
