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
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
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
 * <p>A directory may also declare resource types of its own: a file in the RFC 7643 §6 ResourceType
 * representation ({@code name}, {@code endpoint}, {@code schema}, {@code schemaExtensions}) whose
 * schemas are files beside it. See {@link #readDirectory}.
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
     * Reads every {@code *.json} file of {@code directory}, in file name order: schema files, and
     * resource-type files (RFC 7643 §6: {@code schemas} names the ResourceType schema, or the file has an
     * {@code endpoint}) whose {@code schema} and {@code schemaExtensions} name schema files of the same
     * directory. A schema file that no resource-type file names is an extension of the resource type in
     * its {@code resourceType} member (default {@code User}), which may be one declared here.
     *
     * @throws InvalidSchemaException for the first file that is not valid, a URN that no file declares,
     *                                a schema placed twice, or when the directory cannot be read
     */
    public static SchemaDeclarations readDirectory(Path directory) {
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
        Map<String, SchemaFile> schemasByLowerId = new LinkedHashMap<>();
        List<ResourceTypeFile> typeFiles = new ArrayList<>();
        for (Path file : files) {
            String source = file.getFileName().toString();
            JsonNode root = parse(file);
            if (ResourceTypeFile.declaresResourceType(root)) {
                typeFiles.add(ResourceTypeFile.read(root, source));
                continue;
            }
            SchemaFile schema = readSchema(root, source);
            SchemaFile other = schemasByLowerId.putIfAbsent(schema.schema().id().toLowerCase(Locale.ROOT), schema);
            if (other != null) {
                throw new InvalidSchemaException(source, null, "the schema id " + schema.schema().id()
                        + " is declared by " + other.source() + " too");
            }
        }
        return resolve(typeFiles, schemasByLowerId);
    }

    /** Places each schema file: in the resource type that names it, else as an extension of its own. */
    private static SchemaDeclarations resolve(List<ResourceTypeFile> typeFiles, Map<String, SchemaFile> schemas) {
        Map<String, String> placedBy = new HashMap<>();
        Set<String> typeNames = new HashSet<>();
        Set<String> endpoints = new HashSet<>();
        List<DeclaredResourceType> types = new ArrayList<>();
        for (ResourceTypeFile t : typeFiles) {
            if (!typeNames.add(t.name().toLowerCase(Locale.ROOT))) {
                throw new InvalidSchemaException(t.source(), null, "the resource type " + t.name()
                        + " is declared by another file too");
            }
            if (!endpoints.add(t.endpoint().toLowerCase(Locale.ROOT))) {
                throw new InvalidSchemaException(t.source(), null, "the endpoint " + t.endpoint()
                        + " is declared by another file too");
            }
            SchemaFile core = place(t, t.schemaUrn(), schemas, placedBy);
            if (core.resourceType() != null || core.required() != null) {
                throw new InvalidSchemaException(core.source(), null, "it is the core schema of " + t.name()
                        + " (" + t.source() + "), so \"" + RESOURCE_TYPE + "\" and \"" + REQUIRED
                        + "\", which place an extension, do not belong in it");
            }
            for (AttributeDefinition a : core.schema().attributes()) {
                if (CommonAttributes.ALL.stream().anyMatch(c -> c.name().equalsIgnoreCase(a.name()))) {
                    throw new InvalidSchemaException(core.source(), a.name(), "a common attribute every resource"
                            + " has already (RFC 7643 §3.1); remove it from the core schema of " + t.name());
                }
            }
            List<SchemaExtension> extensions = new ArrayList<>();
            for (ResourceTypeFile.ExtensionReference ref : t.extensions()) {
                SchemaFile extension = place(t, ref.schemaUrn(), schemas, placedBy);
                if (extension.resourceType() != null && !extension.resourceType().equalsIgnoreCase(t.name())) {
                    throw new InvalidSchemaException(extension.source(), null, "\"" + RESOURCE_TYPE + "\" says "
                            + extension.resourceType() + ", but " + t.source() + " lists it as an extension of "
                            + t.name());
                }
                if (extension.required() != null && extension.required() != ref.required()) {
                    throw new InvalidSchemaException(extension.source(), null, "\"" + REQUIRED + "\" says "
                            + extension.required() + ", but " + t.source() + " says " + ref.required());
                }
                extensions.add(new SchemaExtension(extension.schema(), ref.required()));
            }
            types.add(new DeclaredResourceType(new ResourceTypeDefinition(t.name(), t.endpoint(), t.description(),
                    core.schema(), extensions), t.source()));
        }
        List<DeclaredExtension> loose = new ArrayList<>();
        for (SchemaFile s : schemas.values()) {
            if (!placedBy.containsKey(s.schema().id().toLowerCase(Locale.ROOT))) {
                loose.add(new DeclaredExtension(s.resourceType() == null ? "User" : s.resourceType(), s.schema(),
                        Boolean.TRUE.equals(s.required()), s.source()));
            }
        }
        return new SchemaDeclarations(types, loose);
    }

    /** The schema file a resource type names, which no other place may name. */
    private static SchemaFile place(ResourceTypeFile type, String urn, Map<String, SchemaFile> schemas,
                                    Map<String, String> placedBy) {
        String key = urn.toLowerCase(Locale.ROOT);
        SchemaFile schema = schemas.get(key);
        if (schema == null) {
            throw new InvalidSchemaException(type.source(), null, "no schema file in the directory declares "
                    + urn + " (each schema a resource type names is a file beside it)");
        }
        String other = placedBy.putIfAbsent(key, type.source());
        if (other != null) {
            throw new InvalidSchemaException(type.source(), null, "the schema " + urn + " is placed by " + other
                    + " already; a schema belongs to one resource type");
        }
        return schema;
    }

    /** Reads one schema file; see the class comment for what is checked. */
    public static DeclaredExtension readFile(Path file) {
        return read(parse(file), file.getFileName().toString());
    }

    private static JsonNode parse(Path file) {
        String source = file.getFileName().toString();
        try {
            return ScimJson.parse(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new InvalidSchemaException(source, null, "cannot read the file: " + e.getMessage());
        } catch (ScimException e) {
            throw new InvalidSchemaException(source, null, e.detail());
        }
    }

    /** Checks and reads one extension schema object; {@code source} names it in error messages. */
    public static DeclaredExtension read(JsonNode root, String source) {
        SchemaFile s = readSchema(root, source);
        return new DeclaredExtension(s.resourceType() == null ? "User" : s.resourceType(), s.schema(),
                Boolean.TRUE.equals(s.required()), source);
    }

    /** A schema file as written: its placement members are null where the file leaves them out. */
    private record SchemaFile(SchemaDefinition schema, String resourceType, Boolean required, String source) {
    }

    private static SchemaFile readSchema(JsonNode root, String source) {
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
        Boolean required = root.hasNonNull(REQUIRED) ? optionalBoolean(root, REQUIRED, source, null) : null;
        JsonNode attributes = root.get("attributes");
        if (attributes == null || !attributes.isArray() || attributes.isEmpty()) {
            throw new InvalidSchemaException(source, null, "\"attributes\" must be a non-empty array of attributes");
        }
        checkAttributes(attributes, source, "", true);
        return new SchemaFile(SchemaJsonReader.read(root), resourceType, required, source);
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
