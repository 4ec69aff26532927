package dev.scimkit.console.view;

import java.util.Optional;

/**
 * The sign-in form.
 *
 * @param base  the console's path
 * @param csrf  the form's CSRF token (also set as a cookie)
 * @param user  the user name typed before, if the attempt failed
 * @param error why the last attempt failed
 */
public record SignInView(String base, String csrf, String user, Optional<String> error) {
}
