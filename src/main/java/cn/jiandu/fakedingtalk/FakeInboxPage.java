package cn.jiandu.fakedingtalk;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The fake DingTalk's inbox page for newcomers: what each person and each group robot would
 * have received, newest first. Everything received is escaped: the page shows markdown as
 * text and never runs what a message carries.
 */
final class FakeInboxPage {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private FakeInboxPage() {
    }

    static String render(List<FakeDingTalk.Received> received, List<FakeDingTalk.Received> dropped, ZoneId zone) {
        Map<String, List<FakeDingTalk.Received>> people = new TreeMap<>();
        Map<String, List<FakeDingTalk.Received>> robots = new TreeMap<>();
        for (FakeDingTalk.Received message : received) {
            if (message.channel() == FakeDingTalk.Channel.WORK) {
                for (String userId : message.userIds()) {
                    people.computeIfAbsent(userId, id -> new ArrayList<>()).add(0, message);
                }
            } else {
                robots.computeIfAbsent(message.robot(), name -> new ArrayList<>()).add(0, message);
            }
        }
        StringBuilder html = new StringBuilder(4096);
        html.append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">")
                .append("<title>钉钉消息收件箱（演示）</title><style>")
                .append("body{font-family:sans-serif;margin:2em;max-width:60em}")
                .append("section{border:1px solid #ccc;border-radius:6px;padding:0 1em;margin:1em 0}")
                .append("article{border-top:1px solid #eee;padding:.5em 0}")
                .append("pre{white-space:pre-wrap;background:#f6f6f6;padding:.5em}")
                .append(".meta{color:#666;font-size:90%}</style></head><body>\n")
                .append("<h1>钉钉消息收件箱（演示）</h1>\n")
                .append("<p>演示环境的模拟钉钉：以下消息没有发往真实钉钉。按人员（钉钉用户ID）和群机器人分组，最新的在前。</p>\n");
        html.append("<h2>工作通知</h2>\n");
        if (people.isEmpty()) {
            html.append("<p>暂无工作通知。</p>\n");
        }
        people.forEach((userId, messages) -> {
            html.append("<section><h3>用户 ").append(escape(userId)).append("（").append(messages.size())
                    .append(" 条）</h3>\n");
            messages.forEach(message -> article(html, message, zone, false));
            html.append("</section>\n");
        });
        html.append("<h2>群机器人</h2>\n");
        if (robots.isEmpty()) {
            html.append("<p>暂无群消息。</p>\n");
        }
        robots.forEach((robot, messages) -> {
            html.append("<section><h3>机器人 ").append(escape(robot)).append("（").append(messages.size())
                    .append(" 条）</h3>\n");
            messages.forEach(message -> article(html, message, zone, false));
            html.append("</section>\n");
        });
        if (!dropped.isEmpty()) {
            html.append("<h2>被钉钉丢弃的工作通知</h2>\n<p>钉钉对这些消息也回答成功，但不会送达：")
                    .append("同一内容同一天只发给同一人一次，每人每天最多 500 条。</p>\n<section>\n");
            for (int i = dropped.size() - 1; i >= 0; i--) {
                article(html, dropped.get(i), zone, true);
            }
            html.append("</section>\n");
        }
        return html.append("</body></html>\n").toString();
    }

    private static void article(StringBuilder html, FakeDingTalk.Received message, ZoneId zone,
            boolean recipients) {
        html.append("<article><div class=\"meta\">").append(TIME.format(message.at().atZone(zone)))
                .append(" · ").append(escape(message.msgtype()));
        if (message.channel() == FakeDingTalk.Channel.WORK && (recipients || message.userIds().size() > 1)) {
            html.append(" · 收件人 ").append(escape(String.join(", ", message.userIds())));
        }
        if (!message.atMobiles().isEmpty() || !message.atUserIds().isEmpty()) {
            List<String> at = new ArrayList<>(message.atMobiles());
            at.addAll(message.atUserIds());
            html.append(" · @ ").append(escape(String.join(", ", at)));
        }
        html.append("</div>");
        if (message.title() != null) {
            html.append("<h4>").append(escape(message.title())).append("</h4>");
        }
        html.append("<pre>").append(escape(message.text() == null ? "" : message.text())).append("</pre></article>\n");
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
