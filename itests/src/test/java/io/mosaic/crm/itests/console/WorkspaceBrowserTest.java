package io.mosaic.crm.itests.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.mosaic.crm.testkit.MosaicClient;
import io.mosaic.crm.testkit.MosaicPlatform;
import io.mosaic.crm.testkit.SharedMosaicPlatform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The CRM workspace of the console, generated from {@code /api/metadata}, as a user with the
 * {@code sales} role sees it in headless Chromium: find an account, add a contact to it through the
 * generated form (the browser's and the server's refusals next to their fields), see it as a related
 * record and in its history, edit with a conflict (412), and watch the customers pages go when an
 * admin disables the module. axe-core finds no serious or critical violation on any page visited.
 * With {@code -Dmosaic.screenshots=true} the screenshots go to docs/img/workspace/ as well.
 */
@ExtendWith(Browser.Required.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkspaceBrowserTest {
    @RegisterExtension
    static final SharedMosaicPlatform server = MosaicPlatform.bare().shared();
    private static final String RUN = Long.toString(System.nanoTime(), 36);
    private static final String USER = "ws.sales." + RUN;
    private static final String PASSWORD = "Workspace-Passw0rd-" + RUN;
    private static final String ACCOUNT = "Workspace Acme " + RUN;
    private static final String TAKEN = "taken." + RUN + "@example.com";
    private static final String CONTACT = "Lovelace " + RUN;
    private static Browser browser;
    private static ConsolePage console;
    private static long accountId;
    private static long pagedContact;

    @BeforeAll
    static void salesUserAndAccount() throws IOException {
        MosaicClient admin = server.admin();
        assertThat(admin.post("/api/security/users", """
                {"username":"%s","password":"%s","roles":["sales"]}""".formatted(USER, PASSWORD)).status()).isEqualTo(201);
        var account = admin.post("/api/customers/accounts", """
                {"name":"%s","website":"https://ws-%s.example","industry":"Robotics","country":"DE"}""".formatted(ACCOUNT, RUN));
        assertThat(account.status()).as(account.body()).isEqualTo(201);
        accountId = account.json().path("id").asLong();
        assertThat(admin.post("/api/customers/contacts", """
                {"lastName":"Taken %s","email":"%s"}""".formatted(RUN, TAKEN)).status()).isEqualTo(201);
        browser = Browser.start();
        console = new ConsolePage(browser, server.baseUrl());
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void a_sales_user_finds_an_account_and_adds_a_contact_through_the_generated_form() {
        browser.size(1280, 800);
        console.signIn(USER, PASSWORD);
        assertThat(console.visible(By.cssSelector("main h1")).getText()).isEqualTo("Workspace");
        assertThat(console.visible(By.id("nav-module-customers")).getText()).containsIgnoringCase("Customers").contains("Accounts", "Contacts");
        assertThat(browser.driver.findElements(By.cssSelector("#nav a[data-page='modules']")).get(0).isDisplayed()).isFalse();
        accessible("workspace");

        console.click(By.id("nav-customers-accounts"));
        console.type(By.id("list-q"), ACCOUNT);
        browser.driver.findElement(By.id("list-q")).sendKeys(Keys.ENTER);
        until(d -> d.findElements(By.cssSelector("#records-table tbody tr")).size() == 1
                && d.findElement(By.id("records-table")).getText().contains(ACCOUNT));
        accessible("accounts-list");

        console.click(By.linkText(ACCOUNT));
        awaitHeading(ACCOUNT);
        console.visible(By.id("history-table"));
        assertThat(console.visible(By.id("record-fields")).getText()).contains("Annual revenue");   // sales sees it
        accessible("account-detail");

        console.click(By.id("related-customers-contacts-accountId-new"));
        WebElement account = console.visible(By.id("f-accountId"));
        until(d -> String.valueOf(accountId).equals(new Select(account).getFirstSelectedOption().getAttribute("value")));
        console.type(By.id("f-lastName"), CONTACT);
        console.type(By.id("f-email"), "ada.example.com");
        console.click(By.id("record-save"));
        assertThat(console.visible(By.id("f-email-error")).getText()).isEqualTo("Not a valid e-mail address.");   // the browser's check
        assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("form-problems");   // focus goes to the list of problems
        assertThat(account.isDisplayed()).isTrue();

        console.type(By.id("f-email"), TAKEN);
        console.click(By.id("record-save"));
        until(d -> d.findElement(By.id("f-email-error")).getText().contains("Another record already has this value"));  // the server's 409
        assertThat(browser.driver.findElement(By.id("f-email")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(console.visible(By.id("form-problems")).getText()).contains("Email");
        accessible("contact-form-errors");

        String email = "ada." + RUN + "@example.com";
        console.type(By.id("f-email"), email);
        console.click(By.id("record-save"));
        awaitHeading(CONTACT);
        assertThat(console.visible(By.id("record-fields")).getText()).contains(email, ACCOUNT);
        assertThat(console.visible(By.id("history-table")).getText()).contains("created", "you", email);
        accessible("contact-detail");

        console.click(By.cssSelector("#record-fields dd[data-field='accountId'] a"));
        awaitHeading(ACCOUNT);
        assertThat(console.visible(By.id("related-customers-contacts-accountId")).getText()).contains(CONTACT, email);
    }

    @Test
    @Order(2)
    void a_server_side_422_shows_next_to_its_field_and_a_conflicting_edit_offers_a_reload() {
        console.open("#/records/customers/accounts/" + accountId + "/edit");
        console.type(By.id("f-country"), "ZZ");    // two letters pass the browser's check; only the server knows ISO 3166
        console.click(By.id("record-save"));
        until(d -> d.findElement(By.id("f-country-error")).getText().contains("Not an ISO 3166 country code"));

        assertThat(server.admin().patch("/api/customers/accounts/" + accountId, "{\"city\":\"Lyon\"}", "\"1\"").status())
                .isEqualTo(200);   // someone else saves first
        console.type(By.id("f-country"), "FR");
        console.click(By.id("record-save"));
        assertThat(console.visible(By.id("form-problems")).getText()).contains("Someone else saved this record");
        accessible("account-edit-conflict");
        console.click(By.id("reload-record"));
        until(d -> "Lyon".equals(d.findElement(By.id("f-city")).getAttribute("value")));
        console.type(By.id("f-country"), "FR");
        console.click(By.id("record-save"));
        awaitHeading(ACCOUNT);
        assertThat(console.visible(By.id("record-fields")).getText()).contains("FR", "Lyon");
        assertThat(console.visible(By.id("history-table")).getText()).contains("DE", "FR");
    }

    @Test
    @Order(3)
    void a_list_pages_with_load_more_sorts_filters_remembers_its_columns_and_a_record_is_deleted_after_confirmation() {
        MosaicClient admin = server.admin();
        String prefix = "Page" + RUN;
        for (int i = 0; i < 27; i++) {
            assertThat(admin.post("/api/customers/contacts", """
                    {"lastName":"%s %02d","title":"Tester"}""".formatted(prefix, i)).status()).isEqualTo(201);
        }
        console.open("#/records/customers/contacts?q=" + prefix);
        until(d -> d.findElements(By.cssSelector("#records-table tbody tr")).size() == 25);
        console.click(By.id("load-more"));
        until(d -> d.findElements(By.cssSelector("#records-table tbody tr")).size() == 27);
        assertThat(browser.driver.findElement(By.id("load-more")).isDisplayed()).isFalse();

        press(By.id("sort-lastName"));   // ascending, then descending
        until(d -> firstRow().startsWith(prefix + " 00"));
        press(By.id("sort-lastName"));
        until(d -> firstRow().startsWith(prefix + " 26"));
        assertThat(browser.driver.findElement(By.cssSelector("th[aria-sort='descending']")).getText()).contains("Contact");

        console.click(By.cssSelector("#column-chooser summary"));
        console.click(By.id("column-createdAt"));
        until(d -> d.findElement(By.cssSelector("#records-table thead")).getText().contains("Created at"));
        console.open("#/records/customers/contacts?q=" + prefix);   // remembered in this browser
        until(d -> d.findElement(By.cssSelector("#records-table thead")).getText().contains("Created at")
                && d.findElement(By.id("records-table")).getText().contains("Tester"));

        console.click(By.cssSelector(".filters-toggle summary"));
        console.type(By.id("filter-lastName"), prefix + " 03");
        console.click(By.id("apply-filters"));
        until(d -> d.findElements(By.cssSelector("#records-table tbody tr")).size() == 1);
        accessible("contacts-list");
        Object csv = browser.driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(document.getElementById('export-csv').href).then((r) => r.text()).then(done, (e) => done('failed: ' + e));");
        assertThat(String.valueOf(csv)).startsWith("id,").contains(prefix + " 03").doesNotContain(prefix + " 04");   // same filter

        console.click(By.linkText(prefix + " 03"));
        awaitHeading(prefix + " 03");
        String location = browser.driver.getCurrentUrl();
        pagedContact = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        assertThat(console.visible(By.id("edit-record")).isDisplayed()).isTrue();
        assertThat(browser.driver.findElements(By.id("delete-record"))).as("sales may not delete").isEmpty();
    }

    /** Clicks an element after scrolling it to the middle of the screen, clear of the sticky top bar. */
    private static void press(By by) {
        WebElement element = console.visible(by);
        browser.driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        console.click(by);
    }

    private static String firstRow() {
        return browser.driver.findElement(By.cssSelector("#records-table tbody tr")).getText();
    }

    @Test
    @Order(4)
    void on_a_narrow_screen_the_list_and_the_menu_still_work() {
        browser.size(390, 844);
        try {
            console.open("#/records/customers/contacts?q=" + "Lovelace");
            until(d -> d.findElement(By.id("records-table")).getText().contains(CONTACT));
            accessible("contacts-narrow");
            console.click(By.id("nav-toggle"));
            console.click(By.id("nav-customers-accounts"));
            awaitHeading("Accounts");
        } finally {
            browser.size(1280, 800);
        }
    }

    @Test
    @Order(5)
    void the_customers_pages_disappear_after_a_refresh_when_an_admin_disables_the_module() {
        MosaicClient admin = server.admin();
        console.open("#/records/customers/accounts");
        try {
            assertThat(admin.post("/api/platform/modules/customers/disable", null).status()).isEqualTo(200);
            console.open("#/records/customers/accounts");
            assertThat(console.visible(By.id("type-unavailable")).getText()).contains("customers/accounts");
            assertThat(browser.driver.findElements(By.id("nav-module-customers"))).isEmpty();
            accessible("customers-disabled");
        } finally {
            admin.post("/api/platform/modules/customers/enable", null);
        }
        console.open("#/workspace");
        assertThat(console.visible(By.id("nav-module-customers")).getText()).contains("Accounts");
    }

    @Test
    @Order(6)
    void a_field_hidden_from_the_user_by_a_field_rule_appears_nowhere() {
        assertThat(server.admin().post("/api/security/users", """
                {"username":"%s","password":"%s","roles":["support"]}""".formatted("ws.support." + RUN, PASSWORD)).status())
                .isEqualTo(201);
        console.signIn("ws.support." + RUN, PASSWORD);     // support does not see annualRevenue
        console.open("#/records/customers/accounts/" + accountId);
        assertThat(console.visible(By.id("record-fields")).getText()).contains("Industry").doesNotContain("Annual revenue");
        assertThat(browser.driver.findElements(By.id("edit-record"))).as("support may not edit accounts").isEmpty();
        console.open("#/records/customers/accounts");
        assertThat(browser.driver.findElements(By.id("column-annualRevenue"))).isEmpty();
        assertThat(browser.driver.findElements(By.id("filter-annualRevenueFrom"))).isEmpty();
        assertThat(browser.driver.findElements(By.id("column-employees"))).hasSize(1);
    }

    @Test
    @Order(7)
    void a_user_who_may_delete_deletes_a_record_after_confirming() throws IOException {
        console.signIn("admin", Files.readString(server.home().resolve("data/initial-admin-password")).trim());
        console.open("#/records/customers/contacts/" + pagedContact);
        console.click(By.id("delete-record"));
        browser.driver.switchTo().alert().dismiss();    // changed their mind: nothing happens
        assertThat(server.admin().get("/api/customers/contacts/" + pagedContact).status()).isEqualTo(200);
        console.click(By.id("delete-record"));
        browser.driver.switchTo().alert().accept();
        awaitHeading("Contacts");
        assertThat(server.admin().get("/api/customers/contacts/" + pagedContact).status()).isEqualTo(404);
    }

    /** Waits for the page's heading. */
    private static void awaitHeading(String text) {
        until(d -> d.findElement(By.cssSelector("main h1")).getText().equals(text));
    }

    /** Waits for a condition; the console replaces what it shows as answers arrive, so a stale element is tried again. */
    private static <T> T until(Function<WebDriver, T> condition) {
        return new WebDriverWait(browser.driver, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class).until(condition);
    }

    /**
     * Fails on any serious or critical axe-core violation of the page on screen, or on a request the
     * page made anywhere but to Mosaic; saves its screenshot.
     */
    private static void accessible(String page) {
        screenshot(page);
        Object requested = browser.driver.executeScript("return performance.getEntriesByType('resource').map((e) => e.name)"
                + ".concat([location.href]);");
        assertThat((java.util.List<?>) requested).as("what " + page + " loaded").isNotEmpty()
                .allSatisfy(url -> assertThat(String.valueOf(url)).startsWith(server.baseUrl() + "/"));
        assertThat(Accessibility.seriousViolations(browser.driver)).as("axe-core on " + page).isEmpty();
    }

    private static void screenshot(String name) {
        Path shot = browser.screenshot("workspace-" + name);
        if (Boolean.getBoolean("mosaic.screenshots")) {
            try {
                Path docs = Path.of(System.getProperty("mosaic.docs", "../docs"), "img", "workspace");
                Files.createDirectories(docs);
                Files.copy(shot, docs.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
