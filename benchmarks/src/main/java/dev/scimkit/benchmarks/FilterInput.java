package dev.scimkit.benchmarks;

import dev.scimkit.benchmarks.fixtures.Fixtures;

/** The three filters the filter benchmarks run, by the name JMH reports as the {@code input} parameter. */
public enum FilterInput {
    /** {@link Fixtures#FILTER_ENTRA}. */
    entra(Fixtures.FILTER_ENTRA),
    /** {@link Fixtures#FILTER_OKTA}. */
    okta(Fixtures.FILTER_OKTA),
    /** {@link Fixtures#FILTER_COMPLEX}. */
    complex(Fixtures.FILTER_COMPLEX);

    private final String text;

    FilterInput(String text) {
        this.text = text;
    }

    /** The filter text. */
    public String text() {
        return text;
    }
}
