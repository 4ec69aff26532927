package dev.scimkit.console.view;

import java.util.List;
import java.util.Optional;

/**
 * The activity page.
 *
 * @param frame     the page frame
 * @param failed    the "failed only" filter
 * @param client    the client filter as typed
 * @param target    the target filter as typed
 * @param from      the start of the time range as typed ({@code 2026-12-02T08:00}, UTC)
 * @param to        the end of the time range as typed
 * @param clients   the clients seen lately, for the filter's choices
 * @param rows      the entries of this page, newest first
 * @param nextUrl   the next (older) page, when there is one
 * @param firstUrl  the first page with the same filters, when this is not it
 * @param problem   what was wrong with the filters, if anything
 */
public record ActivityView(Frame frame, boolean failed, String client, String target, String from, String to,
                           List<String> clients, List<ActivityRow> rows, Optional<String> nextUrl,
                           Optional<String> firstUrl, Optional<String> problem) {
}
