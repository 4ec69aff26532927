package dev.scimkit.examples.tracktik;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimkit.examples.ExampleServer;
import dev.scimkit.examples.ServerOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.scimkit.examples.tracktik.ScimHttp.q;
import static dev.scimkit.examples.tracktik.ScimMessages.patch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The provisioning console in a real browser (headless Chromium), after an Entra ID cycle and an Okta
 * cycle through HTTP against the example server: sign-in, the activity list and its failure filter,
 * an employee's History, a hostile name shown as text, another tenant invisible, signed-out visitors
 * sent to the sign-in page. Every test leaves a screenshot in {@code target/console-screenshots/}.
 */
class ConsoleBrowserTest {

    private static final String HOSTILE = "<script>alert(1)</script>";
    private static final String OKTA_TOKEN = "okta-" + UUID.randomUUID();
    private static final String GLOBEX_TOKEN = "globex-" + UUID.randomUUID();
    private static final String ADMIN = "ann.admin";
    private static final String ADMIN_PASSWORD = "console-" + UUID.randomUUID();
    private static final String GLOBEX_ADMIN = "gus.admin";
    private static final String GLOBEX_PASSWORD = "console-" + UUID.randomUUID();

    @TempDir
    static Path dataDir;
    @TempDir
    Path profile;

    private static ExampleServer server;
    private static String console;
    private static String oktaUserId;
    private static String oktaUserName;
    private static String globexUserId;
    private static String dispatchers;
    private Browser browser;

    @BeforeAll
    static void provision() throws Exception {
        server = ExampleServer.start(ServerOptions.parse(new String[] {
                "--port", "0", "--data-dir", dataDir.toString(),
                "--tenant", ServerOptions.DEFAULT_TENANT + "/" + TestServers.CLIENT + "=" + TestServers.TOKEN,
                "--tenant", ServerOptions.DEFAULT_TENANT + "/okta-prod=" + OKTA_TOKEN,
                "--tenant", "globex/entra-globex=" + GLOBEX_TOKEN,
                "--console-admin", ServerOptions.DEFAULT_TENANT + "=" + ADMIN + ":" + ADMIN_PASSWORD,
                "--console-admin", "globex=" + GLOBEX_ADMIN + ":" + GLOBEX_PASSWORD}, Map.of()));
        console = "http://localhost:" + server.port() + "/console";

        new EntraCycle(ScimHttp.of(server, TestServers.TOKEN)).run();
        oktaCycle(ScimHttp.of(server, OKTA_TOKEN));

        ScimHttp globex = ScimHttp.of(server, GLOBEX_TOKEN);
        globexUserId = globex.expect(201, "POST", "/Users",
                ScimMessages.oktaUser("gina.globex@globex.example", "Gina", "Globex", "g-1")).path("id").asText();
        // Everything above is recorded off the request path: wait until the console can show it.
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (server.activityRecorder().orElseThrow().written() < 40 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(server.activityRecorder().orElseThrow().dropped()).isZero();
    }

    /** Okta's way: a lookup with index paging, a create, a full PUT, a path-less deactivation, a group push. */
    private static void oktaCycle(ScimHttp okta) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        oktaUserName = "olivia." + run + "@okta.example";
        assertThat(okta.get("/Users?filter=" + q("userName eq \"" + oktaUserName + "\"") + "&startIndex=1&count=100")
                .path("totalResults").asInt()).isZero();
        JsonNode created = okta.expect(201, "POST", "/Users", ScimMessages.oktaUser(oktaUserName, "Olivia", "Okafor", "00u" + run));
        oktaUserId = created.path("id").asText();
        String put = """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"%s","userName":"%s",
                 "name":{"givenName":"Olivia","familyName":"Okafor-Lang"},
                 "emails":[{"primary":true,"value":"%s","type":"work"}],"title":"Dispatcher",
                 "externalId":"00u%s","password":"1mz050nq-Secret","active":true}
                """.formatted(oktaUserId, oktaUserName, oktaUserName, run);
        okta.expect(200, "PUT", "/Users/" + oktaUserId, put);
        okta.expect(200, "PATCH", "/Users/" + oktaUserId, patch("{\"op\":\"replace\",\"value\":{\"active\":false}}"));

        // A hostile name, as an attacker with a provisioning token could send it.
        okta.expect(201, "POST", "/Users", ScimMessages.oktaUser("mallory." + run + "@okta.example", HOSTILE, "Mallory", "00m" + run));
        dispatchers = "Dispatchers " + run;
        JsonNode group = okta.expect(201, "POST", "/Groups", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Dispatchers %s",
                 "externalId":"00g%s","members":[{"value":"%s"}]}""".formatted(run, run, oktaUserId));
        okta.patchOk("/Groups/" + group.path("id").asText(), patch(
                "{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Dispatchers " + run + "\"}"));

        // Two failures an administrator has to find: a create without userName (with a password in it)
        // and a PATCH of a user that does not exist.
        okta.expect(400, "POST", "/Users", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"name":{"givenName":"No"},
                 "password":"Sup3r-Secret-Pw"}""");
        okta.expect(404, "PATCH", "/Users/no-such-user", patch("{\"op\":\"replace\",\"path\":\"title\",\"value\":\"x\"}"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void openBrowser() {
        browser = Browser.open(profile, 1280, 900);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    private WebDriver signIn(String user, String password) {
        WebDriver d = browser.driver();
        d.get(console + "/signin");
        d.findElement(By.id("user")).sendKeys(user);
        d.findElement(By.id("password")).sendKeys(password);
        d.findElement(By.id("signin")).click();
        awaitUrl(d, console + "/activity");
        return d;
    }

    /** A form's submission navigates on its own time: wait for it, generously (a loaded CI machine). */
    private static void awaitUrl(WebDriver d, String url) {
        new WebDriverWait(d, Duration.ofSeconds(30)).until(ExpectedConditions.urlToBe(url));
        assertThat(d.getCurrentUrl()).isEqualTo(url);
    }

    private static List<String> column(WebDriver d, String tableId, String cellClass) {
        return d.findElements(By.cssSelector("#" + tableId + " tbody td." + cellClass)).stream()
                .map(WebElement::getText).toList();
    }

    @Test
    void aSignedOutBrowserIsSentToSignIn() {
        WebDriver d = browser.driver();
        d.get(console + "/activity");
        assertThat(d.getCurrentUrl()).isEqualTo(console + "/signin");
        d.get(console + "/employees/" + oktaUserId);
        assertThat(d.getCurrentUrl()).isEqualTo(console + "/signin");
        assertThat(d.getPageSource()).doesNotContain("Okafor");
        browser.screenshot("signin");

        // A wrong password is refused, and the session cookie never reaches a script.
        d.findElement(By.id("user")).sendKeys(ADMIN);
        d.findElement(By.id("password")).sendKeys("not-" + ADMIN_PASSWORD);
        d.findElement(By.id("signin")).click();
        new WebDriverWait(d, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.id("signin-error")));
        assertThat(d.findElement(By.id("signin-error")).getText()).contains("do not match");
        signIn(ADMIN, ADMIN_PASSWORD);
        assertThat(d.manage().getCookieNamed("scimkit_console").isHttpOnly()).isTrue();
        assertThat(d.manage().getCookieNamed("scimkit_console").getSameSite()).isEqualTo("Strict");

        d.findElement(By.id("signout")).click();
        awaitUrl(d, console + "/signin");
        d.get(console + "/activity");
        assertThat(d.getCurrentUrl()).as("the session ended with the sign-out").isEqualTo(console + "/signin");
    }

    @Test
    void theActivityListReadsInAnAdministratorsWords() {
        WebDriver d = signIn(ADMIN, ADMIN_PASSWORD);
        List<String> operations = column(d, "activity", "op");
        assertThat(operations).anySatisfy(op -> assertThat(op).startsWith("disabled user").contains(oktaUserName));
        assertThat(operations).anySatisfy(op -> assertThat(op).startsWith("added 2 members to").contains("Patrol Leads"));
        assertThat(operations).anySatisfy(op -> assertThat(op).startsWith("lookup"));
        assertThat(operations).anySatisfy(op -> assertThat(op).startsWith("created group").contains("Dispatchers"));
        assertThat(column(d, "activity", "client")).contains(TestServers.CLIENT + "@default", "okta-prod@default")
                .doesNotContain("entra-globex@globex");
        // Newest first: the two failures were the last requests of the Okta cycle.
        List<WebElement> okta = d.findElements(By.cssSelector("#activity tbody tr")).stream()
                .filter(row -> row.getText().contains("okta-prod@default")).toList();
        assertThat(okta.get(0).getAttribute("class")).isEqualTo("failed");
        assertThat(okta.get(0).getText()).contains("404");
        browser.screenshot("activity");

        // Older entries are a click away, and the first page is not repeated.
        d.get(console + "/activity?limit=10");
        assertThat(d.findElements(By.cssSelector("#activity tbody tr"))).hasSize(10);
        String firstRow = d.findElements(By.cssSelector("#activity tbody tr")).get(0).getText();
        d.findElement(By.id("next")).click();
        new WebDriverWait(d, Duration.ofSeconds(30)).until(ExpectedConditions.urlContains("before="));
        assertThat(d.findElements(By.cssSelector("#activity tbody tr"))).isNotEmpty()
                .noneSatisfy(row -> assertThat(row.getText()).isEqualTo(firstRow));
        browser.screenshot("activity-older");
    }

    @Test
    void failedOnlyShowsTheFailuresWithTheirBodiesWithoutSecrets() {
        WebDriver d = signIn(ADMIN, ADMIN_PASSWORD);
        d.findElement(By.id("failed")).click();
        d.findElement(By.id("apply")).click();
        awaitUrl(d, console + "/activity?failed=1&client=&target=&from=&to=");
        List<WebElement> rows = d.findElements(By.cssSelector("#activity tbody tr"));
        assertThat(rows).isNotEmpty().allSatisfy(row -> assertThat(row.getAttribute("class")).isEqualTo("failed"));
        assertThat(column(d, "activity", "outcome")).anySatisfy(o -> assertThat(o).contains("400", "invalidValue"))
                .anySatisfy(o -> assertThat(o).contains("404"));
        WebElement details = rows.stream().filter(row -> row.getText().contains("invalidValue")).findFirst()
                .orElseThrow().findElement(By.tagName("details"));
        details.findElement(By.tagName("summary")).click();
        String body = details.findElement(By.cssSelector("pre.body")).getText();
        assertThat(body).contains("\"password\":\"[removed]\"").doesNotContain("Sup3r-Secret-Pw");
        assertThat(d.getPageSource()).doesNotContain("Sup3r-Secret-Pw").doesNotContain(OKTA_TOKEN)
                .doesNotContain(TestServers.TOKEN);
        browser.screenshot("activity-failures");
    }

    @Test
    void anEmployeesHistoryIsATimelineOfWhoChangedWhat() {
        WebDriver d = signIn(ADMIN, ADMIN_PASSWORD);
        d.get(console + "/employees");
        d.findElement(By.id("q")).sendKeys("Okafor");
        d.findElement(By.id("search")).click();
        awaitUrl(d, console + "/employees?q=Okafor&status=&region=&role=");
        List<WebElement> found = d.findElements(By.cssSelector("#employees tbody tr"));
        assertThat(found).hasSize(1);
        assertThat(found.get(0).getText()).contains(oktaUserName, "HQ", "INACTIVE");
        found.get(0).findElement(By.tagName("a")).click();
        awaitUrl(d, console + "/employees/" + oktaUserId);

        assertThat(d.findElement(By.id("employee-username")).getText()).isEqualTo(oktaUserName);
        List<String> actions = d.findElements(By.cssSelector("#history .action")).stream().map(WebElement::getText).toList();
        // Newest first: created, renamed and retitled by the PUT, deactivated, then the group push's role.
        assertThat(actions).contains("CREATED", "UPDATED", "DEACTIVATED", "ROLE_ASSIGNED");
        assertThat(actions.get(actions.size() - 1)).isEqualTo("CREATED");
        String history = d.findElement(By.id("history")).getText();
        assertThat(history).contains("okta-prod@default").contains("lastName", "Okafor", "Okafor-Lang")
                .contains("status", "ACTIVE", "INACTIVE");
        String resource = d.findElement(By.id("resource")).getText();
        assertThat(resource).contains(oktaUserName).doesNotContain("1mz050nq-Secret");
        browser.screenshot("employee-history");
    }

    @Test
    void aDeletedEmployeeKeepsItsHistoryFromTheActivityList() {
        WebDriver d = signIn(ADMIN, ADMIN_PASSWORD);
        d.get(console + "/activity?limit=200&client=" + TestServers.CLIENT);
        WebElement deleted = d.findElements(By.cssSelector("#activity tbody tr")).stream()
                .filter(row -> row.findElement(By.cssSelector(".words")).getText().equals("deleted user"))
                .findFirst().orElseThrow();
        String bobName = deleted.findElement(By.cssSelector("a.target")).getText();
        assertThat(bobName).startsWith("bob.");
        deleted.findElement(By.cssSelector("a.target")).click();
        new WebDriverWait(d, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.id("history")));
        assertThat(d.findElement(By.id("employee-name")).getText()).isEqualTo("Archived employee");
        List<String> actions = d.findElements(By.cssSelector("#history .action")).stream().map(WebElement::getText).toList();
        assertThat(actions.get(0)).isEqualTo("ARCHIVED");
        assertThat(actions.get(actions.size() - 1)).isEqualTo("CREATED");
        browser.screenshot("archived-employee");
    }

    @Test
    void theRoleFilterNarrowsTheListToTheRolesHolders() {
        WebDriver d = signIn(ADMIN, ADMIN_PASSWORD);
        d.get(console + "/employees");
        List<WebElement> everyone = d.findElements(By.cssSelector("#employees tbody tr"));
        assertThat(everyone).hasSizeGreaterThan(2);
        assertThat(new Select(d.findElement(By.id("region"))).getOptions()).extracting(WebElement::getText).contains("HQ");

        new Select(d.findElement(By.id("role"))).selectByVisibleText(dispatchers);
        d.findElement(By.id("search")).click();
        new WebDriverWait(d, Duration.ofSeconds(30)).until(ExpectedConditions.urlContains("role="));
        List<WebElement> holders = d.findElements(By.cssSelector("#employees tbody tr"));
        assertThat(holders).hasSize(1);
        assertThat(holders.get(0).getText()).contains(oktaUserName);
        assertThat(column(d, "employees", "role")).containsExactly(dispatchers);
        assertThat(new Select(d.findElement(By.id("role"))).getFirstSelectedOption().getText()).isEqualTo(dispatchers);
        browser.screenshot("employees-by-role");

        // Region and role together: Olivia is at HQ, and the choice survives the page.
        new Select(d.findElement(By.id("region"))).selectByVisibleText("HQ");
        d.findElement(By.id("search")).click();
        new WebDriverWait(d, Duration.ofSeconds(30)).until(ExpectedConditions.urlContains("region=hq"));
        assertThat(d.findElements(By.cssSelector("#employees tbody tr"))).hasSize(1);

        // A role typed into the address bar is a value, never markup.
        d.get(console + "/employees?role=" + java.net.URLEncoder.encode(HOSTILE, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(d.findElements(By.cssSelector("#employees tbody tr"))).isEmpty();
        assertThatThrownBy(() -> d.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        assertThat(d.getPageSource()).doesNotContain(HOSTILE);
    }

    @Test
    void aHostileNameIsShownAsText() {
        WebDriver d = signIn(ADMIN, ADMIN_PASSWORD);
        d.get(console + "/employees?q=Mallory");
        WebElement link = d.findElement(By.cssSelector("#employees tbody a"));
        assertThat(link.getText()).isEqualTo(HOSTILE + " Mallory");
        assertThatThrownBy(() -> d.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        assertThat(d.getPageSource()).doesNotContain(HOSTILE).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        link.click();
        new WebDriverWait(d, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.id("employee-name")));
        assertThat(d.findElement(By.id("employee-name")).getText()).isEqualTo(HOSTILE + " Mallory");
        assertThatThrownBy(() -> d.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        browser.screenshot("hostile-name");
    }

    @Test
    void anotherTenantsDataIsInvisible() {
        WebDriver d = signIn(ADMIN, ADMIN_PASSWORD);
        d.get(console + "/employees?q=Gina");
        assertThat(d.findElements(By.cssSelector("#employees tbody tr"))).isEmpty();
        d.get(console + "/employees/" + globexUserId);
        assertThat(d.findElement(By.tagName("h1")).getText()).isEqualTo("Not found");
        assertThat(d.getPageSource()).doesNotContain("Globex").doesNotContain("gina.globex");
        d.get(console + "/activity?target=" + globexUserId);
        assertThat(d.findElements(By.id("no-activity"))).hasSize(1);
        browser.screenshot("other-tenant-invisible");

        d.findElement(By.id("signout")).click();
        awaitUrl(d, console + "/signin");
        signIn(GLOBEX_ADMIN, GLOBEX_PASSWORD);
        assertThat(d.findElement(By.id("tenant")).getText()).isEqualTo("globex");
        assertThat(column(d, "activity", "client")).containsOnly("entra-globex@globex");
        d.get(console + "/employees/" + oktaUserId);
        assertThat(d.findElement(By.tagName("h1")).getText()).isEqualTo("Not found");
        browser.screenshot("globex-activity");
    }

    @Test
    void setupShowsTheTenantUrlTokenHintsAndAPassingTestConnection() {
        WebDriver d = signIn(ADMIN, ADMIN_PASSWORD);
        d.get(console + "/setup");
        assertThat(d.findElement(By.id("tenant-url")).getAttribute("value"))
                .isEqualTo("http://localhost:" + server.port() + "/rest/scim/v2/");
        assertThat(d.findElement(By.id("connection")).getText()).startsWith("✓").contains("totalResults 0");
        String tokens = d.findElement(By.id("tokens")).getText();
        assertThat(tokens).contains(TestServers.CLIENT, "okta-prod", "…" + OKTA_TOKEN.substring(OKTA_TOKEN.length() - 4));
        assertThat(d.getPageSource()).doesNotContain(OKTA_TOKEN).doesNotContain(TestServers.TOKEN)
                .doesNotContain(GLOBEX_TOKEN).doesNotContain("entra-globex");
        browser.screenshot("setup");
    }

    @Test
    void onAPhoneThePagesFitTheScreen() {
        browser.close();
        browser = Browser.open(profile, 390, 844);
        WebDriver d = signIn(ADMIN, ADMIN_PASSWORD);
        for (String page : List.of("/activity", "/employees", "/roles", "/setup")) {
            d.get(console + page);
            long overflow = (Long) ((JavascriptExecutor) d).executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(overflow).as("horizontal overflow of %s on a phone", page).isLessThanOrEqualTo(0);
        }
        d.get(console + "/activity");
        browser.screenshot("phone-activity");
    }
}
