package dev.scimkit.tracktik.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One line of an employee's History: when, who (the provisioning client and the tenant), what, and
 * every field it changed with its old and new value.
 *
 * @param employeeId the TrackTik id of the employee
 * @param at         when the change was committed
 * @param actor      who made it
 * @param action     what it did
 * @param changes    each changed field, old → new
 */
public record HistoryEntry(
        @NotBlank String employeeId,
        @NotNull Instant at,
        @NotNull Actor actor,
        @NotNull HistoryAction action,
        @NotNull List<FieldChange> changes) {

    public HistoryEntry {
        Objects.requireNonNull(employeeId, "employeeId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        changes = List.copyOf(changes);
    }
}
