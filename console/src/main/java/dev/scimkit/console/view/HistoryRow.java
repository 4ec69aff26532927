package dev.scimkit.console.view;

import java.util.List;

/**
 * One History entry of an employee.
 *
 * @param time    when, in UTC
 * @param actor   who ({@code entra-prod@portal-a})
 * @param action  what kind of change ({@code CREATED}, {@code ROLE_ASSIGNED}, …)
 * @param changes the fields it changed
 */
public record HistoryRow(String time, String actor, String action, List<ChangeRow> changes) {
}
