package dev.scimkit.examples.tracktik;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Headless Chromium driven by the distribution's chromedriver, both found on the PATH (Debian:
 * {@code apt-get install chromium chromium-driver}). Without them the browser tests are skipped with
 * a message, unless {@code -Dscimkit.browser.required=true} or the environment variable
 * {@code SCIMKIT_BROWSER_REQUIRED=true} (as {@code .ci/run} sets it) makes their absence a failure.
 */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

    private final ChromeDriver driver;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
    }

    /** A fresh browser (its own profile) with a window of {@code width} × {@code height}. */
    static Browser open(Path profile, int width, int height) {
        Optional<Path> chromium = onPath("chromium").or(() -> onPath("chromium-browser"));
        Optional<Path> chromedriver = onPath("chromedriver");
        boolean present = chromium.isPresent() && chromedriver.isPresent();
        boolean required = Boolean.getBoolean("scimkit.browser.required")
                || "true".equalsIgnoreCase(System.getenv("SCIMKIT_BROWSER_REQUIRED"));
        if (!present && required) {
            throw new AssertionError("The browser tests are required here, but chromium and chromedriver are not "
                    + "on the PATH: apt-get install -y chromium chromium-driver");
        }
        assumeTrue(present, "Browser tests skipped: chromium and chromedriver are not on the PATH "
                + "(Debian: apt-get install -y chromium chromium-driver)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.get().toFile());
        // Without the background-networking switches Chromium waits on the network, which a closed
        // CI network never answers.
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile.toAbsolutePath(),
                "--window-size=" + width + "," + height);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.get().toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        driver.manage().window().setSize(new Dimension(width, height));
        return new Browser(driver);
    }

    WebDriver driver() {
        return driver;
    }

    /** Saves what the browser shows as {@code target/console-screenshots/<name>.png}. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<Path> onPath(String command) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, command);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
