package org.example.inquiry.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One person's headless Chromium on the web console, driven through Debian's {@code chromedriver}
 * (never a driver or browser Selenium Manager would download): signs in locally, opens pages, sends
 * htmx actions and waits for the re-rendered notice, writes screenshots, and reports the browser's
 * console errors.
 */
final class ConsoleBrowser implements AutoCloseable {

  /** How long one asynchronous change on a page may take. */
  static final Duration WAIT = Duration.ofSeconds(20);

  /** Where the screenshots go, in the module's target folder. */
  static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

  /** Where {@code -Dconsole.screenshots.write=true} also copies them, for the docs. */
  static final Path DOCS_SCREENSHOTS = Path.of("..", "docs", "screenshots");

  private static final Path DEBIAN_CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path DEBIAN_CHROMIUM = Path.of("/usr/bin/chromium");

  private final String consoleUrl;
  private final String user;
  private final ChromeDriver driver;
  private boolean closed;

  private ConsoleBrowser(String consoleUrl, String user, ChromeDriver driver) {
    this.consoleUrl = consoleUrl;
    this.user = user;
    this.driver = driver;
  }

  /**
   * Why the browser test cannot run here, or empty when it can: switched off with {@code
   * -Dconsole.browser=off}, or no chromedriver or Chromium on this machine.
   */
  static Optional<String> unavailable() {
    if ("off".equalsIgnoreCase(System.getProperty("console.browser", "").trim())) {
      return Optional.of("the console's browser test is switched off (-Dconsole.browser=off)");
    }
    if (chromedriver().isEmpty()) {
      return Optional.of(
          "no chromedriver here (/usr/bin/chromedriver or on PATH): install Debian's chromium and"
              + " chromium-driver (.ci/run does) to run the console's browser test");
    }
    if (chromium().isEmpty()) {
      return Optional.of(
          "no Chromium here (/usr/bin/chromium or on PATH): install Debian's chromium (.ci/run"
              + " does) to run the console's browser test");
    }
    return Optional.empty();
  }

  /**
   * Starts a browser and signs {@code user} in as {@code role}; checks on the way that the console
   * sends an unauthenticated visitor to the sign-in page.
   */
  static ConsoleBrowser signIn(String consoleUrl, String user, String role) {
    ConsoleBrowser browser = start(consoleUrl, user);
    try {
      browser.signInAs(user, role);
      return browser;
    } catch (RuntimeException | Error e) {
      browser.keepFailure("sign-in");
      browser.close();
      throw e;
    }
  }

  private static ConsoleBrowser start(String consoleUrl, String user) {
    Path chromedriver = chromedriver().orElseThrow();
    Path chromium = chromium().orElseThrow();
    // Selenium Manager would look for (and download) a driver without these; there is no need.
    System.setProperty("webdriver.chrome.driver", chromedriver.toString());
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium.toFile());
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,800");
    options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(chromedriver.toFile())
            .usingAnyFreePort()
            .build();
    return new ConsoleBrowser(consoleUrl, user, new ChromeDriver(service, options));
  }

  private void signInAs(String name, String role) {
    open("/queue");
    waitFor(
        "an unauthenticated visit to /console/queue to land on the sign-in page",
        d -> d.getCurrentUrl().contains("/console/sign-in") ? Boolean.TRUE : null);
    await(By.cssSelector("form#sign-in"));
    type(By.id("user"), name);
    choose(By.id("role"), role);
    click(By.id("sign-in-submit"));
    waitFor(
        name + " to land on the queue after signing in",
        d -> d.getCurrentUrl().contains("/console/queue") ? Boolean.TRUE : null);
    String signedInAs =
        waitFor(
            "#signed-in-as to name " + name,
            d -> {
              String shown = d.findElement(By.id("signed-in-as")).getText();
              return shown.contains(name) ? shown : null;
            });
    assertThat(signedInAs).contains(name + " (" + role + ")");
    assertThat(driver.findElements(By.cssSelector("form#sign-out button#sign-out-submit")))
        .as("every page has the sign-out button")
        .isNotEmpty();
    assertNoConsoleErrors("sign-in of " + name);
  }

  WebDriver driver() {
    return driver;
  }

  /** Opens a console page: {@code path} is relative to {@code /console}. */
  void open(String path) {
    driver.get(consoleUrl + path);
  }

  /** The first element {@code by} finds, waiting until it is there. */
  WebElement await(By by) {
    return waitFor(
        by + " on " + driver.getCurrentUrl(),
        d -> {
          List<WebElement> found = d.findElements(by);
          return found.isEmpty() ? null : found.get(0);
        });
  }

  /**
   * Waits up to {@link #WAIT}, polling every 200 ms, until {@code condition} is neither null nor
   * false.
   */
  <T> T waitFor(String what, Function<WebDriver, T> condition) {
    return waitFor(what, WAIT, Duration.ofMillis(200), condition);
  }

  /** Waits up to {@code timeout}, polling every {@code poll}, until {@code condition} holds. */
  <T> T waitFor(String what, Duration timeout, Duration poll, Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, timeout)
        .pollingEvery(poll)
        .ignoring(StaleElementReferenceException.class)
        .ignoring(ElementNotInteractableException.class)
        .withMessage(() -> user + " waited " + timeout.toSeconds() + " s for " + what)
        .until(condition);
  }

  /** Clears a text field and types into it. */
  void type(By field, String text) {
    WebElement input = await(field);
    input.clear();
    input.sendKeys(text);
  }

  /** Picks the option of a select whose value or label is {@code choice} (ignoring case). */
  void choose(By select, String choice) {
    Select options = new Select(await(select));
    for (WebElement option : options.getOptions()) {
      String value = option.getDomProperty("value");
      if (choice.equalsIgnoreCase(value) || choice.equalsIgnoreCase(option.getText().trim())) {
        options.selectByValue(value);
        return;
      }
    }
    throw new AssertionError(
        select
            + " has no option "
            + choice
            + "; it offers "
            + options.getOptions().stream().map(o -> o.getDomProperty("value")).toList());
  }

  /** What {@code #notice} says after an action: its {@code data-outcome} and its text. */
  record Notice(String outcome, String text) {}

  /**
   * Clicks what {@code by} finds; finds it again when the page re-rendered it meanwhile (the case
   * and the queue reload in place when they change).
   */
  void click(By by) {
    waitFor(
        "to click " + by,
        d -> {
          d.findElement(by).click();
          return Boolean.TRUE;
        });
  }

  /**
   * Clicks an action's button and waits for its outcome: the command's answer swaps a new {@code
   * #notice} in (htmx, out of band) with {@code data-outcome}, and no htmx request, swap or settle
   * is still under way.
   */
  Notice act(By button, String what) {
    List<WebElement> before = driver.findElements(By.id("notice"));
    WebElement oldNotice = before.isEmpty() ? null : before.get(0);
    click(button);
    return waitFor(
        "the #notice[data-outcome] after " + what,
        d -> {
          if ((oldNotice != null && !stale(oldNotice)) || !htmxIdle()) {
            return null;
          }
          List<WebElement> notices = d.findElements(By.cssSelector("#notice[data-outcome]"));
          return notices.isEmpty()
              ? null
              : new Notice(
                  notices.get(0).getDomAttribute("data-outcome"), notices.get(0).getText());
        });
  }

  /** Asserts the notice's outcome (accepted or refused), showing its text when it is not. */
  static void assertOutcome(Notice notice, String outcome, String what) {
    assertThat(notice.outcome())
        .as(what + ": the notice says '" + notice.text() + "'")
        .isEqualTo(outcome);
  }

  /** The text of what {@code by} finds, read again when the page re-rendered it meanwhile. */
  String text(By by) {
    return waitFor(by + " on " + driver.getCurrentUrl(), d -> d.findElement(by).getText());
  }

  /** An attribute of what {@code by} finds, waiting until the element is there and has it. */
  String attribute(By by, String name) {
    return waitFor(
        by + "[" + name + "] on " + driver.getCurrentUrl(),
        d -> d.findElement(by).getDomAttribute(name));
  }

  private boolean htmxIdle() {
    Object idle =
        ((JavascriptExecutor) driver)
            .executeScript(
                "return document.readyState === 'complete' && document.querySelector("
                    + "'.htmx-request, .htmx-swapping, .htmx-settling') === null;");
    return Boolean.TRUE.equals(idle);
  }

  private static boolean stale(WebElement element) {
    try {
      element.isEnabled();
      return false;
    } catch (StaleElementReferenceException e) {
      return true;
    }
  }

  /**
   * Fails when the browser logged an error (a SEVERE entry: a script error, a failed request) since
   * the last check; the browser's log is read, and so emptied, by each check. A missing favicon is
   * not the console's error.
   */
  void assertNoConsoleErrors(String screen) {
    List<String> errors = new ArrayList<>();
    for (LogEntry entry : driver.manage().logs().get("browser")) {
      if (entry.getLevel().intValue() >= Level.SEVERE.intValue()
          && !entry.getMessage().contains("favicon.ico")) {
        errors.add(entry.getMessage());
      }
    }
    assertThat(errors).as("browser console errors on " + screen + " (" + user + ")").isEmpty();
  }

  /**
   * Writes the visible page as {@code target/console-screenshots/<name>.png}, and into {@code
   * docs/screenshots} too with {@code -Dconsole.screenshots.write=true}.
   */
  Path screenshot(String name) {
    byte[] png = driver.getScreenshotAs(OutputType.BYTES);
    try {
      Files.createDirectories(SCREENSHOTS);
      Path file = SCREENSHOTS.resolve(name + ".png");
      Files.write(file, png);
      if (Boolean.getBoolean("console.screenshots.write")) {
        Path docs = DOCS_SCREENSHOTS.toAbsolutePath().normalize();
        Files.createDirectories(docs);
        Files.copy(file, docs.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** After a failure: the page as the person last saw it (PNG and HTML), for the report. */
  void keepFailure(String step) {
    if (closed) {
      return;
    }
    try {
      Files.createDirectories(SCREENSHOTS);
      String name = "failure-" + step.replaceAll("[^A-Za-z0-9.-]+", "-") + "-" + user;
      Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
      Files.writeString(
          SCREENSHOTS.resolve(name + ".html"),
          "<!-- " + driver.getCurrentUrl() + " -->\n" + driver.getPageSource(),
          StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      System.err.println("could not keep the failed page of " + user + ": " + e);
    }
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      driver.quit();
    }
  }

  private static Optional<Path> chromedriver() {
    String configured = System.getProperty("webdriver.chrome.driver");
    if (configured != null && Files.isExecutable(Path.of(configured))) {
      return Optional.of(Path.of(configured));
    }
    return executable(DEBIAN_CHROMEDRIVER, "chromedriver");
  }

  private static Optional<Path> chromium() {
    return executable(DEBIAN_CHROMIUM, "chromium", "chromium-browser");
  }

  private static Optional<Path> executable(Path usual, String... names) {
    if (Files.isExecutable(usual)) {
      return Optional.of(usual);
    }
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      for (String name : names) {
        if (!dir.isBlank() && Files.isExecutable(Path.of(dir, name))) {
          return Optional.of(Path.of(dir, name));
        }
      }
    }
    return Optional.empty();
  }
}
