package dev.scimkit.tracktik.domain;

import dev.scimkit.core.error.ScimException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

import java.util.Comparator;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks the Jakarta Validation constraints of the TrackTik domain and turns a violation into a SCIM
 * 400 {@code invalidValue} whose detail names each field, what is wrong and the value received, so an
 * administrator can fix the attribute mapping in Entra ID or Okta.
 *
 * <p>Uses Hibernate Validator with the {@link ParameterMessageInterpolator}, so no Jakarta Expression
 * Language implementation is needed at run time. Thread-safe; one shared instance suffices.
 */
public final class DomainValidator {

    private static final int MAX_SHOWN_VALUE = 80;

    private final Validator validator;

    public DomainValidator() {
        ValidatorFactory factory = Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory();
        this.validator = factory.getValidator();
    }

    /**
     * Returns {@code value} when it satisfies its constraints.
     *
     * @param what how to name the value in the error ("Employee", "Role")
     * @throws ScimException 400 invalidValue listing every violation
     */
    public <T> T check(String what, T value) {
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (violations.isEmpty()) {
            return value;
        }
        String detail = violations.stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .map(v -> v.getPropertyPath() + " " + v.getMessage() + " (got " + shown(v.getInvalidValue()) + ")")
                .collect(Collectors.joining("; "));
        throw ScimException.invalidValue("The " + what + " is not valid for TrackTik: " + detail);
    }

    private static String shown(Object value) {
        if (value == null) {
            return "nothing";
        }
        String s = String.valueOf(value);
        return "\"" + (s.length() > MAX_SHOWN_VALUE ? s.substring(0, MAX_SHOWN_VALUE) + "…" : s) + "\"";
    }
}
