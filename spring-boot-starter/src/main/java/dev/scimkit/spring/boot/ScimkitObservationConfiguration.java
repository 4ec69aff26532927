package dev.scimkit.spring.boot;

import dev.scimkit.server.spi.Authenticator;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** With Micrometer's ObservationRegistry, an observation of every SCIM request ({@link ScimObservationFilter}). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(ObservationRegistry.class)
class ScimkitObservationConfiguration {

    @Bean
    @ConditionalOnBean(ObservationRegistry.class)
    @ConditionalOnMissingBean(name = "scimObservationRegistration")
    FilterRegistrationBean<ScimObservationFilter> scimObservationRegistration(ObservationRegistry registry,
                                                                             Authenticator authenticator,
                                                                             ScimkitProperties properties) {
        FilterRegistrationBean<ScimObservationFilter> registration =
                new FilterRegistrationBean<>(new ScimObservationFilter(registry, authenticator, properties.normalizedBasePath()));
        registration.addUrlPatterns(properties.normalizedBasePath() + "/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }
}
