package cn.jiandu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import cn.jiandu.notification.CardActionWorker;

/**
 * The demo inbox in a browser: the unit head's 签收 card with its button (kept as
 * docs/screens/dingtalk-inbox-card.png); pressing it signs the task, and the card then says
 * who signed and when.
 */
class DingTalkCardBrowserIT extends ItSupport {

    private static final String PASSWORD = "card-browser-1";

    @Autowired
    CardActionWorker worker;

    @BeforeAll
    static void chromiumIsInstalled() {
        Browsers.assumeInstalled();
    }

    @Test
    void shouldShowTheCardAndSignWithItsButton() throws IOException {
        Fixtures fx = new Fixtures(this, PASSWORD);
        String u = unique();
        String station = fx.unit("BS" + u, "城关派出所", "STATION");
        String head = fx.officer("BH" + u, "刘所长", station, "UNIT_HEAD", true);
        String officer = fx.officer("BO" + u, "李警官", station, "OFFICER", false);
        String legal = fx.officer("BL" + u, "王法明", fx.unit("BF" + u, "法制大队", "LEGAL"), "LEGAL_OFFICER", false);
        long id = fx.register(legal, Fixtures.problem("HOTLINE_12345", station, officer,
                "受案登记表未开具受案回执" + u, "群众反映。")).path("id").asLong();
        for (int i = 0; i < 20 && dispatcher.dispatchOnce() > 0; i++) {
            // until the card is delivered
        }

        ChromeDriver browser = Browsers.openWithBasic(720, 900, ItSupport.ADMIN, ItSupport.ADMIN_PASSWORD);
        try {
            String inbox = "http://localhost:" + port + "/api/demo/dingtalk/inbox?to=dt" + head;
            browser.get(inbox);
            WebElement card = new WebDriverWait(browser, Duration.ofSeconds(30))
                    .until(d -> d.findElement(By.cssSelector("#cards .icard")));
            assertThat(card.getText()).contains("【蓝色预警】签收：受案登记表未开具受案回执" + u, "待签收", "城关派出所");
            Path file = Browsers.SCREENS.resolve("dingtalk-inbox-card.png");
            Files.createDirectories(file.getParent());
            Files.copy(browser.findElement(By.id("cards")).getScreenshotAs(OutputType.FILE).toPath(), file,
                    StandardCopyOption.REPLACE_EXISTING);
            assertThat(Files.size(file)).isGreaterThan(5_000);

            card.findElement(By.xpath(".//button[text()='签收']")).click();
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().contains("#cards"));
            worker.runOnce();
            for (int i = 0; i < 20 && dispatcher.dispatchOnce() > 0; i++) {
                // until the card's update is delivered
            }
            browser.get(inbox);
            WebElement signed = new WebDriverWait(browser, Duration.ofSeconds(30))
                    .until(d -> d.findElement(By.cssSelector("#cards .icard")));
            assertThat(signed.getText()).contains("已由 刘所长 于").contains("签收");
            assertThat(signed.findElements(By.tagName("button"))).isEmpty();
            assertThat(tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(id))
                    .taskDefinitionKey("Task_Sign").count()).isZero();
        } finally {
            browser.quit();
        }
    }
}
