package cn.jiandu.page;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.jiandu.organisation.Officer;
import cn.jiandu.organisation.OrganisationService;
import cn.jiandu.organisation.Unit;

/**
 * People's names for one page: a user id (警号) becomes the officer's name, with his unit
 * where it helps; each id is looked up once per page. Ids that are no officer stay as they
 * are, but the process's own account reads 系统.
 */
final class People {

    static final String SYSTEM = "system";

    /** What may be a user id inside a sentence: letters, digits, - and _, not part of a longer word. */
    private static final Pattern ID = Pattern.compile("(?<![A-Za-z0-9_-])[A-Za-z0-9][A-Za-z0-9_-]{2,31}(?![A-Za-z0-9_-])");

    private final OrganisationService organisation;
    private final Map<String, Officer> officers = new HashMap<>();
    private final Map<String, String> units = new HashMap<>();

    People(OrganisationService organisation) {
        this.organisation = organisation;
    }

    /** 王法明（法制大队）, 系统, or the id itself when it is nobody known; empty for none. */
    String withUnit(String userId) {
        if (userId == null || userId.isBlank()) {
            return "";
        }
        if (SYSTEM.equals(userId)) {
            return "系统";
        }
        Officer officer = officer(userId);
        if (officer == null) {
            return userId;
        }
        String unit = unitName(officer.unitCode());
        return unit.isEmpty() ? officer.name() : officer.name() + "（" + unit + "）";
    }

    /** The officer's name, or the id itself. */
    String name(String userId) {
        if (userId == null || userId.isBlank()) {
            return "";
        }
        if (SYSTEM.equals(userId)) {
            return "系统";
        }
        Officer officer = officer(userId);
        return officer == null ? userId : officer.name();
    }

    /**
     * A sentence of the timeline with the user ids it quotes (an assignee, a message's
     * recipients, who raised the level) replaced by their names.
     */
    String names(String sentence) {
        if (sentence == null || sentence.isEmpty()) {
            return "";
        }
        Matcher m = ID.matcher(sentence);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Officer officer = officer(m.group());
            m.appendReplacement(out, Matcher.quoteReplacement(officer == null ? m.group() : officer.name()));
        }
        m.appendTail(out);
        return out.toString();
    }

    String unitName(String code) {
        if (code == null) {
            return "";
        }
        return units.computeIfAbsent(code, c -> organisation.findUnit(c).map(Unit::name).orElse(c));
    }

    private Officer officer(String userId) {
        if (!officers.containsKey(userId)) {
            officers.put(userId, organisation.findOfficer(userId).orElse(null));
        }
        return officers.get(userId);
    }
}
