package dev.scimkit.examples.boot;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The application's own API, protected by Spring Security's defaults, which the SCIM starter leaves alone. */
@RestController
class GreetingController {

    @GetMapping("/api/greeting")
    String greeting() {
        return "hello";
    }
}
