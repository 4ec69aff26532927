package dev.scimkit.tracktik.mapping;

import dev.scimkit.tracktik.domain.EmployeeProfile;
import dev.scimkit.tracktik.port.EmployeeColumn;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The employee fields whose SCIM source attribute {@link DefaultUserMapping} lets an operator choose
 * by configuration ({@link DefaultUserMapping#withFieldFrom}), so an attribute an administrator mapped
 * in Entra ID or Okta under a custom extension (a badge number, a job code) lands in TrackTik without
 * code. Each is plain text in TrackTik, so any writable, single-valued string attribute can feed it.
 */
public enum EmployeeTextField {

    /** TrackTik's Employee ID ({@code customId}); by default the enterprise {@code employeeNumber}. */
    EMPLOYEE_ID("employee-id", EmployeeColumn.CUSTOM_ID),
    /** The job title; by default the core {@code title}. */
    JOB_TITLE("job-title", EmployeeColumn.JOB_TITLE),
    /** The department; by default the enterprise {@code department}. */
    DEPARTMENT("department", EmployeeColumn.DEPARTMENT);

    private final String optionName;
    private final EmployeeColumn column;

    EmployeeTextField(String optionName, EmployeeColumn column) {
        this.optionName = optionName;
        this.column = column;
    }

    /** The field's name in configuration, such as {@code employee-id}. */
    public String optionName() {
        return optionName;
    }

    /** The field named {@code name} in configuration (any case), if there is one. */
    public static Optional<EmployeeTextField> byOptionName(String name) {
        return Arrays.stream(values()).filter(f -> f.optionName.equalsIgnoreCase(name.strip())).findFirst();
    }

    /** Every field's configuration name, for error messages. */
    public static String optionNames() {
        return String.join(", ", Arrays.stream(values()).map(f -> f.optionName).toList());
    }

    /** The store column that holds the field, where filters on its source attribute run. */
    EmployeeColumn column() {
        return column;
    }

    /** The field's value in {@code profile}. */
    String valueIn(EmployeeProfile profile) {
        return switch (this) {
            case EMPLOYEE_ID -> profile.customId();
            case JOB_TITLE -> profile.jobTitle();
            case DEPARTMENT -> profile.department();
        };
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
