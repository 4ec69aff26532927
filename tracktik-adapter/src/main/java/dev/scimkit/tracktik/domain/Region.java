package dev.scimkit.tracktik.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A TrackTik region employees are assigned to. Every portal has the {@link #HQ} region, the default
 * assignment of provisioned employees.
 *
 * @param id   a stable key of the region within the portal ({@code hq}, {@code emea}, a TrackTik id)
 * @param name the region's display name
 */
public record Region(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._:-]+", message = "must be letters, digits or . _ : -")
        String id,
        @NotBlank @Size(max = 200) String name) {

    /** The headquarters region, where provisioned employees go unless a region rule says otherwise. */
    public static final Region HQ = new Region("hq", "HQ");

    public boolean isHq() {
        return HQ.id.equals(id);
    }
}
