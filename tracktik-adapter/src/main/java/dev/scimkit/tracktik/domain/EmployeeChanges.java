package dev.scimkit.tracktik.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Computes what History records for a change: the fields whose value differs, old → new. Every store
 * uses it, so History reads the same on H2, PostgreSQL and a portal's API.
 */
public final class EmployeeChanges {

    private EmployeeChanges() {
    }

    /** The fields that differ between two profiles, in the profile's field order. */
    public static List<FieldChange> diff(EmployeeProfile before, EmployeeProfile after) {
        return diff(before, after, DerivedFields.none());
    }

    /**
     * The fields that differ between two profiles, in the profile's field order, each noted with
     * where a derived value came from; a field whose value stays but whose source changes (a real
     * value replacing an equal derived one) is listed too, so History never hides that switch.
     */
    public static List<FieldChange> diff(EmployeeProfile before, EmployeeProfile after, DerivedFields derived) {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(derived, "derived");
        Map<String, String> old = before.historyFields();
        List<FieldChange> out = new ArrayList<>();
        after.historyFields().forEach((field, value) -> {
            String was = old.get(field);
            if (!value.equals(was) || derived.changedSource(field)) {
                out.add(new FieldChange(field, was, value, derived.noteFor(field)));
            }
        });
        return out;
    }

    /** Every non-empty field of a new employee, from "" to its value. */
    public static List<FieldChange> created(EmployeeProfile profile) {
        return created(profile, DerivedFields.none());
    }

    /** Every non-empty field of a new employee, from "" to its value, derived ones noted as such. */
    public static List<FieldChange> created(EmployeeProfile profile, DerivedFields derived) {
        List<FieldChange> out = new ArrayList<>();
        profile.historyFields().forEach((field, value) -> {
            if (!value.isEmpty()) {
                out.add(new FieldChange(field, "", value, derived.noteFor(field)));
            }
        });
        return out;
    }

    /** The History action of an update: a status flip names itself, anything else is an update. */
    public static HistoryAction actionOf(EmployeeProfile before, EmployeeProfile after) {
        if (before.status() != after.status()) {
            return after.status().isActive() ? HistoryAction.REACTIVATED : HistoryAction.DEACTIVATED;
        }
        return HistoryAction.UPDATED;
    }

    /** The {@code roles} field change when the role names go from {@code before} to {@code after}. */
    public static FieldChange roles(Collection<String> before, Collection<String> after) {
        return new FieldChange("roles", String.join(", ", new TreeSet<>(before)), String.join(", ", new TreeSet<>(after)));
    }
}
