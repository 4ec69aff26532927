package dev.scimkit.examples.boot;

/** {@link SampleContract} on the application's H2, with the TrackTik tables in their own schema {@code scimkit}. */
class SampleOnH2Test extends SampleContract {
}
