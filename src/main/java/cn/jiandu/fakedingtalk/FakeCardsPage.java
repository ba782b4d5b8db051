package cn.jiandu.fakedingtalk;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;

/**
 * The interactive cards (互动卡片) section of the demo inbox: each person's cards as DingTalk
 * shows them, with working buttons (签收; 批示 with its text box and 已阅) that press the card
 * as its owner would — the fake then calls the app's HTTP callback, signed as DingTalk signs
 * it. A card whose task is done shows who did what and when, and no buttons. Everything shown
 * is escaped.
 */
final class FakeCardsPage {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final String STYLE = "<style>#cards{max-width:640px;margin:0 auto;padding:8px}"
            + "#cards h2{font-size:17px;margin:12px 0 4px}.icard{background:#fff;border-radius:8px;margin:12px 0;"
            + "padding:12px 16px;box-shadow:0 1px 3px rgba(0,0,0,.08);border-left:4px solid #1E6FD9}"
            + ".icard h3{font-size:15px;margin:0 0 6px}.icard dl{margin:0;font-size:14px;color:#333}"
            + ".icard dt{float:left;color:#8f959e;width:5em}.icard dd{margin:0 0 4px 5em}"
            + ".icard .status{margin:8px 0;font-weight:600;color:#1E6FD9}.icard form{display:inline-block;margin:4px 8px 0 0}"
            + ".icard form.text{display:block}.icard textarea{width:100%;min-height:4.5em;box-sizing:border-box;"
            + "margin:4px 0;font:inherit;padding:6px}"
            + ".icard button{background:#1E6FD9;color:#fff;border:0;border-radius:4px;padding:6px 16px;font-size:14px}"
            + ".icard .meta{font-size:12px;color:#8f959e}</style>";

    /**
     * What to show.
     *
     * @param kindOf the card kind (sign, instruction) of a template id, or null
     * @param pressPath where the buttons post (outTrackId, userId, action, instruction)
     * @param csrfName the form field of the CSRF token, and its value
     */
    record View(List<FakeCards.Card> cards, ZoneId zone, Function<String, String> personLabel,
            Function<String, String> kindOf, String pressPath, String csrfName, String csrfToken) {
    }

    private FakeCardsPage() {
    }

    static String render(View view) {
        StringBuilder html = new StringBuilder(4096).append(STYLE).append("<section id=\"cards\"><h2>互动卡片（")
                .append(view.cards().size()).append(" 张）</h2>\n");
        if (view.cards().isEmpty()) {
            html.append("<p class=\"empty\">暂无互动卡片。</p>");
        }
        for (FakeCards.Card card : view.cards()) {
            String owner = view.personLabel().apply(card.userId());
            html.append("<article class=\"icard\"><h3>").append(e(card.params().get("title"))).append("</h3><dl>")
                    .append("<dt>单位</dt><dd>").append(e(card.params().get("unit"))).append("</dd>")
                    .append("<dt>预警</dt><dd>").append(e(card.params().get("level"))).append("</dd>")
                    .append("<dt>期限</dt><dd>").append(e(card.params().get("due"))).append("</dd></dl>")
                    .append("<p class=\"status\">").append(e(card.seenBy(card.userId(), "status"))).append("</p>");
            if (!"true".equals(card.seenBy(card.userId(), "done"))) {
                String kind = view.kindOf().apply(card.templateId());
                if ("instruction".equals(kind)) {
                    html.append(form(view, card, "instruct", "批示", true)).append(form(view, card, "read", "已阅", false));
                } else if ("sign".equals(kind)) {
                    html.append(form(view, card, "sign", "签收", false));
                }
            }
            html.append("<p class=\"meta\">收件人：").append(e(owner == null ? card.userId() : owner)).append(" · ")
                    .append(TIME.format(card.createdAt().atZone(view.zone()))).append("</p></article>\n");
        }
        return html.append("</section>\n").toString();
    }

    private static String form(View view, FakeCards.Card card, String action, String label, boolean text) {
        StringBuilder form = new StringBuilder("<form").append(text ? " class=\"text\"" : "")
                .append(" method=\"post\" action=\"").append(e(view.pressPath())).append("\"><input type=\"hidden\" name=\"").append(e(view.csrfName())).append("\" value=\"")
                .append(e(view.csrfToken())).append("\"><input type=\"hidden\" name=\"outTrackId\" value=\"")
                .append(e(card.outTrackId())).append("\"><input type=\"hidden\" name=\"action\" value=\"")
                .append(e(action)).append("\">");
        if (text) {
            form.append("<textarea name=\"instruction\" maxlength=\"1000\" required placeholder=\"批示内容\"></textarea>");
        }
        return form.append("<button type=\"submit\">").append(e(label)).append("</button></form>").toString();
    }

    private static String e(String text) {
        return FakeInboxPage.escape(text);
    }
}
