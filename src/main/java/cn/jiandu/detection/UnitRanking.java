package cn.jiandu.detection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The units' rates (分流率、受立案率、回执开具率 …), their colours and the ranking, free of
 * Spring and of the database. A unit with nothing to count for a rate has no rate (null)
 * and no colour; a unit is ranked by the average of the rates it has, best first, equal
 * averages sharing a rank; a unit with no rate at all is not ranked and comes last.
 */
final class UnitRanking {

    enum Colour {
        GREEN, YELLOW, RED
    }

    /** What was counted for one unit. */
    record Counts(String code, String name, long incidents, long divertedInTime, long adminIncidents,
            long adminAccepted, long criminalIncidents, long criminalDecided, long accepted, long withReceipt,
            long filed, long withNotice, long openProblems, long overdueProblems) {
    }

    /** One unit's line of the ranking. Rates are fractions (0.9512), rounded to four places. */
    record UnitRate(Integer rank, String code, String name, Double averageRate, Double diversionRate,
            Double adminAcceptanceRate, Double criminalFilingRate, Double receiptRate, Double filingNoticeRate,
            Map<String, Colour> colours, long openProblems, long overdueProblems, Map<String, Long> counts) {
    }

    private UnitRanking() {
    }

    static List<UnitRate> rank(List<Counts> units, double green, double yellow) {
        List<Scored> scored = new ArrayList<>();
        for (Counts c : units) {
            Map<String, Double> rates = new LinkedHashMap<>();
            rates.put("diversionRate", rate(c.divertedInTime(), c.incidents()));
            rates.put("adminAcceptanceRate", rate(c.adminAccepted(), c.adminIncidents()));
            rates.put("criminalFilingRate", rate(c.criminalDecided(), c.criminalIncidents()));
            rates.put("receiptRate", rate(c.withReceipt(), c.accepted()));
            rates.put("filingNoticeRate", rate(c.withNotice(), c.filed()));
            double sum = 0;
            int n = 0;
            for (Double rate : rates.values()) {
                if (rate != null) {
                    sum += rate;
                    n++;
                }
            }
            scored.add(new Scored(c, rates, n == 0 ? null : sum / n));
        }
        scored.sort(Comparator.comparing((Scored s) -> s.average == null)
                .thenComparing(s -> s.average == null ? 0 : -s.average)
                .thenComparing(s -> s.counts.code()));
        List<UnitRate> ranked = new ArrayList<>();
        Integer rank = null;
        Double previous = null;
        for (int i = 0; i < scored.size(); i++) {
            Scored s = scored.get(i);
            if (s.average == null) {
                rank = null;
            } else if (previous == null || Double.compare(round(s.average), round(previous)) != 0) {
                rank = i + 1;
            }
            previous = s.average;
            Map<String, Colour> colours = new LinkedHashMap<>();
            s.rates.forEach((name, rate) -> colours.put(name, colour(rate, green, yellow)));
            Counts c = s.counts;
            Map<String, Long> counts = new LinkedHashMap<>();
            counts.put("incidents", c.incidents());
            counts.put("divertedInTime", c.divertedInTime());
            counts.put("adminIncidents", c.adminIncidents());
            counts.put("adminAccepted", c.adminAccepted());
            counts.put("criminalIncidents", c.criminalIncidents());
            counts.put("criminalDecided", c.criminalDecided());
            counts.put("casesAccepted", c.accepted());
            counts.put("casesWithReceipt", c.withReceipt());
            counts.put("casesFiled", c.filed());
            counts.put("casesWithFilingNotice", c.withNotice());
            ranked.add(new UnitRate(rank, c.code(), c.name(), s.average == null ? null : round(s.average),
                    round(s.rates.get("diversionRate")), round(s.rates.get("adminAcceptanceRate")),
                    round(s.rates.get("criminalFilingRate")), round(s.rates.get("receiptRate")),
                    round(s.rates.get("filingNoticeRate")), colours, c.openProblems(), c.overdueProblems(), counts));
        }
        return ranked;
    }

    static Colour colour(Double rate, double green, double yellow) {
        if (rate == null) {
            return null;
        }
        if (rate >= green) {
            return Colour.GREEN;
        }
        return rate >= yellow ? Colour.YELLOW : Colour.RED;
    }

    private static Double rate(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    private static Double round(Double value) {
        return value == null ? null : Math.round(value * 10_000) / 10_000.0;
    }

    private record Scored(Counts counts, Map<String, Double> rates, Double average) {
    }
}
