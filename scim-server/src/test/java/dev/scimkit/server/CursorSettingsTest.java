package dev.scimkit.server;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CursorSettingsTest {

    @Test
    void theSameSecretsInAnyOrderGiveTheSameKey() {
        byte[] a = CursorSettings.withKeyDerivedFrom(List.of("acme\0entra\0t1", "acme\0okta\0t2")).key();
        byte[] b = CursorSettings.withKeyDerivedFrom(List.of("acme\0okta\0t2", "acme\0entra\0t1")).key();
        assertThat(a).isEqualTo(b).hasSizeGreaterThanOrEqualTo(32);
    }

    @Test
    void anotherSecretGivesAnotherKey() {
        assertThat(CursorSettings.withKeyDerivedFrom(List.of("acme\0entra\0t1")).key())
                .isNotEqualTo(CursorSettings.withKeyDerivedFrom(List.of("acme\0entra\0t2")).key());
    }

    @Test
    void noSecretsGiveARandomKeyPerInstance() {
        assertThat(CursorSettings.withKeyDerivedFrom(List.of()).key())
                .isNotEqualTo(CursorSettings.withKeyDerivedFrom(List.of()).key());
    }
}
