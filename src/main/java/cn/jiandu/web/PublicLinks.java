package cn.jiandu.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The addresses a person is sent to from outside a page (DingTalk messages, documents,
 * report summaries): {@code jiandu.public-base-url} when it is set (production: the bureau's
 * address of Jiandu, the same on every node); otherwise the address this node really listens
 * on ({@code http://localhost:<port>}), so that the demo on any port gives working links.
 */
@Component
public class PublicLinks {

    private final String configured;
    private volatile String listening = "http://localhost:8080";

    PublicLinks(@Value("${jiandu.public-base-url:}") String configured) {
        this.configured = trimmed(configured);
    }

    /** The port the application's web server really opened (not the management server's). */
    @EventListener
    void listening(WebServerInitializedEvent event) {
        String namespace = event.getApplicationContext().getServerNamespace();
        if (namespace == null || namespace.isEmpty()) {
            listening = "http://localhost:" + event.getWebServer().getPort();
        }
    }

    /** The base every link starts with, without a trailing slash. */
    public String base() {
        return configured.isEmpty() ? listening : configured;
    }

    /** Whether a public base URL is configured (absolute links in stored data only then). */
    public boolean configured() {
        return !configured.isEmpty();
    }

    /** A path of this app ("/x/y") as an absolute link. */
    public String to(String path) {
        return base() + (path.startsWith("/") ? path : "/" + path);
    }

    /**
     * A path as an API answer gives it: absolute when a public base URL is configured (read
     * outside the app), otherwise as it is (the reader is on this app already).
     */
    public String inAnswer(String path) {
        return configured() ? to(path) : path;
    }

    /** A problem's page (问题详情页). */
    public String problem(long problemId) {
        return to("/problems/" + problemId);
    }

    /** That very task, opened in the Tasklist. */
    public String task(String taskId) {
        return to(taskPath(taskId));
    }

    /**
     * A path of this app as a link that DingTalk opens inside itself (its side panel on the PC)
     * through 免登 (GET /dingtalk/login): the person arrives logged in as himself, no password.
     * {@code dingtalk://dingtalkclient/page/link?url=…&pc_slide=true}.
     */
    public String inDingTalk(String path) {
        String login = to("/dingtalk/login?redirect=" + encode(path.startsWith("/") ? path : "/" + path));
        return "dingtalk://dingtalkclient/page/link?url=" + encode(login) + "&pc_slide=true";
    }

    /** A task's path in the Tasklist (its link is {@link #task}). */
    public static String taskPath(String taskId) {
        return "/camunda/app/tasklist/default/#/?task=" + taskId;
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String trimmed(String url) {
        String base = url == null ? "" : url.strip();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return base;
    }
}
