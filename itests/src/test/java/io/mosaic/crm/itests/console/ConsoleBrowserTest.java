package io.mosaic.crm.itests.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.mosaic.crm.itests.SavedConfig;
import io.mosaic.crm.testkit.MosaicClient;
import io.mosaic.crm.testkit.MosaicPlatform;
import io.mosaic.crm.testkit.SharedMosaicPlatform;
import java.nio.file.Files;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The console in a real headless Chromium against the real distribution. */
@ExtendWith(Browser.Required.class)
class ConsoleBrowserTest {
    @RegisterExtension
    static final SharedMosaicPlatform server = MosaicPlatform.bare().shared();
    private static Browser browser;
    private static SavedConfig http;
    private ConsolePage console;
    private String adminPassword;

    @BeforeAll
    static void openBrowser() throws Exception {
        browser = Browser.start();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeAll
    static void saveTheThreadPool() {
        http = SavedConfig.of(server.admin(), "io.mosaic.crm.http", "maxThreads");
    }

    /** The classes after this one on the shared server find customers enabled and the thread pool as booted. */
    @AfterAll
    static void restore() {
        server.admin().post("/api/platform/modules/customers/enable", null);
        http.restore(server.admin());
    }

    @BeforeEach
    void signInAsAdmin() throws Exception {
        browser.size(1280, 800);
        console = new ConsolePage(browser, server.baseUrl());
        adminPassword = Files.readString(server.home().resolve("data/initial-admin-password")).trim();
        console.signIn("admin", adminPassword);
    }

    @AfterEach
    void screenshot(TestInfo test) {
        browser.screenshot(test.getTestMethod().orElseThrow().getName());
    }

    @Test
    void signs_in_and_lists_every_module_with_state_version_and_start_level() {
        console.open("#/modules");
        WebElement row = console.visible(By.id("module-customers"));
        assertThat(row.getText()).contains("Customers", "ACTIVE");
        assertThat(console.visible(By.id("modules-table")).getText()).contains("Platform", "Console", "part of the platform");
        assertThat(browser.driver.findElement(By.id("who-name")).getText()).contains("admin");
    }

    @Test
    void disabling_customers_makes_its_api_answer_503_and_enabling_brings_back_200() {
        MosaicClient api = server.admin();
        console.open("#/modules");
        console.click(By.id("disable-customers"));
        console.visible(By.id("enable-customers"));
        assertThat(api.get("/api/customers/accounts").status()).isEqualTo(503);
        browser.screenshot("modules-customers-disabled");

        console.click(By.id("enable-customers"));
        console.visible(By.id("disable-customers"));
        assertThat(api.get("/api/customers/accounts").status()).isEqualTo(200);
    }

    @Test
    void changing_max_threads_in_the_form_changes_the_running_value() throws Exception {
        setMaxThreadsInForm(77);
        assertThat(awaitRuntime(() -> runningMaxThreads(), 77)).isEqualTo(77);
    }

    @Test
    void rolling_back_a_change_restores_the_running_value() throws Exception {
        int before = runningMaxThreads();
        setMaxThreadsInForm(66);
        awaitRuntime(() -> runningMaxThreads(), 66);
        console.open("#/config/io.mosaic.crm.http");
        WebElement rollback = console.visible(By.cssSelector("#history-table button[aria-label^='Roll back maxThreads']"));
        browser.driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", rollback);
        browser.screenshot("config-history");
        rollback.click();
        assertThat(awaitRuntime(() -> runningMaxThreads(), before)).isEqualTo(before);
    }

    @Test
    void a_user_created_with_the_sales_role_is_denied_the_configuration_page() {
        console.open("#/users");
        console.type(By.id("new-user-username"), "sam.sales");
        console.type(By.id("new-user-password"), "Sales-Passw0rd-2026");
        console.click(By.id("new-user-role-sales"));
        console.click(By.id("new-user-submit"));
        assertThat(console.visible(By.id("user-sam.sales")).getText()).contains("sales");
        browser.screenshot("users");

        console.signOut();
        browser.screenshot("login");
        console.signIn("sam.sales", "Sales-Passw0rd-2026");
        console.open("#/config");
        assertThat(console.visible(By.id("access-denied")).getText()).contains("Access denied");
        assertThat(server.as("sam.sales", "Sales-Passw0rd-2026").get("/api/platform/config").status()).isEqualTo(403);
    }

    @Test
    void on_a_narrow_screen_the_menu_opens_from_a_button() {
        browser.size(390, 844);
        console.open("#/modules");
        assertThat(browser.driver.findElement(By.id("nav")).isDisplayed()).isFalse();
        console.click(By.id("nav-toggle"));
        console.click(By.cssSelector("#nav a[data-page='config']"));
        assertThat(console.visible(By.cssSelector("main h1")).getText()).isEqualTo("Configuration");
    }

    @Test
    void monitoring_charts_fill_with_live_figures() {
        console.open("#/monitoring");
        console.await(d -> !d.findElement(By.cssSelector("#chart-threads .chart-value")).getText().matches("—|n/a"));
        console.await(d -> !d.findElement(By.cssSelector("#chart-requests .chart-value")).getText().matches("—|n/a"));
        // a few refreshes: the lines grow point by point
        console.await(d -> d.findElement(By.cssSelector("#chart-heap polyline")).getAttribute("points").split(" ").length >= 3);
        assertThat(console.visible(By.id("chart-heap")).getText()).contains("used");
        assertThat(console.visible(By.id("advice")).getText()).contains("Tuning advice");
    }

    @Test
    void a_new_api_token_is_shown_once_works_and_stops_working_when_revoked() {
        console.open("#/tokens");
        console.type(By.id("new-token-name"), "nightly export");
        console.click(By.id("new-token-submit"));
        String secret = console.visible(By.id("token-secret")).getAttribute("value");
        assertThat(secret).isNotBlank();
        browser.screenshot("tokens-created");
        var bearer = java.util.Map.of("Authorization", "Bearer " + secret);
        assertThat(server.anonymous().send("GET", "/api/customers/accounts", null, bearer).status()).isEqualTo(200);

        console.open("#/tokens");
        assertThat(browser.driver.findElements(By.id("token-secret"))).isEmpty(); // shown once only
        console.click(By.cssSelector("#tokens-table button[aria-label='Revoke token nightly export']"));
        browser.driver.switchTo().alert().accept();
        console.await(d -> d.findElements(By.cssSelector("#tokens-table button[aria-label='Revoke token nightly export']")).isEmpty());
        assertThat(server.anonymous().send("GET", "/api/customers/accounts", null, bearer).status()).isEqualTo(401);
    }

    private void setMaxThreadsInForm(int value) {
        console.open("#/config/io.mosaic.crm.http");
        console.type(By.id("cfg-maxThreads"), String.valueOf(value));
        assertThat(console.visible(By.id("config-diff")).getText()).contains("maxThreads");
        browser.screenshot("config-form");
        console.click(By.id("config-apply"));
        console.await(d -> console.toast().contains("Applied"));
    }

    private static int runningMaxThreads() {
        return server.admin().get("/api/platform/runtime").json().path("http").path("maxThreads").asInt();
    }

    /** Polls until the running value shows (ConfigAdmin delivers asynchronously); returns the last value. */
    private static int awaitRuntime(IntSupplier actual, int expected) throws InterruptedException {
        int last = actual.getAsInt();
        for (int i = 0; i < 200 && last != expected; i++) {
            Thread.sleep(50);
            last = actual.getAsInt();
        }
        return last;
    }
}
