package dev.scimkit.core.resource;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimkit.core.schema.SchemaUrns;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A typed, read-only view of a User tree (RFC 7643 §4.1, with the enterprise extension of §4.3).
 * Names are matched ignoring case; missing or oddly typed data reads as empty, never as an exception.
 * The view reads the tree it was given on every call, so give it a tree nobody changes (as
 * {@link ScimResource#asUser()} does).
 */
public final class UserView {

    private final JsonNode tree;

    private UserView(JsonNode tree) {
        this.tree = tree;
    }

    public static UserView of(JsonNode user) {
        return new UserView(Objects.requireNonNull(user, "user"));
    }

    /** The components of a User's {@code name}. */
    public record Name(Optional<String> formatted, Optional<String> familyName, Optional<String> givenName,
                       Optional<String> middleName, Optional<String> honorificPrefix,
                       Optional<String> honorificSuffix) {
        static Name read(JsonNode name) {
            return new Name(TreeReader.text(name, "formatted"), TreeReader.text(name, "familyName"),
                    TreeReader.text(name, "givenName"), TreeReader.text(name, "middleName"),
                    TreeReader.text(name, "honorificPrefix"), TreeReader.text(name, "honorificSuffix"));
        }
    }

    /** One of a User's {@code addresses}. */
    public record Address(Optional<String> formatted, Optional<String> streetAddress, Optional<String> locality,
                          Optional<String> region, Optional<String> postalCode, Optional<String> country,
                          Optional<String> type, boolean primary) {
        static Address read(JsonNode a) {
            return new Address(TreeReader.text(a, "formatted"), TreeReader.text(a, "streetAddress"),
                    TreeReader.text(a, "locality"), TreeReader.text(a, "region"),
                    TreeReader.text(a, "postalCode"), TreeReader.text(a, "country"),
                    TreeReader.text(a, "type"), TreeReader.bool(a, "primary").orElse(false));
        }
    }

    public Optional<String> id() {
        return TreeReader.text(tree, "id");
    }

    public Optional<String> externalId() {
        return TreeReader.text(tree, "externalId");
    }

    public Optional<String> userName() {
        return TreeReader.text(tree, "userName");
    }

    /** The {@code name} object; empty when absent. */
    public Optional<Name> name() {
        JsonNode name = TreeReader.member(tree, "name");
        return name.isObject() ? Optional.of(Name.read(name)) : Optional.empty();
    }

    public Optional<String> givenName() {
        return name().flatMap(Name::givenName);
    }

    public Optional<String> familyName() {
        return name().flatMap(Name::familyName);
    }

    public Optional<String> displayName() {
        return TreeReader.text(tree, "displayName");
    }

    public Optional<String> nickName() {
        return TreeReader.text(tree, "nickName");
    }

    public Optional<String> title() {
        return TreeReader.text(tree, "title");
    }

    public Optional<String> userType() {
        return TreeReader.text(tree, "userType");
    }

    public Optional<String> preferredLanguage() {
        return TreeReader.text(tree, "preferredLanguage");
    }

    public Optional<String> locale() {
        return TreeReader.text(tree, "locale");
    }

    public Optional<String> timezone() {
        return TreeReader.text(tree, "timezone");
    }

    /** {@code active}; empty when absent (RFC 7643 leaves the default to the service provider). */
    public Optional<Boolean> active() {
        return TreeReader.bool(tree, "active");
    }

    public List<MultiValue> emails() {
        return TreeReader.list(tree, "emails", MultiValue::read);
    }

    /** The primary e-mail's value, else the first e-mail's. */
    public Optional<String> primaryEmail() {
        return primaryOrFirst(emails());
    }

    public List<MultiValue> phoneNumbers() {
        return TreeReader.list(tree, "phoneNumbers", MultiValue::read);
    }

    public Optional<String> primaryPhoneNumber() {
        return primaryOrFirst(phoneNumbers());
    }

    public List<Address> addresses() {
        return TreeReader.list(tree, "addresses", Address::read);
    }

    public List<MultiValue> roles() {
        return TreeReader.list(tree, "roles", MultiValue::read);
    }

    public List<MultiValue> entitlements() {
        return TreeReader.list(tree, "entitlements", MultiValue::read);
    }

    /** The groups the User belongs to (readOnly, filled in by the server). */
    public List<MultiValue> groups() {
        return TreeReader.list(tree, "groups", MultiValue::read);
    }

    public Optional<String> employeeNumber() {
        return TreeReader.text(enterprise(), "employeeNumber");
    }

    public Optional<String> costCenter() {
        return TreeReader.text(enterprise(), "costCenter");
    }

    public Optional<String> organization() {
        return TreeReader.text(enterprise(), "organization");
    }

    public Optional<String> division() {
        return TreeReader.text(enterprise(), "division");
    }

    public Optional<String> department() {
        return TreeReader.text(enterprise(), "department");
    }

    /** The manager's id ({@code manager.value}); a bare string manager is read too. */
    public Optional<String> managerId() {
        JsonNode manager = TreeReader.member(enterprise(), "manager");
        return manager.isTextual() ? Optional.of(manager.asText()) : TreeReader.text(manager, "value");
    }

    public Optional<String> managerDisplayName() {
        return TreeReader.text(TreeReader.member(enterprise(), "manager"), "displayName");
    }

    private JsonNode enterprise() {
        return TreeReader.member(tree, SchemaUrns.ENTERPRISE_USER);
    }

    private static Optional<String> primaryOrFirst(List<MultiValue> values) {
        return values.stream().filter(MultiValue::primary).findFirst()
                .or(() -> values.stream().findFirst())
                .flatMap(MultiValue::value);
    }

    @Override
    public String toString() {
        return "UserView[" + id().orElse("(no id)") + "]";
    }
}
