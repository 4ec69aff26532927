package dev.scimkit.examples.tracktik;

/**
 * Request bodies shaped as Microsoft Entra ID and Okta send them (their documented provisioning
 * requests), so the tests exercise the dialects the server must understand rather than tidy RFC
 * examples.
 */
final class ScimMessages {

    private ScimMessages() {
    }

    /** The fixed parts of every Entra user: work and mobile phone, work address, title, language. */
    static final String TITLE = "Security Officer";
    static final String WORK_PHONE = "+1 514 555 0100";
    static final String MOBILE_PHONE = "+1 514 555 0199";
    static final String STREET = "1 Main St";
    static final String CITY = "Montreal";
    static final String LANGUAGE = "en-US";

    /**
     * An Entra ID create: core + enterprise extension (employeeNumber, department, manager), work
     * e-mail, work and mobile phones, work address, title and preferredLanguage.
     */
    static String entraUser(String userName, String externalId, String givenName, String familyName,
                            String employeeNumber, String department, String managerId) {
        String manager = managerId == null ? "" : ",\"manager\":{\"value\":\"" + managerId + "\"}";
        return """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
                 "externalId":"%s","userName":"%s","active":true,"displayName":"%s %s",
                 "title":"%s","preferredLanguage":"%s",
                 "emails":[{"primary":true,"type":"work","value":"%s"}],
                 "meta":{"resourceType":"User"},
                 "name":{"formatted":"%s %s","familyName":"%s","givenName":"%s"},
                 "phoneNumbers":[{"type":"work","value":"%s"},{"type":"mobile","value":"%s"}],
                 "addresses":[{"type":"work","primary":true,"streetAddress":"%s","locality":"%s","region":"QC",
                               "postalCode":"H2X 1Y4","country":"CA"}],
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":
                   {"employeeNumber":"%s","department":"%s"%s}}
                """.formatted(externalId, userName, givenName, familyName, TITLE, LANGUAGE, userName,
                givenName, familyName, familyName, givenName, WORK_PHONE, MOBILE_PHONE, STREET, CITY,
                employeeNumber, department, manager);
    }

    /** An Entra ID (and Okta) group create: no members, they follow by PATCH. */
    static String emptyGroup(String displayName, String externalId) {
        return """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"externalId":"%s","displayName":"%s",
                 "meta":{"resourceType":"Group"}}
                """.formatted(externalId, displayName);
    }

    /** An Okta user create (Okta's documented body, with the password Okta may push). */
    static String oktaUser(String userName, String givenName, String familyName, String externalId) {
        return """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s",
                 "name":{"givenName":"%s","familyName":"%s"},
                 "emails":[{"primary":true,"value":"%s","type":"work"}],
                 "displayName":"%s %s","locale":"en-US","externalId":"%s","groups":[],
                 "password":"1mz050nq-Secret","active":true}
                """.formatted(userName, givenName, familyName, userName, givenName, familyName, externalId);
    }

    /** A PatchOp message around the given operation objects. */
    static String patch(String... operations) {
        return "{\"schemas\":[\"" + ScimHttp.PATCH_OP + "\"],\"Operations\":[" + String.join(",", operations) + "]}";
    }

    /** {@code {"value":"id1"},{"value":"id2"}} for a members value array. */
    static String memberValues(Iterable<String> ids) {
        StringBuilder sb = new StringBuilder();
        for (String id : ids) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append("{\"value\":\"").append(id).append("\"}");
        }
        return sb.toString();
    }
}
