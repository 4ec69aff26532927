package dev.scimkit.tracktik.domain;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The fields of a TrackTik employee that provisioning controls: what the mapping makes of a SCIM
 * User. Optional text fields are empty strings when absent (never null), so two profiles compare
 * field by field and History shows {@code "" → "x"} for a value that appears.
 *
 * @param customId       TrackTik's custom id / employee number (SCIM enterprise {@code employeeNumber})
 * @param firstName      first name (SCIM {@code name.givenName})
 * @param lastName       last name (SCIM {@code name.familyName})
 * @param email          work email (SCIM {@code emails[type eq "work"]} or the primary one)
 * @param primaryPhone   work phone (SCIM {@code phoneNumbers[type eq "work"]})
 * @param secondaryPhone mobile phone (SCIM {@code phoneNumbers[type eq "mobile"]})
 * @param jobTitle       job title (SCIM {@code title})
 * @param department     department (SCIM enterprise {@code department})
 * @param managerId      the SCIM id of the manager's User (SCIM enterprise {@code manager.value})
 * @param status         active or inactive (SCIM {@code active})
 * @param region         the region the employee is assigned to (HQ unless a region rule decides)
 * @param address        work address (SCIM {@code addresses[type eq "work"]})
 * @param language       preferred language as a BCP 47 tag (SCIM {@code preferredLanguage}, else {@code locale})
 */
public record EmployeeProfile(
        @Size(max = 15, message = "must be at most 15 characters: it is the TrackTik Employee ID (SCIM employeeNumber)") String customId,
        @NotBlank(message = "must not be blank: send name.givenName, or name.formatted or displayName with a first and a last name")
        @Size(max = 128) String firstName,
        @NotBlank(message = "must not be blank: send name.familyName, or name.formatted or displayName with a first and a last name")
        @Size(max = 128) String lastName,
        @Email(message = "must be an email address") @Size(max = 254) String email,
        @Size(max = 64) @Pattern(regexp = "[0-9+()./ x#*-]*", message = "must be a phone number (digits, + ( ) . / - x)") String primaryPhone,
        @Size(max = 64) @Pattern(regexp = "[0-9+()./ x#*-]*", message = "must be a phone number (digits, + ( ) . / - x)") String secondaryPhone,
        @Size(max = 255) String jobTitle,
        @Size(max = 255) String department,
        @Size(max = 255) String managerId,
        @NotNull EmployeeStatus status,
        @NotNull @Valid Region region,
        @NotNull @Valid Address address,
        @Size(max = 35) @Pattern(regexp = "([A-Za-z]{2,8}([-_][A-Za-z0-9]{1,8})*)?", message = "must be a language tag such as en-US") String language) {

    public EmployeeProfile {
        customId = nz(customId);
        firstName = nz(firstName);
        lastName = nz(lastName);
        email = nz(email);
        primaryPhone = nz(primaryPhone);
        secondaryPhone = nz(secondaryPhone);
        jobTitle = nz(jobTitle);
        department = nz(department);
        managerId = nz(managerId);
        status = Objects.requireNonNullElse(status, EmployeeStatus.ACTIVE);
        region = Objects.requireNonNullElse(region, Region.HQ);
        address = Objects.requireNonNullElse(address, Address.EMPTY);
        language = nz(language);
    }

    /** A builder starting from no values (status active, region HQ). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this profile's values. */
    public Builder toBuilder() {
        return new Builder().customId(customId).firstName(firstName).lastName(lastName).email(email)
                .primaryPhone(primaryPhone).secondaryPhone(secondaryPhone).jobTitle(jobTitle)
                .department(department).managerId(managerId).status(status).region(region).address(address)
                .language(language);
    }

    /** The same profile with another status. */
    public EmployeeProfile withStatus(EmployeeStatus newStatus) {
        return toBuilder().status(newStatus).build();
    }

    /**
     * Every field as the text History records, by TrackTik field name, in a fixed order; the basis of
     * {@link EmployeeChanges#diff}.
     */
    public Map<String, String> historyFields() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("customId", customId);
        out.put("firstName", firstName);
        out.put("lastName", lastName);
        out.put("email", email);
        out.put("primaryPhone", primaryPhone);
        out.put("secondaryPhone", secondaryPhone);
        out.put("jobTitle", jobTitle);
        out.put("department", department);
        out.put("manager", managerId);
        out.put("status", status.name());
        out.put("region", region.name());
        out.put("address", address.oneLine());
        out.put("language", language);
        return out;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** Builds an {@link EmployeeProfile}; unset text fields are empty. */
    public static final class Builder {
        private String customId;
        private String firstName;
        private String lastName;
        private String email;
        private String primaryPhone;
        private String secondaryPhone;
        private String jobTitle;
        private String department;
        private String managerId;
        private EmployeeStatus status = EmployeeStatus.ACTIVE;
        private Region region = Region.HQ;
        private Address address = Address.EMPTY;
        private String language;

        private Builder() {
        }

        public Builder customId(String v) { customId = v; return this; }
        public Builder firstName(String v) { firstName = v; return this; }
        public Builder lastName(String v) { lastName = v; return this; }
        public Builder email(String v) { email = v; return this; }
        public Builder primaryPhone(String v) { primaryPhone = v; return this; }
        public Builder secondaryPhone(String v) { secondaryPhone = v; return this; }
        public Builder jobTitle(String v) { jobTitle = v; return this; }
        public Builder department(String v) { department = v; return this; }
        public Builder managerId(String v) { managerId = v; return this; }
        public Builder status(EmployeeStatus v) { status = v; return this; }
        public Builder region(Region v) { region = v; return this; }
        public Builder address(Address v) { address = v; return this; }
        public Builder language(String v) { language = v; return this; }

        public EmployeeProfile build() {
            return new EmployeeProfile(customId, firstName, lastName, email, primaryPhone, secondaryPhone, jobTitle,
                    department, managerId, status, region, address, language);
        }
    }
}
