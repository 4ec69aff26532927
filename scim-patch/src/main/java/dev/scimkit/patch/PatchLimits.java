package dev.scimkit.patch;

/**
 * Bounds on one PATCH request, so a hostile or broken client gets a 400 {@code tooMany} instead of
 * tying up the server.
 *
 * @param maxOperations         most operations in one request (after dialect expansion too)
 * @param maxValuesPerOperation most values in one operation's value array (Okta sends up to 1,000
 *                              members in one operation)
 */
public record PatchLimits(int maxOperations, int maxValuesPerOperation) {

    /** 1,000 operations and 10,000 values per operation: well above what Entra ID or Okta send. */
    public static final PatchLimits DEFAULT = new PatchLimits(1_000, 10_000);

    public PatchLimits {
        if (maxOperations < 1 || maxValuesPerOperation < 1) {
            throw new IllegalArgumentException("PATCH limits must be positive");
        }
    }
}
