package dev.scimkit.console.view;

import java.util.Optional;

/**
 * Where a paged list stands.
 *
 * @param first   the 1-based position of the first row shown (0 when none)
 * @param last    the position of the last row shown
 * @param total   how many rows match
 * @param prevUrl the previous page
 * @param nextUrl the next page
 */
public record Pager(long first, long last, long total, Optional<String> prevUrl, Optional<String> nextUrl) {
}
