package dev.scimkit.core.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.core.schema.AttributeDefinition;

import java.util.Locale;
import java.util.Optional;

/**
 * The one place where scimkit forgives what real SCIM clients send but RFC 7643/7644 do not allow.
 * {@link ResourceValidator} applies these rules only in {@link ValidationMode#LENIENT} (the default);
 * the PATCH engine uses the same methods for the same dialects, so a tolerance is granted, documented
 * and tested once.
 *
 * <table>
 *   <caption>What each mode accepts</caption>
 *   <tr><th>Input</th><th>Lenient (default)</th><th>Strict</th><th>Why</th></tr>
 *   <tr><td>Attribute names in any letter case ({@code USERNAME}, {@code Primary})</td>
 *       <td colspan="2">accepted in both modes, written in schema spelling</td>
 *       <td>RFC 7643 §2.1: attribute names are case-insensitive</td></tr>
 *   <tr><td>Extension object keyed by its URN in any case</td>
 *       <td colspan="2">accepted in both modes, written under the registered spelling</td>
 *       <td>URNs are compared ignoring case (RFC 8141 §3.1 for the NID, and real clients vary the rest)</td></tr>
 *   <tr><td>{@code null}, {@code []} or an empty object as a value</td>
 *       <td colspan="2">both modes: the attribute is unassigned and removed</td>
 *       <td>RFC 7643 §2.5 makes them equivalent to "unassigned"</td></tr>
 *   <tr><td>{@code "True"}/{@code "False"} (any case) for a boolean</td>
 *       <td>coerced to {@code true}/{@code false}</td><td>400 invalidValue</td>
 *       <td>Entra ID sends string booleans (e.g. {@code "active": "True"})</td></tr>
 *   <tr><td>A bare string for a complex attribute with a {@code value} sub-attribute
 *       ({@code "manager": "26118915-6090-4610-87e4-49d8ca9f808d"})</td>
 *       <td>read as {@code {"value": ...}}</td><td>400 invalidValue</td>
 *       <td>Entra ID sends the enterprise manager as a bare id</td></tr>
 *   <tr><td>Extension attributes present while {@code schemas} lacks the extension URN</td>
 *       <td>URN added to {@code schemas}</td><td>400 invalidValue</td>
 *       <td>clients forget it; the data is unambiguous</td></tr>
 *   <tr><td>{@code schemas} missing, or without the core schema URN</td>
 *       <td>core URN added</td><td>400 invalidValue</td>
 *       <td>RFC 7643 §3 makes {@code schemas} REQUIRED; Okta and Entra ID always send it, hand-written
 *       clients often do not</td></tr>
 *   <tr><td>Unknown attributes, sub-attributes and schema URNs in {@code schemas}</td>
 *       <td>ignored (dropped; name logged at WARN the first time, DEBUG after)</td><td>400 invalidValue naming them</td>
 *       <td>see {@link UnknownAttributePolicy}; adjustable with {@link ValidationOptions}</td></tr>
 *   <tr><td>An extension object under a URN the resource type does not declare</td>
 *       <td colspan="2">both modes: 400 invalidValue naming the URN and how to declare it, or kept as sent</td>
 *       <td>see {@link UndeclaredExtensionPolicy}: an administrator's mapping must not vanish</td></tr>
 *   <tr><td>An extension attribute as a dotted top-level key
 *       ({@code "urn:...:CustomExtensionName:2.0:User:badgeNumber": "42"})</td>
 *       <td>read into its extension</td><td>400 invalidValue</td>
 *       <td>Entra ID writes extension attributes by their full name</td></tr>
 *   <tr><td>readOnly attributes in a request ({@code id}, {@code meta}, {@code groups})</td>
 *       <td colspan="2">both modes: ignored (on replace the stored values are kept)</td>
 *       <td>RFC 7644 §3.5.1: values of readOnly attributes "SHALL be ignored"</td></tr>
 *   <tr><td>Values outside an attribute's canonical values ({@code "type": "mail"})</td>
 *       <td colspan="2">both modes: accepted unless the list is closed</td>
 *       <td>RFC 7643 §7: canonical values are suggestions that "MAY be used"</td></tr>
 * </table>
 */
public final class ClientLeniency {

    private ClientLeniency() {
    }

    /** Reads {@code "true"}/{@code "false"} in any letter case as a boolean; empty for anything else. */
    public static Optional<BooleanNode> stringBoolean(JsonNode value) {
        if (value == null || !value.isTextual()) {
            return Optional.empty();
        }
        String text = value.asText().trim().toLowerCase(Locale.ROOT);
        return switch (text) {
            case "true" -> Optional.of(BooleanNode.TRUE);
            case "false" -> Optional.of(BooleanNode.FALSE);
            default -> Optional.empty();
        };
    }

    /**
     * Reads a bare scalar sent for a complex attribute that has a {@code value} sub-attribute as
     * {@code {"value": scalar}}; empty when that reading does not apply.
     */
    public static Optional<ObjectNode> bareValueAsComplex(AttributeDefinition complex, JsonNode value) {
        if (value == null || !value.isValueNode() || value.isNull() || !complex.isComplex()
                || complex.subAttribute("value").isEmpty()) {
            return Optional.empty();
        }
        ObjectNode wrapped = ScimJson.object();
        wrapped.set(complex.subAttribute("value").get().name(), value);
        return Optional.of(wrapped);
    }
}
