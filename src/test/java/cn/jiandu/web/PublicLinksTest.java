package cn.jiandu.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PublicLinksTest {

    @Test
    void shouldUseTheConfiguredBaseWithoutItsTrailingSlash() {
        PublicLinks links = new PublicLinks(" https://jiandu.example.gov.cn/ ");
        assertThat(links.problem(42)).isEqualTo("https://jiandu.example.gov.cn/problems/42");
        assertThat(links.task("abc-1")).isEqualTo("https://jiandu.example.gov.cn/camunda/app/tasklist/default/#/?task=abc-1");
        assertThat(links.to("api/reports/3")).isEqualTo("https://jiandu.example.gov.cn/api/reports/3");
        assertThat(links.inAnswer("/api/documents/7")).isEqualTo("https://jiandu.example.gov.cn/api/documents/7");
    }

    @Test
    void shouldFallBackToThePortTheAppListensOnAndKeepAnswersRelative() {
        PublicLinks links = new PublicLinks("");
        assertThat(links.configured()).isFalse();
        assertThat(links.base()).isEqualTo("http://localhost:8080");
        assertThat(links.inAnswer("/api/documents/7")).isEqualTo("/api/documents/7");
    }
}
