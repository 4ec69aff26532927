package dev.scimkit.console;

import dev.scimkit.server.limits.FailedAuthenticationGuard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;

/**
 * Throttles guessing at the sign-in form, with the engine's {@link FailedAuthenticationGuard}: one
 * guard counts failures per remote address, another per administrator account. An address or an
 * account that keeps failing is refused for a while that doubles (from one second up to fifteen
 * minutes) before any password is hashed; a success ends its incident.
 *
 * <p>Only configured accounts are counted per account: a made-up user name costs the guessing address,
 * not memory, and an incident only ever names an account the operator configured. Each incident is
 * logged once, with the address or the account and never a password.
 */
final class SignInThrottle {

    private static final Logger LOG = LoggerFactory.getLogger(SignInThrottle.class);

    private final FailedAuthenticationGuard addresses;
    private final FailedAuthenticationGuard accounts;

    SignInThrottle(FailedAuthenticationGuard addresses, FailedAuthenticationGuard accounts) {
        this.addresses = addresses;
        this.accounts = accounts;
    }

    /** Five failures in a row from an address before it is slowed down, as on the SCIM path. */
    static FailedAuthenticationGuard defaultAddressGuard() {
        return FailedAuthenticationGuard.builder().freeFailures(5)
                .onIncident(i -> LOG.warn("Console sign-in: {} failed attempts in a row from {}; refusing that address"
                        + " for {}s, then longer while it goes on", i.failures(), i.address(), i.lockout().toSeconds()))
                .build();
    }

    /**
     * Ten failures in a row for one account, from any number of addresses, before the account is slowed
     * down: more than an address gets, since a locked account also locks out its rightful owner.
     */
    static FailedAuthenticationGuard defaultAccountGuard() {
        return FailedAuthenticationGuard.builder().freeFailures(10)
                .onIncident(i -> LOG.warn("Console sign-in: {} failed attempts in a row for the administrator {};"
                        + " refusing that account for {}s, then longer while it goes on", i.failures(), i.address(),
                        i.lockout().toSeconds()))
                .build();
    }

    /** The key of a configured administrator: user name and tenant, both from the configuration. */
    static String account(ConsoleTenant tenant) {
        return tenant.adminUser() + "@" + tenant.tenant().value();
    }

    /** How long the attempt must wait, or empty when it may be checked; the longer of the two refusals. */
    Optional<Duration> refusal(String address, Optional<ConsoleTenant> account) {
        Optional<Duration> byAddress = addresses.refusal(address);
        Optional<Duration> byAccount = account.flatMap(a -> accounts.refusal(account(a)));
        if (byAddress.isEmpty()) {
            return byAccount;
        }
        if (byAccount.isEmpty()) {
            return byAddress;
        }
        return Optional.of(byAddress.get().compareTo(byAccount.get()) >= 0 ? byAddress.get() : byAccount.get());
    }

    void failed(String address, Optional<ConsoleTenant> account) {
        addresses.failed(address);
        account.ifPresent(a -> accounts.failed(account(a)));
    }

    void succeeded(String address, ConsoleTenant account) {
        addresses.succeeded(address);
        accounts.succeeded(account(account));
    }
}
