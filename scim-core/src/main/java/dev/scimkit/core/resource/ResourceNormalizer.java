package dev.scimkit.core.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.error.ScimException;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.core.schema.AttributeDefinition;
import dev.scimkit.core.schema.DefaultSubAttributes;
import dev.scimkit.core.schema.Mutability;
import dev.scimkit.core.schema.ResolvedAttribute;
import dev.scimkit.core.schema.ResourceTypeDefinition;
import dev.scimkit.core.schema.SchemaExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One walk over a resource tree against its resource type: checks every value and builds the
 * normalised copy. Not thread-safe and used once; {@link ResourceValidator} creates one per call.
 */
final class ResourceNormalizer {

    /** Why the tree is walked; decides readOnly handling and whether client dialects apply. */
    enum Purpose { CREATE, REPLACE, CHECK }

    private static final Logger LOG = LoggerFactory.getLogger(ResourceValidator.class);
    private static final IgnoredAttributeLog IGNORED = new IgnoredAttributeLog(LOG);
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private final ResourceTypeDefinition type;
    private final ResourceLayouts layouts;
    private final Function<String, Optional<AttributeDefinition>> coreResolver;
    private final ValidationOptions options;
    private final Purpose purpose;
    /** Client dialects apply to request bodies only; a CHECK sees server-made trees. */
    private final boolean lenient;

    ResourceNormalizer(ResourceTypeDefinition type, ResourceLayouts layouts, ValidationOptions options, Purpose purpose) {
        this.type = type;
        this.layouts = layouts;
        this.coreResolver = n -> type.resolve(n).map(ResolvedAttribute::attribute);
        this.options = options;
        this.purpose = purpose;
        this.lenient = options.isLenient() && purpose != Purpose.CHECK;
    }

    /** Normalises {@code body}; for {@link Purpose#REPLACE}, {@code existing} is the stored resource. */
    ObjectNode normalize(JsonNode body, ObjectNode existing) {
        if (body == null || !body.isObject()) {
            throw ScimException.invalidSyntax("A " + type.name() + " must be a JSON object, not "
                    + ScimJson.describe(body));
        }
        JsonNode schemasValue = null;
        AttributeLayout coreLayout = layouts.core();
        MatchedMembers coreMembers = new MatchedMembers(coreLayout, body.size());
        Map<SchemaExtension, Member> extensionMembers = new LinkedHashMap<>();
        Map<SchemaExtension, ObjectNode> dotted = new LinkedHashMap<>();
        Map<String, JsonNode> kept = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = field.getKey();
            if (ScimJson.sameName(key, "schemas")) {
                schemasValue = field.getValue();
                continue;
            }
            if (matchMember(coreMembers, coreLayout, field, coreResolver, Where.ROOT)) {
                continue;
            }
            Optional<SchemaExtension> extension = type.extension(key);
            if (extension.isPresent()) {
                String urn = extension.get().schema().id();
                Member previous = extensionMembers.put(extension.get(), new Member(key, field.getValue()));
                if (previous != null) {
                    throw ScimException.invalidSyntax("The extension " + urn + " is given twice (as '"
                            + previous.key + "' and '" + key + "')");
                }
                continue;
            }
            if (!key.regionMatches(true, 0, "urn:", 0, 4)) {
                unknown(key, "Unknown attribute '" + key + "' for resource type " + type.name());
            } else if (lenient && putDotted(dotted, key, field.getValue())) {
                continue;
            } else if (type.hasSchema(key.substring(0, key.lastIndexOf(':')))) {
                // a declared schema's URN before an attribute it does not define: an unknown attribute, as always
                unknown(key, "Unknown attribute '" + key + "' for resource type " + type.name());
            } else {
                undeclaredExtension(key, field.getValue(), kept);
            }
        }
        mergeDotted(extensionMembers, dotted);

        List<String> schemas = readSchemas(schemasValue);
        ObjectNode out = objectFor(1 + coreMembers.count() + extensionMembers.size() + kept.size()
                + (existing == null ? 0 : existing.size()));
        ArrayNode schemasOut = out.putArray("schemas");

        writeMembers(out, coreMembers, coreLayout, existing, Where.ROOT, true);

        for (SchemaExtension extension : type.extensions()) {
            Member member = extensionMembers.get(extension);
            ObjectNode existingExtension = existing == null ? null : asObject(existing.get(extension.schema().id()));
            ObjectNode extensionOut = normalizeExtension(extension, member == null ? null : member.value,
                    existingExtension, schemas);
            if (extensionOut != null) {
                out.set(extension.schema().id(), extensionOut);
            }
        }

        for (Map.Entry<String, JsonNode> undeclared : kept.entrySet()) {
            out.set(undeclared.getKey(), undeclared.getValue().deepCopy());
            if (!containsIgnoreCase(schemas, undeclared.getKey())) {
                schemas.add(undeclared.getKey());
            }
        }

        if (!containsIgnoreCase(schemas, type.schema().id())) {
            if (!lenient) {
                throw ScimException.invalidValue("\"schemas\" must list the core schema " + type.schema().id());
            }
            schemas.add(0, type.schema().id());
        }
        schemas.forEach(schemasOut::add);
        return out;
    }

    /**
     * The part of a {@link Purpose#CHECK} that a change confined to {@code changed} (and to
     * {@code schemas}) can have affected, for a resource that satisfied the schema before: each changed
     * core attribute as {@link #normalize} checks it (also when absent, for required-ness), every
     * extension holding a changed attribute or present without being listed, and {@code schemas}.
     * Everything else is as it was, and was valid. Builds no normalised copy of the unchanged parts.
     */
    void checkChanged(ObjectNode resource, Collection<ResolvedAttribute> changed) {
        if (resource == null) {
            throw ScimException.invalidSyntax("A " + type.name() + " must be a JSON object, not nothing");
        }
        List<String> schemas = readSchemas(schemasMember(resource));
        for (ResolvedAttribute r : changed) {
            if (!r.extension()) {
                AttributeDefinition attribute = r.attribute();
                Member member = coreMember(resource, attribute);
                writeMember(ScimJson.object(), attribute, member == null ? null : member.value, null, Where.ROOT, true);
            }
        }
        for (SchemaExtension extension : type.extensions()) {
            String urn = extension.schema().id();
            boolean touched = false;
            for (ResolvedAttribute r : changed) {
                touched |= r.extension() && r.schema() == extension.schema();
            }
            JsonNode value = extensionMember(resource, extension, touched);
            boolean unlistedData = value != null && !value.isNull() && !containsIgnoreCase(schemas, urn);
            if (touched || unlistedData) {
                normalizeExtension(extension, value, null, schemas);
            }
        }
        if (!containsIgnoreCase(schemas, type.schema().id())) {
            throw ScimException.invalidValue("\"schemas\" must list the core schema " + type.schema().id());
        }
    }

    /**
     * What {@link #checkChanged} checks of one changed core attribute whose only member is {@code value}
     * (null when it has none): the same {@code writeMember} call, so the same verdict and detail.
     */
    void checkCoreValue(AttributeDefinition attribute, JsonNode value) {
        writeMember(ScimJson.object(), attribute, value, null, Where.ROOT, true);
    }

    /** {@code schemas} as {@link #normalize} reads it: the last member so named, in any case. */
    private static JsonNode schemasMember(ObjectNode resource) {
        JsonNode exact = resource.get("schemas");
        JsonNode found = null;
        int named = 0;
        for (Iterator<String> it = resource.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (ScimJson.sameName(key, "schemas")) {
                found = resource.get(key);
                named++;
            }
        }
        return named <= 1 && exact != null ? exact : found;
    }

    /** The member that resolves to {@code attribute}, with the same duplicate check as {@link #normalize}. */
    private Member coreMember(ObjectNode resource, AttributeDefinition attribute) {
        Member found = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = resource.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = field.getKey();
            // equalsIgnoreCase is a cheap filter; resolve decides, as it does in normalize
            if (ScimJson.sameName(key, attribute.name())
                    && type.resolve(key).map(ResolvedAttribute::attribute).orElse(null) == attribute) {
                if (found != null) {
                    throw ScimException.invalidSyntax(attribute.name() + " is given twice (as '" + found.key
                            + "' and '" + key + "'); attribute names are case-insensitive");
                }
                found = new Member(key, field.getValue());
            }
        }
        return found;
    }

    /** An extension's object, with the duplicate check of {@link #normalize} when {@code checkTwice}. */
    private JsonNode extensionMember(ObjectNode resource, SchemaExtension extension, boolean checkTwice) {
        String urn = extension.schema().id();
        if (!checkTwice) {
            return ScimJson.getIgnoreCase(resource, urn);
        }
        Member found = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = resource.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (ScimJson.sameName(field.getKey(), urn) && type.extension(field.getKey()).orElse(null) == extension
                    && type.resolve(field.getKey()).isEmpty()) {
                if (found != null) {
                    throw ScimException.invalidSyntax("The extension " + urn + " is given twice (as '"
                            + found.key + "' and '" + field.getKey() + "')");
                }
                found = new Member(field.getKey(), field.getValue());
            }
        }
        return found == null ? null : found.value;
    }

    /**
     * Normalises one extension's object (null when absent) and keeps {@code schemas} in step: an
     * extension with data must be listed (lenient: it is added). Returns the normalised object, or
     * null when the extension carries nothing.
     */
    private ObjectNode normalizeExtension(SchemaExtension extension, JsonNode value, ObjectNode existingExtension,
                                          List<String> schemas) {
        String urn = extension.schema().id();
        ObjectNode extensionOut = null;
        boolean sentData = false;
        if (value != null && !value.isNull()) {
            if (!value.isObject()) {
                throw ScimException.invalidValue("The extension " + urn
                        + " must be an object holding its attributes, not " + ScimJson.describe(value));
            }
            extensionOut = normalizeMembers(value, layouts.extension(extension), a -> extension.schema().attribute(a),
                    existingExtension, Where.ROOT.then(urn).then(":"), true);
            sentData = !extensionOut.isEmpty();
        } else if (existingExtension != null) {
            // PUT without the extension still keeps its readOnly and immutable values.
            extensionOut = normalizeMembers(ScimJson.object(), layouts.extension(extension),
                    a -> extension.schema().attribute(a), existingExtension, Where.ROOT.then(urn).then(":"), false);
        }
        if (extensionOut != null && !extensionOut.isEmpty()) {
            if (!containsIgnoreCase(schemas, urn)) {
                if (sentData && !lenient) {
                    throw ScimException.invalidValue("The request carries " + urn
                            + " attributes, but \"schemas\" does not list " + urn);
                }
                schemas.add(urn);
            }
            return extensionOut;
        } else if (extension.required()) {
            throw ScimException.invalidValue("The extension " + urn + " is required for resource type "
                    + type.name());
        }
        return null;
    }

    private List<String> readSchemas(JsonNode value) {
        List<String> schemas = new ArrayList<>();
        if (value == null || value.isNull()) {
            if (!lenient) {
                throw ScimException.invalidValue("\"schemas\" is required and must list " + type.schema().id());
            }
            return schemas;
        }
        if (!value.isArray()) {
            throw ScimException.invalidValue("\"schemas\" must be an array of schema URNs, not "
                    + ScimJson.describe(value));
        }
        for (int i = 0; i < value.size(); i++) {
            JsonNode urn = value.get(i);
            if (!urn.isTextual()) {
                throw ScimException.invalidValue("schemas[" + i + "] must be a schema URN string, not "
                        + ScimJson.describe(urn));
            }
            Optional<String> known = canonicalSchemaUrn(urn.asText());
            if (known.isEmpty() && keepsUndeclaredExtensions()) {
                if (!containsIgnoreCase(schemas, urn.asText())) {
                    schemas.add(urn.asText());
                }
            } else if (known.isEmpty()) {
                unknown("schemas[" + i + "]", "schemas[" + i + "] '" + urn.asText()
                        + "' is not a schema of resource type " + type.name());
            } else if (!containsIgnoreCase(schemas, known.get())) {
                schemas.add(known.get());
            }
        }
        return schemas;
    }

    private Optional<String> canonicalSchemaUrn(String urn) {
        if (ScimJson.sameName(type.schema().id(), urn)) {
            return Optional.of(type.schema().id());
        }
        return type.extension(urn).map(e -> e.schema().id());
    }

    /**
     * Normalises the members of one JSON object (an extension object or a complex value) against the
     * attributes {@code layout} declares and {@code resolver} finds, writing them in schema order.
     *
     * @param existing       the stored counterpart on replace (readOnly and immutable values come from it)
     * @param pathPrefix     how details name the object's members ({@code emails[1].}, {@code urn:...:User:})
     * @param checkRequired  whether missing required attributes are an error
     */
    private ObjectNode normalizeMembers(JsonNode object, AttributeLayout layout,
                                       Function<String, Optional<AttributeDefinition>> resolver, ObjectNode existing,
                                       Where pathPrefix, boolean checkRequired) {
        MatchedMembers members = new MatchedMembers(layout, object.size());
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!matchMember(members, layout, field, resolver, pathPrefix)) {
                unknown(pathPrefix + field.getKey(), "Unknown attribute '" + pathPrefix + field.getKey()
                        + "' for resource type " + type.name());
            }
        }
        ObjectNode out = objectFor(members.count() + (existing == null ? 0 : existing.size()));
        writeMembers(out, members, layout, existing, pathPrefix, checkRequired);
        return out;
    }

    /**
     * Finds the attribute a member names and adds it to {@code members}: by the layout's table when the
     * name is in schema spelling, else by {@code resolver} (any case, RFC 7643 §2.4 defaults). False when
     * the name is no attribute here; a 400 when the attribute was already given in another spelling.
     */
    private static boolean matchMember(MatchedMembers members, AttributeLayout layout, Map.Entry<String, JsonNode> field,
                                       Function<String, Optional<AttributeDefinition>> resolver, Where pathPrefix) {
        int slot = layout.slotOfName(field.getKey());
        AttributeDefinition attribute;
        if (slot == AttributeLayout.NO_ATTRIBUTE) {
            return false;
        } else if (slot != AttributeLayout.ASK_RESOLVER) {
            attribute = layout.at(slot);
        } else {
            Optional<AttributeDefinition> resolved = resolver.apply(field.getKey());
            if (resolved.isEmpty()) {
                return false;
            }
            attribute = resolved.get();
            slot = layout.slotOf(attribute);
        }
        String previousKey = members.addUnlessPresent(slot, attribute, field);
        if (previousKey != null) {
            throw ScimException.invalidSyntax(pathPrefix + attribute.name() + " is given twice (as '"
                    + previousKey + "' and '" + field.getKey() + "'); attribute names are case-insensitive");
        }
        return true;
    }

    /**
     * Writes every declared attribute in layout order (a required one is checked even when absent,
     * and on replace a stored value may be kept), then the RFC 7643 §2.4 defaults the schema does not
     * list (addresses.primary, members.display), in the order the client sent them.
     */
    private void writeMembers(ObjectNode out, MatchedMembers members, AttributeLayout layout, ObjectNode existing,
                              Where pathPrefix, boolean checkRequired) {
        for (int slot = 0; slot < layout.size(); slot++) {
            writeMember(out, layout.at(slot), members.valueAt(slot), existing, pathPrefix, checkRequired);
        }
        for (int i = 0; i < members.implicitCount(); i++) {
            writeMember(out, members.implicitAttribute(i), members.implicitValue(i), existing, pathPrefix, checkRequired);
        }
    }

    /** Writes one attribute; {@code memberValue} is the client's value, null when the object has no such member. */
    private void writeMember(ObjectNode out, AttributeDefinition attribute, JsonNode memberValue, ObjectNode existing,
                             Where pathPrefix, boolean checkRequired) {
        JsonNode stored = existing == null ? null : existing.get(attribute.name());
        boolean keepStored = purpose == Purpose.REPLACE && stored != null && !stored.isNull();
        if (memberValue == null && !keepStored) {
            // the common case of a schema attribute the resource does not carry: no path string built
            if (checkRequired && attribute.required() && attribute.mutability() != Mutability.READ_ONLY) {
                throw ScimException.invalidValue(pathPrefix + attribute.name() + " is required");
            }
            return;
        }
        Where path = pathPrefix.then(attribute.name());
        JsonNode value = memberValue == null ? null : normalizeAttribute(attribute, memberValue, path, stored);
        if (keepStored) {
            value = mergeWithStored(attribute, value, stored, path);
        }
        if (value != null) {
            out.set(attribute.name(), value);
        } else if (checkRequired && attribute.required() && attribute.mutability() != Mutability.READ_ONLY) {
            throw ScimException.invalidValue(path + " is required");
        }
    }

    /** PUT rules (RFC 7644 §3.5.1) for an attribute that has a stored value. */
    private JsonNode mergeWithStored(AttributeDefinition attribute, JsonNode value, JsonNode stored, Where path) {
        if (attribute.mutability() == Mutability.READ_ONLY) {
            return stored.deepCopy();
        }
        if (attribute.mutability() == Mutability.IMMUTABLE) {
            if (value == null) {
                return stored.deepCopy();
            }
            if (!ValueEquivalence.equivalent(attribute, value, stored)) {
                throw ScimException.mutability(path + " is immutable and cannot be changed once set");
            }
        }
        return value;
    }

    /** Checks and normalises one attribute's value; null means unassigned (RFC 7643 §2.5). */
    private JsonNode normalizeAttribute(AttributeDefinition attribute, JsonNode value, Where path, JsonNode stored) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (purpose != Purpose.CHECK && attribute.mutability() == Mutability.READ_ONLY) {
            return null;    // RFC 7644 §3.5.1: readOnly input "SHALL be ignored"
        }
        if (!attribute.multiValued()) {
            if (value.isArray()) {
                throw ScimException.invalidValue(path + " is single-valued and must not be an array");
            }
            return normalizeSingle(attribute, value, path, stored);
        }
        if (!value.isArray()) {
            throw ScimException.invalidValue(path + " is multi-valued and must be an array, not "
                    + ScimJson.describe(value));
        }
        ArrayNode out = ScimJson.nodes().arrayNode(value.size());
        int[] sourceIndexes = new int[value.size()];    // where each kept element was, for the error detail
        for (int i = 0; i < value.size(); i++) {
            JsonNode element = normalizeSingle(attribute, value.get(i), path.index(i), null);
            if (element != null) {
                sourceIndexes[out.size()] = i;
                out.add(element);
            }
        }
        if (out.isEmpty()) {
            return null;
        }
        checkOnePrimary(attribute, out, sourceIndexes, path);
        return out;
    }

    private JsonNode normalizeSingle(AttributeDefinition attribute, JsonNode value, Where path, JsonNode stored) {
        if (value.isNull()) {
            return null;
        }
        return switch (attribute.type()) {
            case COMPLEX -> normalizeComplex(attribute, value, path, stored);
            case STRING -> checkCanonical(attribute, requireText(attribute, value, path), path);
            case BOOLEAN -> normalizeBoolean(value, path);
            case DECIMAL -> {
                if (!value.isNumber()) {
                    throw wrongType(path, "a decimal number", value);
                }
                yield value;
            }
            case INTEGER -> normalizeInteger(value, path);
            case DATE_TIME -> {
                JsonNode text = requireText(attribute, value, path);
                if (!AttributeValues.isDateTime(text.asText())) {
                    throw ScimException.invalidValue(path
                            + " must be a dateTime such as 2011-05-13T04:42:34Z (xsd:dateTime, RFC 7643 §2.3.5)");
                }
                yield text;
            }
            case REFERENCE -> {
                JsonNode text = requireText(attribute, value, path);
                if (!options.isLenient() && !AttributeValues.isUriReference(text.asText())) {
                    throw ScimException.invalidValue(path + " must be a URI reference (RFC 7643 §2.3.7)");
                }
                yield checkCanonical(attribute, text, path);
            }
            case BINARY -> {
                JsonNode text = requireText(attribute, value, path);
                if (!AttributeValues.isBase64(text.asText())) {
                    throw ScimException.invalidValue(path + " must be base64-encoded binary (RFC 7643 §2.3.6)");
                }
                yield text;
            }
        };
    }

    private JsonNode normalizeComplex(AttributeDefinition attribute, JsonNode value, Where path, JsonNode stored) {
        JsonNode object = value;
        if (!object.isObject()) {
            Optional<ObjectNode> wrapped = lenient ? ClientLeniency.bareValueAsComplex(attribute, value)
                    : Optional.empty();
            if (wrapped.isEmpty()) {
                throw wrongType(path, "an object (complex attribute)", value);
            }
            object = wrapped.get();
        }
        Function<String, Optional<AttributeDefinition>> resolver = n -> DefaultSubAttributes.find(attribute, n);
        AttributeLayout layout = layouts.complexValue(attribute);
        ObjectNode normalized = normalizeMembers(object, layout, resolver, null, path.then("."), true);
        if (normalized.isEmpty()) {
            return null;    // a value the client cleared takes no stored readOnly leftovers with it
        }
        ObjectNode storedObject = asObject(stored);
        return storedObject == null ? normalized
                : normalizeMembers(object, layout, resolver, storedObject, path.then("."), true);
    }

    private JsonNode normalizeBoolean(JsonNode value, Where path) {
        if (value.isBoolean()) {
            return value;
        }
        if (lenient) {
            Optional<? extends JsonNode> coerced = ClientLeniency.stringBoolean(value);
            if (coerced.isPresent()) {
                return coerced.get();
            }
        }
        throw wrongType(path, "a boolean", value);
    }

    private JsonNode normalizeInteger(JsonNode value, Where path) {
        if (!value.isNumber()) {
            throw wrongType(path, "an integer", value);
        }
        if (value.isIntegralNumber()) {
            return value;
        }
        BigInteger integral = AttributeValues.integral(value.decimalValue()).orElseThrow(() ->
                ScimException.invalidValue(path + " must be an integer, without fractional digits"));
        if (integral.bitLength() < 32) {
            return IntNode.valueOf(integral.intValue());
        }
        if (integral.compareTo(LONG_MIN) >= 0 && integral.compareTo(LONG_MAX) <= 0) {
            return LongNode.valueOf(integral.longValue());
        }
        return BigIntegerNode.valueOf(integral);
    }

    private JsonNode requireText(AttributeDefinition attribute, JsonNode value, Where path) {
        if (!value.isTextual()) {
            throw wrongType(path, "a string (" + attribute.type().wireName() + ")", value);
        }
        return value;
    }

    private JsonNode checkCanonical(AttributeDefinition attribute, JsonNode value, Where path) {
        if (attribute.canonicalValues().isEmpty()) {
            return value;
        }
        if (!attribute.canonicalValuesClosed()
                && (options.closedCanonicalValues().isEmpty() || !options.closesCanonicalValuesOf(schemaPath(path.toString())))) {
            return value;
        }
        String text = value.asText();
        for (String canonical : attribute.canonicalValues()) {
            if (attribute.caseExact() ? canonical.equals(text) : ScimJson.sameName(canonical, text)) {
                return value;
            }
        }
        throw ScimException.invalidValue(path + " must be one of " + attribute.canonicalValues()
                + ", not '" + abbreviate(text) + "'");
    }

    private void checkOnePrimary(AttributeDefinition attribute, ArrayNode values, int[] sourceIndexes,
                                 Where path) {
        if (!attribute.isComplex()) {
            return;
        }
        int count = 0;
        for (int i = 0; i < values.size(); i++) {
            JsonNode primary = values.get(i).get("primary");
            if (primary != null && primary.isBoolean() && primary.booleanValue()) {
                count++;
            }
        }
        if (count > 1) {
            // the paths are written only for the error: a create has a primary in most multi-valued attributes
            List<String> primaries = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                if (values.get(i).path("primary").asBoolean(false) && values.get(i).path("primary").isBoolean()) {
                    primaries.add(path + "[" + sourceIndexes[i] + "]");
                }
            }
            throw ScimException.invalidValue("At most one value of " + path + " may be primary, but "
                    + String.join(" and ", primaries) + " all have primary true (RFC 7643 §2.4)");
        }
    }

    /**
     * An output object sized for {@code members} entries: the default table of 16 is too large for a
     * complex value and too small for a User, whose resize was a twentieth of validating a create.
     */
    private static ObjectNode objectFor(int members) {
        return new ObjectNode(ScimJson.nodes(), new LinkedHashMap<>(members * 4 / 3 + 1));
    }

    private boolean keepsUndeclaredExtensions() {
        return options.undeclaredExtensions() == UndeclaredExtensionPolicy.KEEP;
    }

    /**
     * An object keyed by a URN the resource type does not declare: kept verbatim when the options say
     * so, else refused, so an administrator's mapping never vanishes in silence. A {@link Purpose#CHECK}
     * sees stored trees, which only hold one if it was kept when written; it treats the key as any
     * unknown attribute, as it always did.
     */
    private void undeclaredExtension(String urn, JsonNode value, Map<String, JsonNode> kept) {
        if (value == null || value.isNull() || (value.isContainerNode() && value.isEmpty())) {
            return;    // unassigned (RFC 7643 §2.5): nothing is lost
        }
        if (keepsUndeclaredExtensions()) {
            kept.put(urn, value);
        } else if (purpose == Purpose.CHECK) {
            unknown(urn, "Unknown schema extension '" + urn + "' for resource type " + type.name());
        } else {
            // long enough for any real URN (they run to 70 characters), short enough for a client-chosen key
            String shown = (urn.length() <= 200 ? urn : urn.substring(0, 197) + "...").replaceAll("\\p{Cntrl}", "?");
            throw ScimException.invalidValue("The schema extension " + shown + " is not declared for resource type "
                    + type.name() + ", so its attributes cannot be kept. Declare it: put its schema (RFC 7643 §7 JSON)"
                    + " in the server's --schema-dir (SCIMKIT_SCHEMA_DIR), or register it with"
                    + " SchemaRegistry.Builder.addSchemaDirectory; or let the server keep undeclared extensions as sent"
                    + " (--undeclared-extensions keep)");
        }
    }

    /**
     * Entra ID's dotted form of an extension attribute as a top-level key
     * ({@code "urn:...:CustomExtensionName:2.0:User:badgeNumber": "42"}), lenient only: collected
     * under its extension. False when the key is not such an attribute.
     */
    private boolean putDotted(Map<SchemaExtension, ObjectNode> dotted, String key, JsonNode value) {
        int colon = key.lastIndexOf(':');
        Optional<SchemaExtension> extension = type.extension(key.substring(0, colon));
        String name = key.substring(colon + 1);
        if (extension.isEmpty() || extension.get().schema().attribute(name).isEmpty()) {
            return false;
        }
        ObjectNode object = dotted.computeIfAbsent(extension.get(), e -> ScimJson.object());
        if (object.has(name)) {
            throw ScimException.invalidSyntax(key + " is given twice");
        }
        object.set(name, value);
        return true;
    }

    /** Joins dotted attributes with their extension's object, if the body had one too. */
    private static void mergeDotted(Map<SchemaExtension, Member> extensionMembers,
                                    Map<SchemaExtension, ObjectNode> dotted) {
        for (Map.Entry<SchemaExtension, ObjectNode> e : dotted.entrySet()) {
            String urn = e.getKey().schema().id();
            Member member = extensionMembers.get(e.getKey());
            if (member == null || member.value == null || member.value.isNull()) {
                extensionMembers.put(e.getKey(), new Member(urn, e.getValue()));
            } else if (member.value.isObject()) {
                ObjectNode merged = ((ObjectNode) member.value).deepCopy();
                for (Map.Entry<String, JsonNode> field : e.getValue().properties()) {
                    if (ScimJson.findField(merged, field.getKey()).isPresent()) {
                        throw ScimException.invalidSyntax(urn + ":" + field.getKey()
                                + " is given twice (dotted and inside " + urn + ")");
                    }
                    merged.set(field.getKey(), field.getValue());
                }
                extensionMembers.put(e.getKey(), new Member(member.key, merged));
            }
        }
    }

    private void unknown(String path, String detail) {
        if (options.unknownAttributes() == UnknownAttributePolicy.REJECT) {
            throw ScimException.invalidValue(detail);
        }
        IGNORED.ignored(type.name(), safeForLog(path));
    }

    private static ScimException wrongType(Where path, String expected, JsonNode actual) {
        return ScimException.invalidValue(path + " must be " + expected + ", not " + ScimJson.describe(actual));
    }

    /** The path without element indexes, as {@link ValidationOptions#closedCanonicalValues()} names attributes. */
    static String schemaPath(String path) {
        if (path.indexOf('[') < 0) {
            return path;
        }
        // emails[2].type -> emails.type, without a regex compiled per call
        StringBuilder sb = new StringBuilder(path.length());
        int i = 0;
        while (i < path.length()) {
            char c = path.charAt(i);
            if (c == '[') {
                int j = i + 1;
                while (j < path.length() && path.charAt(j) >= '0' && path.charAt(j) <= '9') {
                    j++;
                }
                if (j > i + 1 && j < path.length() && path.charAt(j) == ']') {
                    i = j + 1;
                    continue;
                }
            }
            sb.append(c);
            i++;
        }
        return sb.toString();
    }

    private static ObjectNode asObject(JsonNode node) {
        return node != null && node.isObject() ? (ObjectNode) node : null;
    }

    private static boolean containsIgnoreCase(List<String> values, String wanted) {
        // A loop, not a stream: this runs on every PATCH and create, and the stream's setup cost more than the compare.
        for (String v : values) {
            if (ScimJson.sameName(v, wanted)) {
                return true;
            }
        }
        return false;
    }

    private static String abbreviate(String text) {
        return text.length() <= 64 ? text : text.substring(0, 61) + "...";
    }

    /** Client-chosen names go to the log: keep them short and on one line. */
    private static String safeForLog(String text) {
        return abbreviate(text).replaceAll("\\p{Cntrl}", "?");
    }

    /**
     * Where a value is, for error details ({@code emails[1].type}, {@code urn:…:User:manager.value}), put
     * together only when a detail is written. A create walks every attribute, element and sub-attribute
     * of the body and almost never fails: building each path as a String up front was a fifth of
     * validating a create. Renders exactly the text the eager concatenation did.
     */
    private static final class Where {

        static final Where ROOT = new Where(null, "", -1);

        private final Where parent;
        private final String text;
        private final int index;

        private Where(Where parent, String text, int index) {
            this.parent = parent;
            this.text = text;
            this.index = index;
        }

        /** This path followed by {@code text} as is ({@code "."}, a name, {@code "urn:…:"}). */
        Where then(String text) {
            return new Where(this, text, -1);
        }

        /** This path followed by {@code [i]}. */
        Where index(int i) {
            return new Where(this, null, i);
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            append(sb);
            return sb.toString();
        }

        private void append(StringBuilder sb) {
            if (parent != null) {
                parent.append(sb);
            }
            if (text != null) {
                sb.append(text);
            } else {
                sb.append('[').append(index).append(']');
            }
        }
    }

    /** A member of the input as the client spelled its key (an extension's object, a core attribute found by a scan). */
    private static final class Member {
        private final String key;
        private final JsonNode value;

        Member(String key, JsonNode value) {
            this.key = key;
            this.value = value;
        }
    }
}
