package dev.scimkit.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimkit.core.error.ScimException;
import dev.scimkit.core.json.ScimJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads extension schemas declared as data: one JSON file per schema in the RFC 7643 §7 representation
 * ({@code id}, {@code name}, {@code description}, {@code attributes} with the usual characteristics),
 * plus two optional scimkit members that say where the schema goes:
 * <ul>
 *   <li>{@code "resourceType"}: the name of the resource type it extends, default {@code "User"};</li>
 *   <li>{@code "required"}: whether every resource of that type must carry it (RFC 7643 §6), default false.</li>
 * </ul>
 * Neither is served by {@code /Schemas}; {@code /ResourceTypes} shows them as {@code schemaExtensions}.
 *
 * <p>The files are checked more strictly than the bundled schemas, since people write them by hand:
 * an unknown member, type or characteristic, a missing name, a name given twice (ignoring case), an id
 * that is not a URN, sub-attributes on a simple attribute or a complex one without them is an
 * {@link InvalidSchemaException} naming the file, the attribute and the reason.
 */
public final class SchemaFiles {

    /** The extra members of a schema file; see the class comment. */
    public static final String RESOURCE_TYPE = "resourceType";
    public static final String REQUIRED = "required";

    /** RFC 8141 URN: {@code urn:<NID>:<NSS>}. */
    private static final Pattern URN = Pattern.compile("(?i)urn:[a-z0-9][a-z0-9-]{0,31}:[^\\s]+");
    /** RFC 7643 §2.1 ATTRNAME ({@code $ref} is the one name with a {@code $}). */
    private static final Pattern ATTRIBUTE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*|\\$ref");

    private static final Set<String> SCHEMA_MEMBERS =
            Set.of("schemas", "id", "name", "description", "attributes", "meta", RESOURCE_TYPE, REQUIRED);
    private static final Set<String> ATTRIBUTE_MEMBERS = Set.of("name", "type", "multiValued", "description",
            "required", "caseExact", "mutability", "returned", "uniqueness", "canonicalValues",
            SchemaJsonReader.CANONICAL_VALUES_CLOSED, "referenceTypes", "subAttributes");
    private static final Set<String> BOOLEAN_CHARACTERISTICS =
            Set.of("multiValued", "required", "caseExact", SchemaJsonReader.CANONICAL_VALUES_CLOSED);

    private SchemaFiles() {
    }

    /**
     * Reads every {@code *.json} file of {@code directory}, in file name order.
     *
     * @throws InvalidSchemaException for the first file that is not a valid schema, or when the
     *                                directory cannot be read
     */
    public static List<DeclaredExtension> readDirectory(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new InvalidSchemaException(directory.toString(), null, "not a directory");
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            throw new InvalidSchemaException(directory.toString(), null, "cannot list the directory: " + e.getMessage());
        }
        List<DeclaredExtension> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Path file : files) {
            DeclaredExtension declared = readFile(file);
            if (!ids.add(declared.schema().id().toLowerCase(Locale.ROOT))) {
                throw new InvalidSchemaException(declared.source(), null,
                        "the schema id " + declared.schema().id() + " is declared by another file too");
            }
            out.add(declared);
        }
        return out;
    }

    /** Reads one schema file; see the class comment for what is checked. */
    public static DeclaredExtension readFile(Path file) {
        String source = file.getFileName().toString();
        JsonNode root;
        try {
            root = ScimJson.parse(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new InvalidSchemaException(source, null, "cannot read the file: " + e.getMessage());
        } catch (ScimException e) {
            throw new InvalidSchemaException(source, null, e.detail());
        }
        return read(root, source);
    }

    /** Checks and reads one schema object; {@code source} names it in error messages. */
    public static DeclaredExtension read(JsonNode root, String source) {
        if (!root.isObject()) {
            throw new InvalidSchemaException(source, null, "a schema must be a JSON object, not " + ScimJson.describe(root));
        }
        unknownMembers(root, SCHEMA_MEMBERS, source, null, "schema member");
        String id = requiredText(root, "id", source, null);
        if (!URN.matcher(id).matches()) {
            throw new InvalidSchemaException(source, null, "the id '" + id + "' is not a URN such as "
                    + "urn:ietf:params:scim:schemas:extension:CustomExtensionName:2.0:User");
        }
        optionalText(root, "name", source, null);
        optionalText(root, "description", source, null);
        String resourceType = optionalText(root, RESOURCE_TYPE, source, null);
        boolean required = optionalBoolean(root, REQUIRED, source, null);
        JsonNode attributes = root.get("attributes");
        if (attributes == null || !attributes.isArray() || attributes.isEmpty()) {
            throw new InvalidSchemaException(source, null, "\"attributes\" must be a non-empty array of attributes");
        }
        checkAttributes(attributes, source, "", true);
        return new DeclaredExtension(resourceType == null ? "User" : resourceType, SchemaJsonReader.read(root),
                required, source);
    }

    private static void checkAttributes(JsonNode attributes, String source, String prefix, boolean topLevel) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < attributes.size(); i++) {
            JsonNode a = attributes.get(i);
            String where = prefix + "[" + i + "]";
            if (!a.isObject()) {
                throw new InvalidSchemaException(source, where, "must be an object, not " + ScimJson.describe(a));
            }
            JsonNode nameNode = a.get("name");
            if (nameNode == null || !nameNode.isTextual() || nameNode.asText().isEmpty()) {
                throw new InvalidSchemaException(source, where, "\"name\" is missing");
            }
            String name = nameNode.asText();
            String path = prefix + name;
            if (!ATTRIBUTE_NAME.matcher(name).matches()) {
                throw new InvalidSchemaException(source, path, "not an attribute name: it must start with a letter"
                        + " and hold only letters, digits, '-' and '_' (RFC 7643 §2.1)");
            }
            if (!names.add(name.toLowerCase(Locale.ROOT))) {
                throw new InvalidSchemaException(source, path, "declared twice (attribute names ignore case)");
            }
            checkAttribute(a, source, path, topLevel);
        }
    }

    private static void checkAttribute(JsonNode a, String source, String path, boolean topLevel) {
        unknownMembers(a, ATTRIBUTE_MEMBERS, source, path, "characteristic");
        String typeName = requiredText(a, "type", source, path);
        AttributeType type = characteristic(source, path, "type", typeName, AttributeType.values(),
                AttributeType::wireName);
        for (String flag : BOOLEAN_CHARACTERISTICS) {
            optionalBoolean(a, flag, source, path);
        }
        optionalText(a, "description", source, path);
        characteristic(source, path, "mutability", optionalText(a, "mutability", source, path), Mutability.values(),
                Mutability::wireName);
        characteristic(source, path, "returned", optionalText(a, "returned", source, path), Returned.values(),
                Returned::wireName);
        characteristic(source, path, "uniqueness", optionalText(a, "uniqueness", source, path), Uniqueness.values(),
                Uniqueness::wireName);
        strings(a, "canonicalValues", source, path);
        strings(a, "referenceTypes", source, path);
        JsonNode subs = a.get("subAttributes");
        if (type == AttributeType.COMPLEX) {
            if (!topLevel) {
                throw new InvalidSchemaException(source, path, "a sub-attribute cannot be complex (RFC 7643 §2.3.8)");
            }
            if (subs == null || !subs.isArray() || subs.isEmpty()) {
                throw new InvalidSchemaException(source, path, "a complex attribute needs a non-empty \"subAttributes\" array");
            }
            checkAttributes(subs, source, path + ".", false);
        } else if (subs != null) {
            throw new InvalidSchemaException(source, path, "only a complex attribute has \"subAttributes\", not a "
                    + typeName + " one");
        }
    }

    private interface WireName<E> {
        String of(E value);
    }

    /** Checks a characteristic's value against its wire names (exact spelling: a typo is refused). */
    private static <E> E characteristic(String source, String path, String characteristic, String value, E[] allowed,
                                        WireName<E> wireName) {
        if (value == null) {
            return null;
        }
        for (E e : allowed) {
            if (wireName.of(e).equals(value)) {
                return e;
            }
        }
        throw new InvalidSchemaException(source, path, "unknown " + characteristic + " '" + value + "' (one of "
                + String.join(", ", Arrays.stream(allowed).map(wireName::of).toList()) + ")");
    }

    private static void unknownMembers(JsonNode object, Set<String> allowed, String source, String path, String what) {
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            String member = it.next();
            if (!allowed.contains(member)) {
                throw new InvalidSchemaException(source, path, "unknown " + what + " '" + member + "'");
            }
        }
    }

    private static String requiredText(JsonNode object, String member, String source, String path) {
        String value = optionalText(object, member, source, path);
        if (value == null || value.isEmpty()) {
            throw new InvalidSchemaException(source, path, "\"" + member + "\" is missing");
        }
        return value;
    }

    private static String optionalText(JsonNode object, String member, String source, String path) {
        JsonNode v = object.get(member);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new InvalidSchemaException(source, path, "\"" + member + "\" must be a string, not "
                    + ScimJson.describe(v));
        }
        return v.asText();
    }

    private static boolean optionalBoolean(JsonNode object, String member, String source, String path) {
        JsonNode v = object.get(member);
        if (v == null || v.isNull()) {
            return false;
        }
        if (!v.isBoolean()) {
            throw new InvalidSchemaException(source, path, "\"" + member + "\" must be true or false, not "
                    + ScimJson.describe(v));
        }
        return v.asBoolean();
    }

    private static void strings(JsonNode object, String member, String source, String path) {
        JsonNode v = object.get(member);
        if (v == null) {
            return;
        }
        boolean ok = v.isArray();
        for (JsonNode e : v) {
            ok &= e.isTextual();
        }
        if (!ok) {
            throw new InvalidSchemaException(source, path, "\"" + member + "\" must be an array of strings");
        }
    }
}
