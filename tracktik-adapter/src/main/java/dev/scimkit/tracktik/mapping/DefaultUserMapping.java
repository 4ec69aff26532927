package dev.scimkit.tracktik.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.error.ScimException;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.core.schema.AttributeType;
import dev.scimkit.core.schema.Mutability;
import dev.scimkit.core.schema.ResolvedAttribute;
import dev.scimkit.core.schema.ResourceTypeDefinition;
import dev.scimkit.core.schema.SchemaUrns;
import dev.scimkit.tracktik.domain.Address;
import dev.scimkit.tracktik.domain.EmployeeProfile;
import dev.scimkit.tracktik.domain.EmployeeStatus;
import dev.scimkit.tracktik.domain.RoleRef;
import dev.scimkit.tracktik.port.EmployeeColumn;
import dev.scimkit.tracktik.port.EmployeeRecord;
import dev.scimkit.tracktik.port.FilterColumns;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The default {@link UserMapping}: the attributes Entra ID and Okta send by default, placed in the
 * TrackTik employee as the module README's table documents.
 *
 * <p>Names: {@code name.givenName} and {@code name.familyName}; what is missing is derived by the
 * {@link NameRule} ({@link NameRule#standard()} unless configured), so a User with only a
 * {@code userName} is a valid employee. The derived names are the employee's, not the User's: the
 * SCIM resource shows what the client sent, and {@link #derivedFields} tells History which values
 * were derived. Names are therefore not filter columns (a store would match derived values the
 * resource does not show); the engine filters on them.
 */
public final class DefaultUserMapping implements UserMapping {

    private static final String EXT = SchemaUrns.ENTERPRISE_USER;
    private static final Pattern EMAIL =
            Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final Pattern PHONE = Pattern.compile("[0-9+()./ x#*-]{0,64}");

    private final ResourceTypeDefinition userType;
    private final RegionRule regionRule;
    private final NameRule nameRule;
    private final FilterColumns<EmployeeColumn> columns;
    /**
     * Where each configurable text field comes from: by default the enterprise employeeNumber, the core
     * title and the enterprise department. A field without a source (a registry without the enterprise
     * extension) stays empty.
     */
    private final Map<EmployeeTextField, AttributeSource> sources;

    /**
     * @param userType   the User resource type of the server's registry (with the enterprise extension)
     * @param regionRule where employees go; {@link RegionRule#hq()} by default
     * @param nameRule   how missing names are derived; {@link NameRule#standard()} by default
     */
    public DefaultUserMapping(ResourceTypeDefinition userType, RegionRule regionRule, NameRule nameRule) {
        this(userType, regionRule, nameRule, defaultSources(userType));
    }

    private DefaultUserMapping(ResourceTypeDefinition userType, RegionRule regionRule, NameRule nameRule,
                               Map<EmployeeTextField, AttributeSource> sources) {
        this.userType = Objects.requireNonNull(userType, "userType");
        this.regionRule = Objects.requireNonNull(regionRule, "regionRule");
        this.nameRule = Objects.requireNonNull(nameRule, "nameRule");
        this.sources = Collections.unmodifiableMap(new EnumMap<>(sources));
        Map<String, EmployeeColumn> map = new LinkedHashMap<>();
        map.put("id", EmployeeColumn.SCIM_ID);
        map.put("userName", EmployeeColumn.USER_NAME);
        map.put("externalId", EmployeeColumn.EXTERNAL_ID);
        map.put("meta.created", EmployeeColumn.CREATED);
        map.put("meta.lastModified", EmployeeColumn.LAST_MODIFIED);
        map.put("active", EmployeeColumn.ACTIVE);
        this.sources.forEach((field, source) -> {
            if (map.putIfAbsent(source.qualifiedName(), field.column()) != null) {
                throw new IllegalArgumentException(source.qualifiedName() + " already has an employee field of its own");
            }
        });
        this.columns = new FilterColumns<>(userType, map);
    }

    private static Map<EmployeeTextField, AttributeSource> defaultSources(ResourceTypeDefinition userType) {
        Map<EmployeeTextField, AttributeSource> sources = new EnumMap<>(EmployeeTextField.class);
        userType.resolve(EXT, "employeeNumber").ifPresent(a -> sources.put(EmployeeTextField.EMPLOYEE_ID, new AttributeSource(a)));
        userType.resolve("title").ifPresent(a -> sources.put(EmployeeTextField.JOB_TITLE, new AttributeSource(a)));
        userType.resolve(EXT, "department").ifPresent(a -> sources.put(EmployeeTextField.DEPARTMENT, new AttributeSource(a)));
        return sources;
    }

    /**
     * This mapping with the Employee ID ({@code customId}) taken from another attribute; the same as
     * {@code withFieldFrom(EmployeeTextField.EMPLOYEE_ID, attributePath)}.
     */
    public DefaultUserMapping withEmployeeIdFrom(String attributePath) {
        return withFieldFrom(EmployeeTextField.EMPLOYEE_ID, attributePath);
    }

    /**
     * This mapping with {@code field} taken from another single-valued string attribute, such as a
     * declared extension's
     * {@code urn:ietf:params:scim:schemas:extension:CustomExtensionName:2.0:User:badgeNumber} or a core
     * {@code nickName}: written both ways and filtered on in the store, as the default source is (which
     * then stays in the resource as sent, filtered in memory).
     *
     * @param attributePath an attribute of the User type, qualified by its schema URN if it is an
     *                      extension's
     * @throws IllegalArgumentException when the User type has no such writable, single-valued string
     *                                  attribute, or when it already feeds another field
     */
    public DefaultUserMapping withFieldFrom(EmployeeTextField field, String attributePath) {
        return withFieldsFrom(Map.of(Objects.requireNonNull(field, "field"), attributePath));
    }

    /**
     * This mapping with several fields taken from other attributes at once (see {@link #withFieldFrom}),
     * so two fields can swap sources: the check that one attribute feeds one field runs on the result.
     */
    public DefaultUserMapping withFieldsFrom(Map<EmployeeTextField, String> attributePaths) {
        Map<EmployeeTextField, AttributeSource> next = new EnumMap<>(EmployeeTextField.class);
        next.putAll(sources);
        attributePaths.forEach((field, path) -> next.put(field, sourceFor(field, path)));
        List<EmployeeTextField> fields = List.copyOf(next.keySet());
        for (int i = 0; i < fields.size(); i++) {
            for (int j = i + 1; j < fields.size(); j++) {
                if (next.get(fields.get(i)).sameAttributeAs(next.get(fields.get(j)))) {
                    throw new IllegalArgumentException("'" + next.get(fields.get(j)).qualifiedName() + "' feeds both the "
                            + describe(fields.get(i)) + " and the " + describe(fields.get(j))
                            + "; one attribute feeds one employee field");
                }
            }
        }
        return new DefaultUserMapping(userType, regionRule, nameRule, next);
    }

    private AttributeSource sourceFor(EmployeeTextField field, String attributePath) {
        Objects.requireNonNull(attributePath, "attributePath");
        int colon = attributePath.lastIndexOf(':');
        Optional<ResolvedAttribute> resolved = colon < 0 ? userType.resolve(attributePath)
                : userType.resolve(attributePath.substring(0, colon), attributePath.substring(colon + 1));
        if (resolved.isEmpty() || resolved.get().attribute().multiValued()
                || resolved.get().attribute().type() != AttributeType.STRING
                || resolved.get().attribute().mutability() == Mutability.READ_ONLY) {
            throw new IllegalArgumentException("The " + describe(field) + " needs a writable, single-valued string"
                    + " attribute of " + userType.name() + ", and '" + attributePath + "' is not one (an extension's"
                    + " attribute is qualified by its URN, and its schema must be declared)");
        }
        return new AttributeSource(resolved.get());
    }

    private static String describe(EmployeeTextField field) {
        return switch (field) {
            case EMPLOYEE_ID -> "Employee ID";
            case JOB_TITLE -> "job title";
            case DEPARTMENT -> "department";
        };
    }

    /** The value of {@code field}'s source attribute in {@code user}; empty when absent or unmapped. */
    private String valueOf(EmployeeTextField field, ObjectNode user) {
        AttributeSource source = sources.get(field);
        return source == null ? "" : source.read(user);
    }

    /** The default mapping with the standard name rule. */
    public DefaultUserMapping(ResourceTypeDefinition userType, RegionRule regionRule) {
        this(userType, regionRule, NameRule.standard());
    }

    /** The default mapping with every employee in HQ. */
    public DefaultUserMapping(ResourceTypeDefinition userType) {
        this(userType, RegionRule.hq());
    }

    @Override
    public EmployeeProfile toProfile(ObjectNode user) {
        NameRule.Names names = nameRule.namesFor(user);
        Optional<ObjectNode> ext = ScimNodes.object(user, EXT);
        String language = ScimNodes.text(user, "preferredLanguage");
        if (language.isBlank()) {
            language = ScimNodes.text(user, "locale");
        }
        return EmployeeProfile.builder()
                .customId(valueOf(EmployeeTextField.EMPLOYEE_ID, user))
                .firstName(names.firstName())
                .lastName(names.lastName())
                .email(placeable(ScimNodes.element(user, "emails", "work", true), EMAIL))
                .primaryPhone(placeable(ScimNodes.element(user, "phoneNumbers", "work", false), PHONE))
                .secondaryPhone(placeable(ScimNodes.element(user, "phoneNumbers", "mobile", false), PHONE))
                .jobTitle(valueOf(EmployeeTextField.JOB_TITLE, user))
                .department(valueOf(EmployeeTextField.DEPARTMENT, user))
                .managerId(ext.map(DefaultUserMapping::managerId).orElse(""))
                .status(EmployeeStatus.ofActive(active(user)))
                .region(regionRule.regionFor(user))
                .address(ScimNodes.element(user, "addresses", "work", true).map(DefaultUserMapping::address).orElse(Address.EMPTY))
                .language(language)
                .build();
    }

    @Override
    public ObjectNode toUser(EmployeeRecord record) {
        ObjectNode user = record.link().resource();
        EmployeeProfile p = record.employee().profile();
        overlay(user, p);
        user.put("id", record.scimId());
        ScimNodes.setText(user, "userName", record.link().name());
        record.link().externalId().ifPresentOrElse(x -> ScimNodes.setText(user, "externalId", x),
                () -> ScimNodes.setText(user, "externalId", ""));
        ScimJson.findField(user, "active").ifPresent(e -> user.remove(e.getKey()));
        user.put("active", p.status().isActive());
        ScimJson.findField(user, "groups").ifPresent(e -> user.remove(e.getKey()));
        if (!record.employee().roles().isEmpty()) {
            ArrayNode groups = user.putArray("groups");
            for (RoleRef r : record.employee().roles()) {
                groups.addObject().put("value", r.scimId()).put("display", r.name()).put("type", "direct");
            }
        }
        ObjectNode meta = user.putObject("meta");
        meta.put("resourceType", userType.name());
        meta.put("created", record.link().created().toString());
        meta.put("lastModified", record.link().lastModified().toString());
        meta.put("version", record.link().etag());
        return user;
    }

    @Override
    public Map<String, String> derivedFields(ObjectNode user) {
        return nameRule.namesFor(user).derivedFrom();
    }

    @Override
    public FilterColumns<EmployeeColumn> filterColumns() {
        return columns;
    }

    /**
     * Writes the employee's values where they differ from what the resource as sent maps to: a value
     * changed in TrackTik shows, a value as sent stays byte for byte, and a value a rule derived
     * (names) stays out of the resource, so the identity provider sees no drift.
     */
    private void overlay(ObjectNode user, EmployeeProfile p) {
        EmployeeProfile sent = toProfile(user);
        if (!sent.firstName().equals(p.firstName())) {
            ScimNodes.setText(ScimNodes.objectFor(user, "name"), "givenName", p.firstName());
        }
        if (!sent.lastName().equals(p.lastName())) {
            ScimNodes.setText(ScimNodes.objectFor(user, "name"), "familyName", p.lastName());
        }
        // An employee field holds no empty text (the store keeps NULL), so an empty string sent for a
        // field that filters read in SQL leaves the resource too: else "title eq \"\"" would match in
        // memory and not in SQL.
        sources.forEach((field, source) -> {
            String kept = field.valueIn(p);
            if (!field.valueIn(sent).equals(kept)) {
                source.write(user, kept);
            } else if (kept.isEmpty()) {
                source.clear(user);
            }
        });
        if (!sent.email().equals(p.email())) {
            setTyped(user, "emails", "work", true, p.email());
        }
        if (!sent.primaryPhone().equals(p.primaryPhone())) {
            setTyped(user, "phoneNumbers", "work", false, p.primaryPhone());
        }
        if (!sent.secondaryPhone().equals(p.secondaryPhone())) {
            setTyped(user, "phoneNumbers", "mobile", false, p.secondaryPhone());
        }
        if (!sent.language().equals(p.language())) {
            ScimNodes.setText(user, "preferredLanguage", p.language());
        }
    }

    /**
     * SCIM types e-mails and phone numbers as free strings, TrackTik does not. A value the employee
     * field cannot hold (Microsoft's test collection sends {@code "emailName357"}) is left out of the
     * employee rather than failing the whole provisioning call; the SCIM resource keeps it as sent,
     * so nothing the client sent is lost.
     */
    private static String placeable(Optional<ObjectNode> element, Pattern accepted) {
        String value = element.map(e -> ScimNodes.text(e, "value")).orElse("");
        return accepted.matcher(value).matches() ? value : "";
    }

    private static void setTyped(ObjectNode user, String attribute, String type, boolean fallback, String value) {
        Optional<ObjectNode> element = ScimNodes.element(user, attribute, type, fallback);
        if (value.isEmpty()) {
            element.ifPresent(e -> ScimNodes.removeElement(user, attribute, e));
        } else if (element.isPresent()) {
            element.get().put("value", value);
        } else {
            ScimNodes.arrayFor(user, attribute).addObject().put("value", value).put("type", type);
        }
    }

    private static boolean active(ObjectNode user) {
        JsonNode v = ScimJson.getIgnoreCase(user, "active");
        if (v == null || v.isNull()) {
            return true;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        // Entra ID has sent "True"/"False" strings; the engine's dialect normaliser usually turned them already.
        if (v.isTextual() && (v.asText().equalsIgnoreCase("true") || v.asText().equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(v.asText().toLowerCase(java.util.Locale.ROOT));
        }
        throw ScimException.invalidValue("active must be true or false, got " + ScimJson.describe(v));
    }

    private static String managerId(ObjectNode ext) {
        JsonNode m = ScimJson.getIgnoreCase(ext, "manager");
        if (m == null || m.isNull()) {
            return "";
        }
        return m.isTextual() ? m.asText() : ScimNodes.text(m, "value");
    }

    private static Address address(ObjectNode a) {
        return new Address(ScimNodes.text(a, "streetAddress"), ScimNodes.text(a, "locality"), ScimNodes.text(a, "region"),
                ScimNodes.text(a, "postalCode"), ScimNodes.text(a, "country"));
    }
}
