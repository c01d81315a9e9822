package io.mosaic.crm.itests.console;

import java.time.Duration;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What a person does in the console, in the browser: sign in, open a page, fill a field, click. */
final class ConsolePage {
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private final WebDriver driver;
    private final String baseUrl;

    ConsolePage(Browser browser, String baseUrl) {
        this.driver = browser.driver;
        this.baseUrl = baseUrl;
    }

    /** Opens the console fresh, without a session, and signs in. */
    void signIn(String username, String password) {
        driver.get(baseUrl + "/console");
        driver.manage().deleteAllCookies();
        driver.navigate().refresh();
        WebElement user = visible(By.id("login-username"));
        user.clear();
        user.sendKeys(username);
        driver.findElement(By.id("login-password")).sendKeys(password);
        driver.findElement(By.id("login-submit")).click();
        visible(By.id("logout"));
    }

    void signOut() {
        click(By.id("logout"));
        visible(By.id("login-form"));
    }

    /**
     * Opens a page by its hash route, e.g. {@code #/config/io.mosaic.crm.http}, loading the console
     * afresh (the session cookie carries over), and waits for its heading.
     */
    void open(String hash) {
        driver.get(baseUrl + "/console" + hash);
        driver.navigate().refresh();
        visible(By.cssSelector("main h1"));
    }

    WebElement visible(By by) {
        return await(ExpectedConditions.visibilityOfElementLocated(by));
    }

    void click(By by) {
        await(ExpectedConditions.elementToBeClickable(by)).click();
    }

    void type(By by, String text) {
        WebElement input = visible(by);
        input.clear();
        input.sendKeys(text);
    }

    <T> T await(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, PATIENCE).until(condition);
    }

    String toast() {
        return driver.findElement(By.id("toast")).getText();
    }
}
