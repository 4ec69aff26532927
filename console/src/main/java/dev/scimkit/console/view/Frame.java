package dev.scimkit.console.view;

/**
 * What every signed-in page shows around its content.
 *
 * @param title   the page title
 * @param section the navigation entry to highlight ({@code activity}, {@code employees}, {@code roles}, {@code setup})
 * @param tenant  the signed-in administrator's tenant
 * @param admin   the administrator's user name
 * @param csrf    the session's CSRF token, for the sign-out form
 * @param base    the console's path ({@code /console}), for links
 */
public record Frame(String title, String section, String tenant, String admin, String csrf, String base) {

    /** The same frame with another title. */
    public Frame withTitle(String newTitle) {
        return new Frame(newTitle, section, tenant, admin, csrf, base);
    }
}
