package cn.jiandu.fakedingtalk;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fake DingTalk's inbox page for newcomers: what each person and each group robot would
 * have received, shown as DingTalk shows it (the markdown as formatted text, the level's
 * colour, the button that opens the problem), recipients by name and unit, a filter per
 * person or group, newest first, {@value #PAGE_SIZE} to a page. Everything received is
 * escaped before the few markdown forms DingTalk renders are turned into markup: a message
 * never runs what it carries, and a link is only ever http(s) or a path of the app.
 */
final class FakeInboxPage {

    static final int PAGE_SIZE = 20;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final String ROBOT = "robot:";
    private static final Pattern SAFE_URL = Pattern.compile("(https?://|/)[^\\s\"'<>\\\\]*");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)]\\(([^)\\s]*)\\)");
    private static final Pattern BOLD = Pattern.compile("\\*\\*(.+?)\\*\\*");
    private static final Pattern FONT = Pattern.compile(
            "&lt;font color=&quot;(#[0-9A-Fa-f]{3,6})&quot;&gt;(.*?)&lt;/font&gt;");
    /** The characters markdown lets a backslash escape. */
    private static final Pattern ESCAPED = Pattern.compile("\\\\([\\\\`*_{}\\[\\]()#+\\-.!|<>~])");
    /** A private-use character stands for an escaped one until the markup is made. */
    private static final char HOLD = '\uE000';

    /**
     * What to show: messages, who is who, the chosen recipient and page, how to open a link in
     * DingTalk, and the chosen person's to-dos (null: no 待办 section, as for a group or everyone).
     */
    record View(List<FakeDingTalk.Received> received, List<FakeDingTalk.Received> dropped, ZoneId zone,
            Function<String, String> personLabel, String to, int page, String path, Opener opener,
            List<FakeDingTalk.Todo> todos) {

        View(List<FakeDingTalk.Received> received, List<FakeDingTalk.Received> dropped, ZoneId zone,
                Function<String, String> personLabel, String to, int page, String path, Opener opener) {
            this(received, dropped, zone, personLabel, to, page, path, opener, null);
        }

        View(List<FakeDingTalk.Received> received, List<FakeDingTalk.Received> dropped, ZoneId zone,
                Function<String, String> personLabel, String to, int page, String path) {
            this(received, dropped, zone, personLabel, to, page, path, null, null);
        }

        /** Whether the page has a 待办 section: one person chosen and his to-dos given. */
        boolean showsTodos() {
            return todos != null && to != null && !to.isBlank() && !to.startsWith(ROBOT);
        }
    }

    /**
     * The fake playing the DingTalk container for 免登: where "在钉钉中打开" posts (the app's
     * fake-only endpoint, which has the fake issue a code for the person and opens the page
     * with it) and the CSRF field it carries. Without one the page is opened plainly, as a
     * browser outside DingTalk would.
     */
    record Opener(String path, String csrfParameter, String csrfToken) {
    }

    private static final String IN_DINGTALK = "dingtalk://dingtalkclient/page/link?";

    private FakeInboxPage() {
    }

    static String render(View view) {
        // who received anything: people by their label, groups by the robot's name
        Map<String, String> recipients = new LinkedHashMap<>();
        for (FakeDingTalk.Received message : view.received()) {
            for (String key : keys(message)) {
                recipients.putIfAbsent(key, label(key, view.personLabel()));
            }
        }
        List<FakeDingTalk.Received> shown = new ArrayList<>();
        for (int i = view.received().size() - 1; i >= 0; i--) {
            FakeDingTalk.Received message = view.received().get(i);
            if (view.to() == null || view.to().isEmpty() || keys(message).contains(view.to())) {
                shown.add(message);
            }
        }
        int pages = Math.max(1, (shown.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int page = Math.min(Math.max(view.page(), 0), pages - 1);

        StringBuilder html = new StringBuilder(16384);
        html.append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>钉钉消息收件箱（演示）</title><style>").append(STYLE).append("</style></head><body>\n")
                .append("<header><h1>钉钉消息收件箱（演示）</h1>")
                .append("<p>演示环境的模拟钉钉：这些消息没有发往真实钉钉，这里按钉钉的样子显示每个人和每个群收到的消息，最新的在前。</p>")
                .append("<form method=\"get\" action=\"").append(escape(view.path())).append("\">")
                .append("<label>收件人 <select name=\"to\">")
                .append("<option value=\"\">全部（").append(view.received().size()).append(" 条）</option>");
        recipients.entrySet().stream().sorted(Map.Entry.comparingByValue()).forEach(r -> html.append("<option value=\"")
                .append(escape(r.getKey())).append('"').append(r.getKey().equals(view.to()) ? " selected" : "")
                .append('>').append(escape(r.getValue())).append("</option>"));
        html.append("</select></label> <button type=\"submit\">查看</button></form></header>\n");
        if (view.showsTodos()) {
            todoSection(html, view);
        }
        html.append("<main>\n");
        if (shown.isEmpty()) {
            html.append("<p class=\"empty\">暂无消息。</p>\n");
        }
        for (FakeDingTalk.Received message : shown.subList(page * PAGE_SIZE, Math.min(shown.size(),
                (page + 1) * PAGE_SIZE))) {
            card(html, message, view, false);
        }
        html.append("</main>\n");
        if (pages > 1) {
            html.append("<nav>");
            if (page > 0) {
                html.append("<a href=\"").append(escape(pageLink(view, page - 1))).append("\">上一页</a> ");
            }
            html.append("第 ").append(page + 1).append(" / ").append(pages).append(" 页，共 ").append(shown.size())
                    .append(" 条");
            if (page < pages - 1) {
                html.append(" <a href=\"").append(escape(pageLink(view, page + 1))).append("\">下一页</a>");
            }
            html.append("</nav>\n");
        }
        if (!view.dropped().isEmpty()) {
            html.append("<details><summary>被钉钉丢弃的工作通知（").append(view.dropped().size())
                    .append(" 条）</summary><p>钉钉对这些消息也回答成功，但不会送达：")
                    .append("同一内容同一天只发给同一人一次，每人每天最多 500 条。最近的 ").append(PAGE_SIZE)
                    .append(" 条：</p>\n");
            for (int i = view.dropped().size() - 1; i >= Math.max(0, view.dropped().size() - PAGE_SIZE); i--) {
                card(html, view.dropped().get(i), view, true);
            }
            html.append("</details>\n");
        }
        return html.append("</body></html>\n").toString();
    }

    private static final String STYLE = "body{font-family:'PingFang SC','Noto Sans CJK SC','Microsoft YaHei',sans-serif;"
            + "margin:0;background:#f2f3f5;color:#1f2329}"
            + "header{background:#fff;padding:12px 16px;border-bottom:1px solid #e5e6eb}"
            + "h1{font-size:20px;margin:0 0 6px}header p{margin:0 0 8px;color:#646a73;font-size:14px}"
            + "select{max-width:100%;font-size:14px;padding:4px}main{max-width:640px;margin:0 auto;padding:8px}"
            + ".card{background:#fff;border-radius:8px;margin:12px 0;overflow:hidden;box-shadow:0 1px 3px rgba(0,0,0,.08);"
            + "border-top:4px solid #3370ff}.card.YELLOW{border-top-color:#E6A23C}.card.RED{border-top-color:#D9001B}"
            + ".card.GROUP{border-top-color:#8f959e}.meta{font-size:12px;color:#8f959e;padding:8px 14px 0}"
            + ".to{font-size:13px;color:#646a73;padding:2px 14px 0}.body{padding:4px 14px 8px;font-size:15px;line-height:1.6;"
            + "overflow-wrap:anywhere}.body h4{font-size:16px;margin:8px 0}.body ul{padding-left:20px;margin:4px 0}"
            + ".body blockquote{margin:6px 0;padding:4px 10px;border-left:3px solid #dee0e3;color:#646a73}"
            + ".body p{margin:6px 0}.preview{font-size:12px;color:#8f959e;padding:2px 14px 0;white-space:nowrap;"
            + "overflow:hidden;text-overflow:ellipsis}"
            + ".button{display:block;text-align:center;border-top:1px solid #e5e6eb;padding:10px;color:#3370ff;"
            + "text-decoration:none;font-size:15px}.open{margin:0}.open .button{width:100%;background:none;border:0;"
            + "border-top:1px solid #e5e6eb;cursor:pointer;font-family:inherit}.dropped{opacity:.6}nav{text-align:center;padding:12px;font-size:14px}"
            + "details{max-width:640px;margin:12px auto;padding:0 8px;font-size:14px}.empty{text-align:center;color:#8f959e}"
            + ".todos{max-width:640px;margin:8px auto 0;padding:0 8px}.todos h2{font-size:16px;margin:12px 0 0}"
            + ".card.todo{border-top-color:#00b578}.card.todo.done{opacity:.6}";

    private static void card(StringBuilder html, FakeDingTalk.Received message, View view, boolean dropped) {
        boolean group = message.channel() == FakeDingTalk.Channel.ROBOT;
        html.append("<article class=\"card ").append(group ? "GROUP" : level(message.title()))
                .append(dropped ? " dropped" : "").append("\"><div class=\"meta\">")
                .append(group ? "群机器人 · " + escape(label(ROBOT + message.robot(), view.personLabel()))
                        : "工作通知 · 执法监督")
                .append(" · ").append(TIME.format(message.at().atZone(view.zone()))).append("</div>");
        if (!group) {
            List<String> names = message.userIds().stream().map(id -> label(id, view.personLabel())).toList();
            html.append("<div class=\"to\">").append(dropped ? "未送达：" : "收件人：")
                    .append(escape(String.join("、", names))).append("</div>");
        }
        if (!message.atMobiles().isEmpty() || !message.atUserIds().isEmpty()) {
            List<String> at = new ArrayList<>(message.atMobiles());
            message.atUserIds().forEach(id -> at.add(label(id, view.personLabel())));
            html.append("<div class=\"to\">@ ").append(escape(String.join("、", at))).append("</div>");
        }
        if (message.title() != null) {
            // what the phone's notification and the conversation list show
            html.append("<div class=\"preview\">").append(escape(message.title())).append("</div>");
        }
        html.append("<div class=\"body\">").append(markdown(message.text())).append("</div>");
        String link = message.link();
        String inside = insideDingTalk(link);
        if (inside != null) {
            openInDingTalk(html, message, view, inside);
        } else if (link != null && SAFE_URL.matcher(link).matches()) {
            html.append("<a class=\"button\" href=\"").append(escape(link))
                    .append("\" target=\"_blank\" rel=\"noopener\">查看问题并办理</a>");
        }
        html.append("</article>\n");
    }

    /**
     * The page a link that DingTalk opens inside itself
     * ({@code dingtalk://dingtalkclient/page/link?url=…}) leads to; null for any other link
     * or a page that is not http(s) or a path.
     */
    static String insideDingTalk(String link) {
        if (link == null || !link.startsWith(IN_DINGTALK)) {
            return null;
        }
        for (String pair : link.substring(IN_DINGTALK.length()).split("&")) {
            if (pair.startsWith("url=")) {
                String url = URLDecoder.decode(pair.substring(4), StandardCharsets.UTF_8);
                return SAFE_URL.matcher(url).matches() ? url : null;
            }
        }
        return null;
    }

    /**
     * "在钉钉中打开" for each recipient shown (the one chosen, else everyone the message went
     * to): with an {@link Opener}, a form that has the fake issue that person's 免登 code;
     * without, the page itself.
     */
    private static void openInDingTalk(StringBuilder html, FakeDingTalk.Received message, View view, String url) {
        List<String> people = message.channel() == FakeDingTalk.Channel.ROBOT || view.opener() == null ? List.of("")
                : view.to() != null && message.userIds().contains(view.to()) ? List.of(view.to()) : message.userIds();
        for (String userId : people) {
            String label = "在钉钉中打开" + (people.size() > 1 ? "（" + label(userId, view.personLabel()) + "）" : "");
            if (userId.isEmpty()) {
                html.append("<a class=\"button\" href=\"").append(escape(url))
                        .append("\" target=\"_blank\" rel=\"noopener\">").append(label).append("</a>");
                continue;
            }
            openForm(html, view.opener(), userId, url, label);
        }
    }

    /** A button that has the fake issue {@code userId}'s 免登 code and opens {@code url} with it. */
    private static void openForm(StringBuilder html, Opener opener, String userId, String url, String label) {
        html.append("<form class=\"open\" method=\"post\" action=\"").append(escape(opener.path())).append("\">")
                .append("<input type=\"hidden\" name=\"userid\" value=\"").append(escape(userId)).append("\">")
                .append("<input type=\"hidden\" name=\"url\" value=\"").append(escape(url)).append("\">");
        if (opener.csrfToken() != null && !opener.csrfToken().isEmpty()) {
            html.append("<input type=\"hidden\" name=\"").append(escape(opener.csrfParameter()))
                    .append("\" value=\"").append(escape(opener.csrfToken())).append("\">");
        }
        html.append("<button type=\"submit\" class=\"button\">").append(escape(label)).append("</button></form>");
    }

    /**
     * The 待办 section of the person chosen: his DingTalk to-dos (subject, due, done or not),
     * newest first, as a block of its own above his messages. 「在钉钉中办理」 of an open to-do
     * opens its task as DingTalk would: inside DingTalk through 免登 (with an {@link Opener},
     * logged in as that person), else the page itself.
     */
    private static void todoSection(StringBuilder html, View view) {
        List<FakeDingTalk.Todo> todos = view.todos();
        html.append("<section class=\"todos\" id=\"todos\"><h2>待办（")
                .append(escape(label(view.to(), view.personLabel()))).append("，")
                .append(todos.stream().filter(t -> !t.done()).count()).append(" 项未完成）</h2>\n");
        if (todos.isEmpty()) {
            html.append("<p class=\"empty\">暂无待办。</p>\n");
        }
        for (FakeDingTalk.Todo todo : todos) {
            html.append("<article class=\"card todo").append(todo.done() ? " done" : "").append("\">")
                    .append("<div class=\"meta\">待办 · ").append(todo.done() ? "已完成" : "未完成");
            if (todo.dueTime() != null) {
                html.append(" · 截止 ")
                        .append(TIME.format(java.time.Instant.ofEpochMilli(todo.dueTime()).atZone(view.zone())));
            }
            html.append("</div><div class=\"body\"><p>").append(escape(todo.subject())).append("</p></div>");
            String link = todo.pcUrl() != null ? todo.pcUrl() : todo.appUrl();
            String inside = insideDingTalk(link);
            if (todo.done()) {
                // a done task is no longer in the Tasklist: nothing to open
            } else if (inside != null && view.opener() != null) {
                openForm(html, view.opener(), view.to(), inside, "在钉钉中办理");
            } else if (inside != null || link != null && SAFE_URL.matcher(link).matches()) {
                html.append("<a class=\"button\" href=\"").append(escape(inside != null ? inside : link))
                        .append("\" target=\"_blank\" rel=\"noopener\">在钉钉中办理</a>");
            }
            html.append("</article>\n");
        }
        html.append("</section>\n");
    }

    /** The level a problem message's title names (【红色预警】…), for the card's colour. */
    private static String level(String title) {
        if (title == null) {
            return "BLUE";
        }
        return title.contains("红色预警") ? "RED" : title.contains("黄色预警") ? "YELLOW" : "BLUE";
    }

    private static List<String> keys(FakeDingTalk.Received message) {
        return message.channel() == FakeDingTalk.Channel.ROBOT ? List.of(ROBOT + message.robot()) : message.userIds();
    }

    private static String label(String key, Function<String, String> personLabel) {
        if (key.startsWith(ROBOT)) {
            String robot = key.substring(ROBOT.length());
            return "bureau".equals(robot) ? "分局钉钉群" : "钉钉群 " + robot;
        }
        String label = personLabel.apply(key);
        return label == null ? "钉钉用户 " + key : label;
    }

    private static String pageLink(View view, int page) {
        String to = view.to() == null || view.to().isEmpty() ? ""
                : "to=" + URLEncoder.encode(view.to(), StandardCharsets.UTF_8) + "&";
        return view.path() + "?" + to + "page=" + page;
    }

    /**
     * The markdown DingTalk renders, as HTML: headings, bold, lists, quotes, links and the
     * {@code <font color>} of the level. The text is escaped first; a backslash-escaped
     * character stays that character and never starts markup.
     */
    static String markdown(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        List<String> held = new ArrayList<>();
        Matcher escapes = ESCAPED.matcher(text.replaceAll("[\uE000-\uF8FF]", " "));
        StringBuilder plain = new StringBuilder();
        while (escapes.find()) {
            held.add(escapes.group(1));
            escapes.appendReplacement(plain, Matcher.quoteReplacement(String.valueOf((char) (HOLD + 1 + held.size() - 1))));
        }
        escapes.appendTail(plain);
        StringBuilder html = new StringBuilder();
        boolean list = false;
        StringBuilder paragraph = new StringBuilder();
        for (String raw : escape(plain.toString()).split("\n", -1)) {
            String line = raw.strip();
            boolean item = line.startsWith("- ") || line.startsWith("* ");
            if (!item && list) {
                html.append("</ul>");
                list = false;
            }
            if (line.isEmpty()) {
                flush(html, paragraph);
            } else if (line.startsWith("#")) {
                flush(html, paragraph);
                html.append("<h4>").append(inline(line.replaceFirst("^#+\\s*", ""))).append("</h4>");
            } else if (item) {
                flush(html, paragraph);
                if (!list) {
                    html.append("<ul>");
                    list = true;
                }
                html.append("<li>").append(inline(line.substring(2))).append("</li>");
            } else if (line.startsWith("&gt;")) {
                flush(html, paragraph);
                html.append("<blockquote>").append(inline(line.substring(4).strip())).append("</blockquote>");
            } else {
                paragraph.append(paragraph.length() > 0 ? "<br>" : "").append(inline(line));
            }
        }
        flush(html, paragraph);
        if (list) {
            html.append("</ul>");
        }
        String result = html.toString();
        for (int i = 0; i < held.size(); i++) {
            result = result.replace(String.valueOf((char) (HOLD + 1 + i)), escape(held.get(i)));
        }
        return result;
    }

    private static void flush(StringBuilder html, StringBuilder paragraph) {
        if (paragraph.length() > 0) {
            html.append("<p>").append(paragraph).append("</p>");
            paragraph.setLength(0);
        }
    }

    /** Bold, links and the level's colour in one escaped line. */
    private static String inline(String escapedLine) {
        String line = FONT.matcher(escapedLine).replaceAll("<span style=\"color:$1\">$2</span>");
        line = BOLD.matcher(line).replaceAll("<strong>$1</strong>");
        Matcher links = LINK.matcher(line);
        StringBuilder out = new StringBuilder();
        while (links.find()) {
            String url = links.group(2).replace("&amp;", "&");
            // a link DingTalk opens inside itself is, outside DingTalk, its page
            String inside = insideDingTalk(url);
            url = inside != null ? inside : url;
            String replacement = SAFE_URL.matcher(url).matches()
                    ? "<a href=\"" + escape(url) + "\" target=\"_blank\" rel=\"noopener\">" + links.group(1) + "</a>"
                    : links.group(1);
            links.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        links.appendTail(out);
        return out.toString();
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
