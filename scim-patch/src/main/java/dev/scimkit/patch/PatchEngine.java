package dev.scimkit.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.message.PatchRequest;
import dev.scimkit.core.schema.ResourceTypeDefinition;

import java.util.Objects;

/**
 * The SCIM PATCH engine (RFC 7644 §3.5.2). Immutable and thread-safe; build one with
 * {@link #builder()} and share it.
 *
 * <p>Use: {@code PatchPlan plan = engine.plan(type, request)} checks every operation against the
 * schema (unknown paths, types, readOnly targets) before anything is touched; then
 * {@code plan.apply(current)} returns a {@link PatchResult} with a new resource (atomic: all operations
 * or none; the input is never modified), or {@code plan.membershipDelta()} +
 * {@code plan.applyWithoutMembers(group)} lets a repository change membership without loading it.
 *
 * <p>In {@link PatchMode#LENIENT} mode (the default) the dialects of Entra ID and Okta are rewritten
 * into RFC form first, all in one place ({@code ClientDialect}); {@link PatchMode#STRICT} accepts
 * RFC 7644 only.
 */
public final class PatchEngine {

    private static final PatchEngine DEFAULT = builder().build();

    private final PatchMode mode;
    private final PatchLimits limits;
    private final OperationPlanner planner;
    private final PlanCache plans = new PlanCache();

    private PatchEngine(Builder b) {
        this.mode = b.mode;
        this.limits = new PatchLimits(b.maxOperations, b.maxValuesPerOperation);
        this.planner = new OperationPlanner(mode, limits);
    }

    /** A lenient engine with default limits. */
    public static PatchEngine defaults() {
        return DEFAULT;
    }

    public static Builder builder() {
        return new Builder();
    }

    public PatchMode mode() {
        return mode;
    }

    public PatchLimits limits() {
        return limits;
    }

    /**
     * Reads a PatchOp body with this engine's limits: {@code schemas} must name the PatchOp URN,
     * {@code Operations} must be a non-empty array no longer than {@link PatchLimits#maxOperations()}.
     */
    public PatchRequest parse(JsonNode body) {
        return PatchRequest.fromJson(body, true, limits.maxOperations());
    }

    /**
     * Checks a request against a resource type and prepares it: paths parsed and resolved to the
     * schema, client dialects normalised, values checked and coerced to their schema types. A small
     * request equal, member order included, to one this engine planned before gets that plan again
     * (plans are immutable; Okta's deactivate and Entra ID's disable are the same bytes for every user).
     *
     * @throws dev.scimkit.core.error.ScimException 400 ({@code invalidPath}, {@code invalidValue},
     *         {@code mutability}, {@code noTarget}, {@code invalidFilter}, {@code tooMany}); the detail
     *         names the failing operation's index
     */
    public PatchPlan plan(ResourceTypeDefinition type, PatchRequest request) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(request, "request");
        return plans.plan(type, request, () -> planner.plan(type, request));
    }

    /** {@code plan(type, request).apply(current)}. */
    public PatchResult apply(ResourceTypeDefinition type, PatchRequest request, ObjectNode current) {
        return plan(type, request).apply(current);
    }

    /** Configures a {@link PatchEngine}. */
    public static final class Builder {
        private PatchMode mode = PatchMode.LENIENT;
        private int maxOperations = PatchLimits.DEFAULT.maxOperations();
        private int maxValuesPerOperation = PatchLimits.DEFAULT.maxValuesPerOperation();

        private Builder() {
        }

        /** {@link PatchMode#LENIENT} (default) or {@link PatchMode#STRICT}. */
        public Builder mode(PatchMode value) {
            this.mode = Objects.requireNonNull(value, "mode");
            return this;
        }

        /** Most operations per request, counted after dialect expansion too (default 1,000). */
        public Builder maxOperations(int value) {
            this.maxOperations = value;
            return this;
        }

        /** Most values in one operation's value array (default 10,000). */
        public Builder maxValuesPerOperation(int value) {
            this.maxValuesPerOperation = value;
            return this;
        }

        public Builder limits(PatchLimits value) {
            this.maxOperations = value.maxOperations();
            this.maxValuesPerOperation = value.maxValuesPerOperation();
            return this;
        }

        public PatchEngine build() {
            return new PatchEngine(this);
        }
    }
}
