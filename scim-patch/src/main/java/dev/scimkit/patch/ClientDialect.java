package dev.scimkit.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.core.schema.AttributeDefinition;
import dev.scimkit.core.schema.AttributeType;
import dev.scimkit.core.schema.DefaultSubAttributes;
import dev.scimkit.filter.ast.CompareOperator;
import dev.scimkit.filter.ast.Filter;
import dev.scimkit.filter.ast.Literal;

import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every non-RFC habit of real SCIM clients, in one place, as data: each switch below names the
 * client that needs it and what it rewrites into RFC 7644 form before the RFC engine runs. The RFC
 * engine ({@link OperationApplier}) has no client-specific branch; {@link PatchMode#STRICT} turns all
 * of these off.
 *
 * <table>
 * <caption>Dialect rules</caption>
 * <tr><th>rule</th><th>client</th><th>sent</th><th>read as</th></tr>
 * <tr><td>{@link #booleanStrings}</td><td>Entra ID default job</td><td>{@code "value":"False"}</td><td>{@code false}</td></tr>
 * <tr><td>{@link #pathLessKeysArePaths}</td><td>Entra ID aadOptscim062020</td>
 *     <td>{@code {"op":"replace","value":{"name.givenName":"X","urn:…:User:employeeNumber":"7"}}}</td>
 *     <td>one replace per key, the key as path</td></tr>
 * <tr><td>{@link #removeByValue}</td><td>Entra ID default job</td>
 *     <td>{@code {"op":"Remove","path":"members","value":[{"value":"id"}]}}</td>
 *     <td>{@code remove members[value eq "id"]} per value</td></tr>
 * <tr><td>nulls in complex values</td><td>Entra ID</td><td>{@code {"$ref":null,"value":"id"}}</td>
 *     <td>{@code {"value":"id"}} (RFC 7643 §2.5, also in strict mode)</td></tr>
 * <tr><td>{@link #bareStringForComplex}</td><td>Entra ID</td><td>manager {@code "value":"id"}</td>
 *     <td>{@code {"value":"id"}}</td></tr>
 * <tr><td>{@link #oneElementArrayForSingleValued}</td><td>Entra ID</td><td>manager {@code [{"value":"id"}]}</td>
 *     <td>{@code {"value":"id"}}</td></tr>
 * <tr><td>{@link #singleValueForMultiValued}</td><td>Entra ID, others</td>
 *     <td>{@code {"op":"add","path":"emails","value":{…}}}</td><td>{@code [{…}]}</td></tr>
 * <tr><td>{@link #jsonEncodedValueAttributes}</td><td>Entra ID app roles</td>
 *     <td>roles {@code {"value":"{\"id\":…,\"value\":\"25\",\"displayName\":\"R\"}"}}</td>
 *     <td>{@code {"value":"25","display":"R"}}</td></tr>
 * <tr><td>{@link #upsertTypedValuePath}</td><td>Entra ID</td>
 *     <td>{@code replace emails[type eq "work"].value} with no work e-mail yet</td>
 *     <td>a new {@code {"type":"work","value":…}} instead of 400 noTarget</td></tr>
 * <tr><td>{@link #readOnlyEchoAccepted}</td><td>Okta group rename</td>
 *     <td>{@code {"op":"replace","value":{"id":"same id","displayName":"New"}}}</td>
 *     <td>the unchanged {@code id} is ignored (a different one is still 400 mutability)</td></tr>
 * <tr><td>{@link #nullReplaceRemoves}</td><td>Entra ID clearing a value</td>
 *     <td>{@code {"op":"replace","path":"title","value":null}}</td><td>{@code remove title}</td></tr>
 * </table>
 * Title-case ops ({@code Add}, {@code Replace}, {@code Remove}) need no rule: RFC 7644 ops are read
 * in any case by {@code PatchOperationType}.
 *
 * @param booleanStrings                 "True"/"False" (any case) for boolean attributes
 * @param pathLessKeysArePaths           path-less add/replace keys may be dotted or URN-qualified paths
 * @param removeByValue                  remove with a value removes the elements equal to each value
 * @param bareStringForComplex           a string for a complex attribute with a {@code value} sub-attribute
 * @param oneElementArrayForSingleValued a one-element array for a single-valued attribute
 * @param singleValueForMultiValued      one value (not an array) for a whole multi-valued attribute
 * @param jsonEncodedValueAttributes     multi-valued attributes whose {@code value} may be a JSON-encoded object
 * @param upsertTypedValuePath           a filtered add/replace on {@code attr[type eq "x"]} that matches
 *                                       nothing creates the element with {@code type} set
 * @param readOnlyEchoAccepted           a path-less add/replace may repeat a readOnly attribute unchanged
 * @param nullReplaceRemoves             replace with {@code null} removes the attribute
 */
record ClientDialect(boolean booleanStrings, boolean pathLessKeysArePaths, boolean removeByValue,
                     boolean bareStringForComplex, boolean oneElementArrayForSingleValued,
                     boolean singleValueForMultiValued, Set<String> jsonEncodedValueAttributes,
                     boolean upsertTypedValuePath, boolean readOnlyEchoAccepted, boolean nullReplaceRemoves) {

    /** RFC 7644 only. */
    static final ClientDialect RFC = new ClientDialect(false, false, false, false, false, false, Set.of(),
            false, false, false);

    /** Everything Entra ID (both jobs) and Okta are documented to send. */
    static final ClientDialect ALL_KNOWN_CLIENTS = new ClientDialect(true, true, true, true, true, true,
            Set.of("roles"), true, true, true);

    static ClientDialect forMode(PatchMode mode) {
        return mode == PatchMode.STRICT ? RFC : ALL_KNOWN_CLIENTS;
    }

    /** Rewrites a whole-attribute value of {@code def} into RFC shape (before schema checks). */
    JsonNode wholeValue(AttributeDefinition def, JsonNode value) {
        if (value == null || value.isNull()) {
            return value;
        }
        JsonNode v = value;
        if (def.multiValued()) {
            if (v.isTextual() && isJsonEncoded(def)) {
                v = decodeJson(v).orElse(v);
            }
            if (!v.isArray() && singleValueForMultiValued) {
                ArrayNode wrapped = ScimJson.mapper().createArrayNode();
                wrapped.add(v);
                v = wrapped;
            }
            if (!v.isArray()) {
                return v;
            }
            ArrayNode out = ScimJson.mapper().createArrayNode();
            for (JsonNode element : v) {
                out.add(element(def, element));
            }
            return out;
        }
        if (v.isArray() && v.size() == 1 && oneElementArrayForSingleValued) {
            v = v.get(0);
        }
        return element(def, v);
    }

    /** Rewrites one value of {@code def} (an element when multi-valued). */
    JsonNode element(AttributeDefinition def, JsonNode value) {
        if (value == null || value.isNull()) {
            return value;
        }
        if (def.type() == AttributeType.BOOLEAN && booleanStrings && value.isTextual()) {
            String s = value.asText().trim().toLowerCase(Locale.ROOT);
            if (s.equals("true") || s.equals("false")) {
                return ScimJson.nodes().booleanNode(Boolean.parseBoolean(s));
            }
            return value;
        }
        if (!def.isComplex()) {
            return value;
        }
        JsonNode v = value;
        if (v.isTextual() && bareStringForComplex && DefaultSubAttributes.find(def, "value").isPresent()) {
            ObjectNode wrapped = ScimJson.object();
            wrapped.set("value", v);
            v = wrapped;
        }
        if (!v.isObject()) {
            return v;
        }
        ObjectNode out = ScimJson.object();
        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Optional<AttributeDefinition> sub = DefaultSubAttributes.find(def, e.getKey());
            out.set(e.getKey(), sub.map(s -> s.multiValued() ? wholeValue(s, e.getValue()) : element(s, e.getValue()))
                    .orElse(e.getValue()));
        }
        if (def.multiValued() && isJsonEncoded(def)) {
            return decodeValueMember(out);
        }
        return out;
    }

    /**
     * For a filtered add/replace that matched nothing: the element to create, when the filter is
     * exactly {@code type eq "x"} and this dialect creates such elements.
     */
    Optional<ObjectNode> seedFor(Filter filter) {
        if (upsertTypedValuePath
                && filter instanceof Filter.Comparison c
                && c.operator() == CompareOperator.EQ
                && c.path().schemaUrn().isEmpty() && c.path().subAttribute().isEmpty()
                && c.path().attribute().equalsIgnoreCase("type")
                && c.value() instanceof Literal.StringLiteral s) {
            ObjectNode seed = ScimJson.object();
            seed.put("type", s.value());
            return Optional.of(seed);
        }
        return Optional.empty();
    }

    private boolean isJsonEncoded(AttributeDefinition def) {
        return jsonEncodedValueAttributes.contains(def.name().toLowerCase(Locale.ROOT));
    }

    /** Entra's SingleAppRoleAssignment: {"value":"{\"id\":…,\"value\":\"25\",\"displayName\":\"R\"}"}. */
    private static JsonNode decodeValueMember(ObjectNode element) {
        JsonNode encoded = JsonValues.get(element, "value");
        if (encoded == null || !encoded.isTextual()) {
            return element;
        }
        Optional<JsonNode> decoded = decodeJson(encoded);
        if (decoded.isEmpty() || !decoded.get().isObject() || JsonValues.get(decoded.get(), "value") == null) {
            return element;
        }
        ObjectNode out = element.deepCopy();
        JsonValues.put(out, "value", JsonValues.get(decoded.get(), "value"));
        JsonNode displayName = JsonValues.get(decoded.get(), "displayName");
        if (displayName != null && displayName.isTextual() && JsonValues.get(out, "display") == null) {
            out.set("display", displayName);
        }
        return out;
    }

    private static Optional<JsonNode> decodeJson(JsonNode text) {
        String s = text.asText().trim();
        if (!(s.startsWith("{") || s.startsWith("["))) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(ScimJson.mapper().readTree(s));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
