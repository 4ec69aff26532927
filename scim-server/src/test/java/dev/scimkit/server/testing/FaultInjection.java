package dev.scimkit.server.testing;

import java.util.Objects;
import java.util.Optional;

/**
 * How a store under the {@link ResourceRepositoryContract} lets the contract break it on purpose: after
 * {@link #failAfterFirstStatement()}, every write fails after its first statement has reached the store
 * (a disk that fills up part-way through a transaction), until {@link #heal()}. A store that cannot be
 * broken that way says why with {@link #unsupported(String)}, and the contract's atomicity cases are
 * skipped with that reason instead of passing in silence.
 */
public final class FaultInjection {

    private final Runnable arm;
    private final Runnable heal;
    private final String unsupportedBecause;

    private FaultInjection(Runnable arm, Runnable heal, String unsupportedBecause) {
        this.arm = arm;
        this.heal = heal;
        this.unsupportedBecause = unsupportedBecause;
    }

    /** A store that fails after the first statement of each write once {@code arm} ran, until {@code heal} ran. */
    public static FaultInjection of(Runnable arm, Runnable heal) {
        return new FaultInjection(Objects.requireNonNull(arm, "arm"), Objects.requireNonNull(heal, "heal"), null);
    }

    /** A store that cannot fail part-way through a write, and the reason (shown as the skip message). */
    public static FaultInjection unsupported(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("Say why the store cannot be broken part-way through a write");
        }
        return new FaultInjection(() -> { }, () -> { }, reason);
    }

    /** The reason the store cannot inject faults, or empty when it can. */
    public Optional<String> unsupportedBecause() {
        return Optional.ofNullable(unsupportedBecause);
    }

    /** From now on, writes fail after their first statement. */
    public void failAfterFirstStatement() {
        arm.run();
    }

    /** Writes work again. */
    public void heal() {
        heal.run();
    }
}
