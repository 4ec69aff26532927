package dev.scimkit.spring.boot;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import java.util.Optional;

/**
 * The store's health as {@code scimStore} in Actuator's health endpoint: UP when
 * {@link ScimStore#checkHealth()} returns, DOWN with the failure's type when it throws. Boot 4 moved
 * the health API to another package, so there is one indicator per Boot line, each active only where
 * its API exists.
 */
@Configuration(proxyBeanMethods = false)
@Import({StoreHealthConfiguration.Boot4.class, StoreHealthConfiguration.Boot3.class})
class StoreHealthConfiguration {

    /** The type of the store's failure, or empty when it is healthy; never the message, which may name a host. */
    static Optional<String> failure(ScimStore store) {
        try {
            store.checkHealth();
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(e.getClass().getSimpleName());
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
    static class Boot4 {
        @Bean
        @ConditionalOnMissingBean(name = "scimStoreHealthIndicator")
        org.springframework.boot.health.contributor.HealthIndicator scimStoreHealthIndicator(ScimStore store) {
            return () -> failure(store)
                    .map(error -> org.springframework.boot.health.contributor.Health.down().withDetail("error", error).build())
                    .orElseGet(() -> org.springframework.boot.health.contributor.Health.up().build());
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
    static class Boot3 {
        @Bean
        @ConditionalOnMissingBean(name = "scimStoreHealthIndicator")
        org.springframework.boot.actuate.health.HealthIndicator scimStoreHealthIndicator(ScimStore store) {
            return () -> failure(store)
                    .map(error -> org.springframework.boot.actuate.health.Health.down().withDetail("error", error).build())
                    .orElseGet(() -> org.springframework.boot.actuate.health.Health.up().build());
        }
    }
}
