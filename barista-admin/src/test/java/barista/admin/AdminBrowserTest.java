package barista.admin;

import static org.assertj.core.api.Assertions.assertThat;

import barista.Barista;
import barista.auth.Auth;
import barista.demo.models.DemoModels;
import barista.inference.ModelVersion;
import barista.inference.Models;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin in a real browser (Debian's Chromium, headless, driven by Playwright; no browser is
 * downloaded) against a real app on a socket, a SQLite file and the demo iris model: sign in,
 * make an API key and read its one-time secret, call the model with it, find the calls in the
 * log, export them, switch and unload a version, watch the dashboard chart, and do it again at a
 * phone's width. Screenshots go to {@code target/screenshots/}.
 */
class AdminBrowserTest {
    static final String PASSWORD = "a long admin password";
    @TempDir
    static Path dir;
    static Barista app;
    static String base;
    static Playwright playwright;
    static Browser browser;
    static final Path SHOTS = Paths.get("target", "screenshots");

    @BeforeAll
    static void start() throws Exception {
        Path models = dir.resolve("models");
        DemoModels.writeIris(models, "1");
        DemoModels.writeIris(models, "2");
        app = Barista.create(cfg -> cfg.port(0).requestLog(false)
                .property("barista.data.url", "jdbc:sqlite:" + dir.resolve("app.db"))
                .property("barista.models.dir", models.toString())
                .property("barista.models.access", "permission"));
        Auth.of(app).users().create("admin", PASSWORD, Set.of("admin"));
        app.start();
        base = "http://localhost:" + app.port();
        Models registry = Models.of(app);
        for (int i = 0; i < 300 && (registry.versions("iris").size() < 2 || !registry.startupComplete()); i++) {
            Thread.sleep(100);
        }
        assertThat(registry.serving("iris")).isNotNull();
        Files.createDirectories(SHOTS);
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setHeadless(true)
                .setExecutablePath(Paths.get("/usr/bin/chromium"))
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
        if (app != null) {
            app.stop();
        }
    }

    @Test
    void an_admin_works_through_every_page_on_a_desktop_and_a_phone() throws Exception {
        List<String> consoleErrors = new ArrayList<>();
        BrowserContext desktop = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800)
                .setAcceptDownloads(true).setTimezoneId("Asia/Tokyo"));
        Page page = desktop.newPage();
        page.onConsoleMessage(m -> {
            if (m.type().equals("error") && !m.text().startsWith("Failed to load resource")) {
                consoleErrors.add(m.text());
            }
        });
        page.onDialog(d -> d.accept());
        page.onResponse(r -> {
            if (r.status() >= 400) {
                consoleErrors.add(r.status() + " " + r.url());
            }
        });

        // sign in: the dashboard redirects to the form and back
        page.navigate(base + "/admin/keys");
        assertThat(page.url()).contains("/admin/login?next=%2Fadmin%2Fkeys");
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("login.png")));
        page.fill("input[name=username]", "admin");
        page.fill("input[name=password]", PASSWORD);
        page.click("button:has-text('Sign in')");
        page.waitForURL(base + "/admin/keys");

        // an API key, its secret shown once
        page.fill("#new-key-form input[name=name]", "browser test");
        page.selectOption("#new-key-form select[name=username]", "admin");
        page.click("#new-key-form button[type=submit]");
        String secret = page.textContent("#new-key-secret").trim();
        assertThat(secret).startsWith("bk_");
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("keys-new-secret.png")).setFullPage(true));
        page.navigate(base + "/admin/keys");
        assertThat(page.content()).doesNotContain(secret).contains("browser test");

        // call the model with the key
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/models/iris/predict"))
                    .header("Content-Type", "application/json").header("X-API-Key", secret)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"inputs\":[[5.1,3.5,1.4,0.2]]}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        }
        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(base + "/models/iris/predict"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"inputs\":[[5.1,3.5,1.4,0.2]]}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(401);

        // the prediction log, filtered by model
        page.navigate(base + "/admin/predictions");
        page.selectOption("#filters select[name=model]", "iris");
        page.click("#filters button[type=submit]");
        page.waitForURL(url -> url.contains("model=iris"));
        assertThat(page.locator("#predictions tbody tr").count()).isEqualTo(5);
        assertThat(page.textContent("#predictions tbody")).contains("iris@2").contains("admin");
        assertThat(page.textContent("#predictions thead")).contains("Time (Asia/Tokyo)"); // the browser's zone, from admin.js
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("predictions.png")).setFullPage(true));

        // CSV export of the same filter
        Download download = page.waitForDownload(() -> page.click("#export"));
        assertThat(download.suggestedFilename()).startsWith("predictions-").endsWith(".csv");
        List<String> lines = Files.readAllLines(download.path()).stream().filter(l -> !l.isBlank()).toList();
        assertThat(lines).hasSize(6);
        assertThat(lines.get(0)).startsWith("id,request_id,time,model,version,principal");
        assertThat(lines.subList(1, 6)).allSatisfy(l -> assertThat(l).contains(",iris,2,"));

        // models: pin v1 (the switch), then unload v2
        page.navigate(base + "/admin/models");
        page.click("#model-iris tr[data-version='1'] button:has-text('Serve')");
        page.waitForSelector("p.flash:has-text('Now serving iris v1.')");
        assertThat(page.textContent("#model-iris header")).contains("Serving v1").contains("pinned to v1");
        assertThat(Models.of(app).serving("iris").version()).isEqualTo("1");
        page.click("#model-iris tr[data-version='2'] button:has-text('Unload')");
        page.waitForSelector("p.flash:has-text('Unloaded iris v2.')");
        assertThat(Models.of(app).versions("iris").stream().map(ModelVersion::version)).containsExactly("1");
        assertThat(page.textContent("#model-iris tr[data-version='2']")).contains("not loaded");
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("models.png")).setFullPage(true));

        // the dashboard's chart draws from /admin/stats.json
        page.navigate(base + "/admin");
        page.waitForSelector("#chart[data-ready=true] canvas");
        assertThat(page.textContent("#live")).contains("iris");
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("dashboard.png")).setFullPage(true));

        page.navigate(base + "/admin/users");
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("users.png")).setFullPage(true));
        page.navigate(base + "/admin/roles");
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("roles.png")).setFullPage(true));
        desktop.close();

        // a phone: sign in, read the log, no sideways scrolling
        BrowserContext phone = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
                .setIsMobile(true).setHasTouch(true).setDeviceScaleFactor(2));
        Page small = phone.newPage();
        small.onConsoleMessage(m -> {
            if (m.type().equals("error") && !m.text().startsWith("Failed to load resource")) {
                consoleErrors.add(m.text());
            }
        });
        small.navigate(base + "/admin/predictions");
        small.fill("input[name=username]", "admin");
        small.fill("input[name=password]", PASSWORD);
        small.click("button:has-text('Sign in')");
        small.waitForURL(base + "/admin/predictions");
        assertThat(small.locator("#predictions tbody tr").count()).isEqualTo(5);
        for (String path : List.of("/admin/predictions", "/admin", "/admin/models", "/admin/keys", "/admin/users",
                "/admin/password")) {
            small.navigate(base + path);
            Object fits = small.evaluate("document.documentElement.scrollWidth <= window.innerWidth");
            assertThat(fits).as(path + " fits 390 px").isEqualTo(true);
        }
        small.navigate(base + "/admin/predictions");
        small.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("phone-predictions.png")).setFullPage(true));
        small.navigate(base + "/admin");
        small.waitForSelector("#chart[data-ready=true] canvas");
        small.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("phone-dashboard.png")).setFullPage(true));

        // last, as it ends the other sessions: the admin changes their own password and stays signed in
        small.click("nav a:has-text('Password')");
        small.fill("input[name=current_password]", PASSWORD);
        small.fill("input[name=new_password]", "a new and longer password");
        small.fill("input[name=new_password_again]", "a new and longer password");
        small.click("button:has-text('Change password')");
        small.waitForSelector("p.flash:has-text('Your password was changed')");
        assertThat(small.textContent("main")).contains("Your password was changed");
        small.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("phone-password.png")).setFullPage(true));
        phone.close();

        assertThat(consoleErrors).as("console errors, CSP violations among them").isEmpty();
    }
}
