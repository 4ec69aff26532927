package dev.scimkit.tracktik.scim;

import dev.scimkit.server.spi.ScimPrincipal;
import dev.scimkit.server.spi.TenantId;
import dev.scimkit.tracktik.domain.Actor;
import dev.scimkit.tracktik.domain.DomainValidator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ActorResolverTest {

    private static final TenantId PORTAL = TenantId.of("portal-a");

    @Test
    void historyNamesTheCredentialAndItsTenant() {
        assertThat(ActorResolver.fromCredential().actorFor(ScimPrincipal.client(PORTAL, "entra-prod")))
                .isEqualTo(new Actor("entra-prod", "portal-a"));
        assertThat(ActorResolver.named("scim-provisioning").actorFor(ScimPrincipal.client(PORTAL, "ignored")))
                .isEqualTo(new Actor("scim-provisioning", "portal-a"));
    }

    @Test
    void freelyNamedPrincipalsAreMadeToFitHistory() {
        String longSubject = "CN=" + "x".repeat(500) + ",OU=Provisioning";
        Actor long_ = ActorResolver.fromCredential().actorFor(ScimPrincipal.client(PORTAL, longSubject));
        assertThat(long_.client()).hasSize(Actor.MAX_LENGTH).startsWith("CN=xxx");

        Actor blank = ActorResolver.fromCredential().actorFor(ScimPrincipal.client(PORTAL, "  "));
        assertThat(blank.client()).isEqualTo("unnamed-client");

        Actor control = ActorResolver.fromCredential().actorFor(ScimPrincipal.client(PORTAL, "okta\nforged line"));
        assertThat(control.client()).isEqualTo("okta?forged line");

        Actor bidi = ActorResolver.fromCredential().actorFor(ScimPrincipal.client(PORTAL, "okta\u202Eorp\u2028x"));
        assertThat(bidi.client()).isEqualTo("okta?orp?x");

        String emoji = "x".repeat(Actor.MAX_LENGTH - 1) + "\uD83D\uDE00";
        Actor split = ActorResolver.fromCredential().actorFor(ScimPrincipal.client(PORTAL, emoji));
        assertThat(split.client()).hasSize(Actor.MAX_LENGTH - 1).doesNotContain("\uD83D");

                // Whatever the principal is called, the actor satisfies the domain's constraints.
        DomainValidator validator = new DomainValidator();
        for (Actor a : new Actor[]{long_, blank, control, bidi, split}) {
            assertThat(validator.check("actor", a)).isEqualTo(a);
        }
    }
}
