package io.aiojakarta.example.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium browsers driven by Selenium WebDriver through Debian's {@code chromedriver}.
 * Both paths come from what the build provisioned ({@code target/chromium.properties}, written by
 * {@code scripts/ensure-chromium.sh}), so nothing is downloaded at test time. Screenshots go to
 * {@code target/browser/}.
 */
final class Browsers {

    private static final Path SCREENSHOTS = Path.of("target", "browser");

    private final Properties paths;

    private Browsers(Properties paths) {
        this.paths = paths;
    }

    /** The browser and driver the build provisioned; fails the test when they are missing. */
    static Browsers provisioned() throws IOException {
        Path recorded = Path.of("target", "chromium.properties");
        assertTrue(Files.exists(recorded), "the build records the Chromium and chromedriver it provisioned in " + recorded);
        Properties paths = new Properties();
        try (Reader reader = Files.newBufferedReader(recorded)) {
            paths.load(reader);
        }
        for (String tool : new String[] {"chromium", "chromedriver"}) {
            String path = paths.getProperty(tool, "");
            assertTrue(Files.isExecutable(Path.of(path)), recorded + " names no executable " + tool + ": '" + path + "'");
        }
        return new Browsers(paths);
    }

    /** A browser of its own (its own profile: no shared cookies or storage), headless; quit it after use. */
    WebDriver open(int width, int height) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(paths.getProperty("chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=" + width + "," + height);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(paths.getProperty("chromedriver")))
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    /** Runs the script in the page and returns its result. */
    static Object script(WebDriver browser, String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    /** Saves what the browser shows; returns the file. */
    static Path screenshot(WebDriver browser, String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path file = SCREENSHOTS.resolve(name);
        Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        return file;
    }
}
