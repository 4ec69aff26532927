package dev.scimkit.core.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.json.ScimJson;

/**
 * Realistic request bodies for tests in every module, each a fresh copy that a test may modify.
 * The user is shaped like what Microsoft Entra ID sends on create (core + enterprise extension with a
 * manager, several e-mails, phone numbers and addresses); the group like an Okta/Entra group push.
 */
public final class SampleResources {

    private SampleResources() {
    }

    /** An Entra ID-style User create body (no id, no meta). */
    public static ObjectNode entraUser() {
        return read("entra-user.json");
    }

    /** A Group create body with two members. */
    public static ObjectNode group() {
        return read("group.json");
    }

    /** The smallest valid User: schemas and userName. */
    public static ObjectNode minimalUser(String userName) {
        ObjectNode user = ScimJson.object();
        user.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:User");
        user.put("userName", userName);
        return user;
    }

    private static ObjectNode read(String name) {
        return (ObjectNode) ScimJson.readResource(SampleResources.class, name);
    }
}
