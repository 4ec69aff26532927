package dev.scimkit.examples.boot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * An ordinary Spring Boot application (its own API, its own Flyway migrations, Spring Security's
 * defaults) that also serves SCIM: scimkit-spring-boot-starter and the {@code scimkit.*} properties in
 * application.yml are all it takes.
 */
@SpringBootApplication
public class SampleApplication {

    public static void main(String[] args) {
        SpringApplication.run(SampleApplication.class, args);
    }
}
