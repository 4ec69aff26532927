package dev.scimkit.tracktik.port;

import java.util.Objects;
import java.util.Optional;

/**
 * A keyset seek over SCIM ids, for RFC 9865 cursor pages of an unsorted search that the store filters
 * entirely: the records in SCIM id order, strictly after (or before) a boundary id. Only a store whose
 * {@link TrackTikStore#seeksByScimId()} is true receives one.
 *
 * @param boundary the SCIM id the page starts after (before, when {@code backward}); empty for the
 *                 first (or, backward, the last) page
 * @param backward whether the page is the {@code limit} records just before the boundary (still
 *                 returned in ascending id order)
 */
public record ScimIdSeek(Optional<String> boundary, boolean backward) {
    public ScimIdSeek {
        Objects.requireNonNull(boundary, "boundary");
    }
}
